#!/usr/bin/env bash
# Issue 5 figure: audit-chain verification rate over RECORDS records (default 1,000,000) on
# PostgreSQL. Seeds a valid chain with bench's AuditChainSeeder (the server's own hash; not shipped in
# the server jar) into a scratch database Janua has migrated, then times GET /api/v1/admin/audit-logs/verify (3 runs).
# Usage: ./janua bench audit   (RECORDS=… to change the size; JANUA_BENCH_PORT / JANUA_BENCH_DB for another port or database)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDS="${RECORDS:-1000000}"
PORT="${JANUA_BENCH_PORT:-8903}"
DB="${JANUA_BENCH_DB:-janua_audit_bench}"
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
source "$ROOT/bench/pg-server.sh"
sleep 3  # let the appender take the bootstrap events
# bench/run.sh has built bench/target/benchmarks.jar before calling this script
# KEEP_DB=1 (bench/pg-server.sh) on a database already seeded: measured again as it is, for A/B runs of two builds
if [ "${KEEP_DB:-0}" = 1 ] && [ "$("${PSQL[@]}" -d $DB -tAc "SELECT count(*) >= $RECORDS FROM audit_log")" = t ]; then
  echo "audit log already holds $RECORDS records or more: not seeded again" | tee "$OUT/audit-seed.txt"
else
  java -cp "$ROOT/bench/target/benchmarks.jar" dev.janua.bench.AuditChainSeeder "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" \
    "$RECORDS" | tee "$OUT/audit-seed.txt"
fi
# what autovacuum would do after a million inserts (it is off on this machine's PostgreSQL): without statistics
# PostgreSQL plans the ordered read as a bitmap scan plus a sort of every row (3.4 s of its CPU against 2.5 s)
"${PSQL[@]}" -d $DB -c "ANALYZE audit_log" >/dev/null
TOKEN=$(admin_token)
: >"$OUT/audit-verify.jsonl"
for i in 1 2 3; do
  curl -s "http://127.0.0.1:$PORT/api/v1/admin/audit-logs/verify" -H "Authorization: Bearer $TOKEN" | tee -a "$OUT/audit-verify.jsonl"; echo
done
# the same chain through both readers of the verifier, alternating in one process: the ratio under one load
java -cp "$ROOT/bench/target/benchmarks.jar" dev.janua.bench.AuditVerifyCompare "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" 3 \
  | tee "$OUT/audit-verify-readers.jsonl"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/audit-verify-readers.jsonl"
