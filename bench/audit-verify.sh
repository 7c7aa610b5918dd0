#!/usr/bin/env bash
# Issue 5 figure: audit-chain verification rate over RECORDS records (default 1,000,000) on
# PostgreSQL. Seeds a valid chain with the server's own AuditChainSeeder into a scratch database
# Janua has migrated, then times GET /api/v1/admin/audit-logs/verify (3 runs).
# Usage: bench/audit-verify.sh   (after ./janua build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDS="${RECORDS:-1000000}"
PORT=8903
DB=janua_audit_bench
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
data=$(mktemp -d)
export JANUA_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" JANUA_PORT=$PORT JANUA_DATA_DIR="$data" \
  JANUA_ADMIN_EMAIL=admin@bench.example JANUA_ADMIN_PASSWORD='bench admin passphrase' JANUA_RATE_LIMITS_ENABLED=false
"$ROOT/janua" start >"$OUT/audit-server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null; do sleep 0.2; done
sleep 3  # let the appender take the bootstrap events
java -cp "$ROOT/server/target/janua-server.jar" -Dloader.main=dev.janua.server.audit.app.AuditChainSeeder \
  org.springframework.boot.loader.launch.PropertiesLauncher "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "$RECORDS" \
  | tee "$OUT/audit-seed.txt"
TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/auth/signin" -H 'Content-Type: application/json' \
  -d '{"email":"admin@bench.example","password":"bench admin passphrase"}' | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4)
: >"$OUT/audit-verify.jsonl"
for i in 1 2 3; do
  curl -s "http://127.0.0.1:$PORT/api/v1/admin/audit-logs/verify" -H "Authorization: Bearer $TOKEN" | tee -a "$OUT/audit-verify.jsonl"; echo
done
