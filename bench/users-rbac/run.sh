#!/usr/bin/env bash
# Issue 3 figures: permission checks per second and admin user list/search latency (p50/p99) with
# USERS seeded users (default 100,000) on PostgreSQL. Needs psql, wrk (Debian package) and a
# PostgreSQL at 127.0.0.1:5432 with trust auth. Creates (and drops at the end) database janua_bench.
# Usage: ./janua bench users   (USERS=1000000 for the 1M target)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
USERS="${USERS:-100000}"
PORT=8902
DB=janua_bench
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "this benchmark needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
source "$ROOT/bench/pg-server.sh"
start=$(date +%s.%N)
"${PSQL[@]}" -d $DB -v users="$USERS" -f "$ROOT/bench/users-rbac/seed-users.sql" >/dev/null
echo "seeded $USERS users in $(echo "$(date +%s.%N) - $start" | bc) s"
"${PSQL[@]}" -d $DB -c "ANALYZE" >/dev/null
ADMIN_TOKEN=$(admin_token)
export ADMIN_TOKEN
H="Authorization: Bearer $ADMIN_TOKEN"; U="http://127.0.0.1:$PORT/api/v1/admin/users"
CURSOR=$(printf 'usr_BENCH%021d' 50000 | base64 | tr '+/' '-_' | tr -d '=')
run() { # name, wrk args…
  local name=$1; shift
  local r; r=$(wrk -t2 -c8 -d10s --latency "$@")
  local rps p50 p99 non2xx
  rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$r" | awk '$1=="50%" {print $2}')
  p99=$(echo "$r" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$r" | awk '/Non-2xx/ {print $NF}')
  echo "{\"case\":\"$name\",\"requestsPerSecond\":${rps:-0},\"p50\":\"$p50\",\"p99\":\"$p99\",\"non2xx\":${non2xx:-0}}" | tee -a "$OUT/users-rbac.jsonl"
}
: >"$OUT/users-rbac.jsonl"
run permission-check -s "$ROOT/bench/users-rbac/permission-check.lua" "http://127.0.0.1:$PORT"
run list-first-page -H "$H" "$U?limit=50"
run list-deep-cursor -H "$H" "$U?limit=50&cursor=$CURSOR"
run list-sort-created-desc -H "$H" "$U?limit=50&sort=created_at:desc"
run list-sort-email -H "$H" "$U?limit=50&sort=email:asc"
run list-status-suspended -H "$H" "$U?limit=50&status=suspended"
run search-common -H "$H" "$U?limit=50&search=smith"
run search-rare -H "$H" "$U?limit=50&search=user4242"
run list-organization -H "$H" "$U?limit=50&organizationId=org_BENCH000000000000000000001"
run list-page-100 -H "$H" "$U?limit=50&page=100"
