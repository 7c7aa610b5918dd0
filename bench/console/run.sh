#!/usr/bin/env bash
# Issue 15 figures: server time of each admin console page with USERS seeded users (default 100,000)
# on PostgreSQL, as the bootstrap admin signed in through the hosted sign-in (cookie session).
# Needs psql, curl and a PostgreSQL at 127.0.0.1:5432 with trust auth. Creates (and drops at the end)
# database janua_bench_console. Usage: bench/console/run.sh   (REPEAT=20 requests per page)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
USERS="${USERS:-100000}"
REPEAT="${REPEAT:-20}"
PORT=8915
DB=janua_bench_console
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
source "$ROOT/bench/pg-server.sh"
"${PSQL[@]}" -d $DB -v users="$USERS" -f "$ROOT/bench/users-rbac/seed-users.sql" >/dev/null
"${PSQL[@]}" -d $DB -c "ANALYZE" >/dev/null
BASE="http://127.0.0.1:$PORT"
JAR=$(mktemp)
# sign in as a browser would: the form's CSRF token, then the password
CSRF=$(curl -s -c "$JAR" -b "$JAR" "$BASE/hosted/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
curl -s -o /dev/null -c "$JAR" -b "$JAR" -X POST "$BASE/hosted/sign-in" \
  --data-urlencode "_csrf=$CSRF" --data-urlencode "email=admin@bench.example" --data-urlencode "password=bench admin passphrase"
ORG=$("${PSQL[@]}" -d $DB -At -c "SELECT id FROM organizations WHERE id LIKE 'org_BENCH%' ORDER BY id LIMIT 1")
USER=$("${PSQL[@]}" -d $DB -At -c "SELECT id FROM users WHERE id LIKE 'usr_BENCH%' ORDER BY id DESC LIMIT 1")
: >"$OUT/console.jsonl"
page() { # name, path: REPEAT timed GETs after one warm-up; p50, p99 (nearest rank) and max of curl's time_total
  local name=$1 path=$2 code
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$BASE$path")
  local times; times=$(for _ in $(seq "$REPEAT"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$JAR" "$BASE$path"; done | sort -n)
  local p50 p99 max
  p50=$(echo "$times" | awk -v n="$REPEAT" 'NR==int((n+1)/2) {printf "%.1f", $1*1000}')
  p99=$(echo "$times" | awk -v n="$REPEAT" 'NR==int(n*0.99+0.999) {printf "%.1f", $1*1000}')
  max=$(echo "$times" | tail -1 | awk '{printf "%.1f", $1*1000}')
  echo "{\"page\":\"$name\",\"status\":$code,\"p50ms\":$p50,\"p99ms\":$p99,\"maxms\":$max,\"users\":$USERS}" | tee -a "$OUT/console.jsonl"
}
page overview "/console"
page users "/console/users"
page users-search "/console/users?q=smith"
page users-suspended "/console/users?status=suspended&mfa=no"
page user "/console/users/$USER"
page organizations "/console/organizations"
page organization-members "/console/organizations/$ORG"
page organization-roles "/console/organizations/$ORG/roles"
page audit "/console/audit"
page sessions "/console/sessions"
page webhooks "/console/webhooks"
page applications "/console/applications"
page settings "/console/settings"
rm -f "$JAR"
