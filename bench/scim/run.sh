#!/usr/bin/env bash
# Issue 11 figures: SCIM provisioning throughput (POST /Users, users/s) and Okta's lookup
# `GET /Users?filter=userName eq "…"` p50/p99 with USERS provisioned users (default 100,000, seeded by
# SQL in the shapes SCIM POST writes) on PostgreSQL. Needs psql, wrk (Debian package) and a PostgreSQL
# at 127.0.0.1:5432 with trust auth. Creates (and drops at the end) database janua_bench_scim.
# Usage: ./janua bench scim   (USERS=…, SECONDS_EACH=… , CONNECTIONS=…)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
USERS="${USERS:-100000}"
SECONDS_EACH="${SECONDS_EACH:-15}"
CONNECTIONS="${CONNECTIONS:-8}"
PORT=8903
DB=janua_bench_scim
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "this benchmark needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
source "$ROOT/bench/pg-server.sh"
B="http://127.0.0.1:$PORT/api/v1"
ADMIN_TOKEN=$(admin_token)
ORG=$(curl -sf -X POST "$B/organizations" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"SCIM Bench","slug":"scim-bench"}' | grep -o '"id":"org_[^"]*"' | head -1 | cut -d'"' -f4)
SCIM_TOKEN=$(curl -sf -X POST "$B/organizations/$ORG/scim/tokens" -H "Authorization: Bearer $ADMIN_TOKEN" \
  -H 'Content-Type: application/json' -d '{"name":"bench"}' | grep -o '"token":"scim_[^"]*"' | cut -d'"' -f4)
start=$(date +%s.%N)
"${PSQL[@]}" -d $DB -v users="$USERS" -v org="$ORG" -f "$ROOT/bench/scim/seed.sql" >/dev/null
echo "seeded $USERS SCIM users in $(echo "$(date +%s.%N) - $start" | bc) s"
H=(-H "Authorization: Bearer $SCIM_TOKEN" -H "Content-Type: application/scim+json" -H "Accept: application/scim+json")
run() { # name, wrk args…
  local name=$1; shift
  local r; r=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "${H[@]}" "$@")
  local rps p50 p99 non2xx
  rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$r" | awk '$1=="50%" {print $2}')
  p99=$(echo "$r" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$r" | awk '/Non-2xx/ {print $NF}')
  echo "{\"case\":\"$name\",\"users\":$USERS,\"connections\":$CONNECTIONS,\"requestsPerSecond\":${rps:-0},\"p50\":\"$p50\",\"p99\":\"$p99\",\"non2xx\":${non2xx:-0}}" \
    | tee -a "$OUT/scim.jsonl"
}
: >"$OUT/scim.jsonl"
export USERS
# one lookup first so the check below fails loudly if the seed and the filter disagree
curl -sf "${H[@]}" "$B/scim/v2/Users?filter=userName%20eq%20%22user1%40bench.example%22" | grep -q '"totalResults":1' \
  || { echo "seeded user not found by filter" >&2; exit 1; }
# and one create, shown if it fails, so a broken provisioning path is not measured as throughput
one='{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"probe@bench.example","emails":[{"value":"probe@bench.example","primary":true}]}'
curl -s -o "$OUT/scim-probe.json" -w '%{http_code}' -X POST "${H[@]}" -d "$one" "$B/scim/v2/Users" | grep -q 201 \
  || { echo "SCIM POST failed:" >&2; cat "$OUT/scim-probe.json" >&2; exit 1; }
run filter-userName-eq -s "$ROOT/bench/scim/filter-username.lua" "http://127.0.0.1:$PORT"
run provision-POST-Users -s "$ROOT/bench/scim/create-user.lua" "http://127.0.0.1:$PORT"
echo "provisioned users now in the organization: $("${PSQL[@]}" -d $DB -At -c "SELECT COUNT(*) FROM scim_users WHERE organization_id = '$ORG'")"
