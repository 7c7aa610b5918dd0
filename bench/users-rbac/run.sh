#!/usr/bin/env bash
# Issue 3 figures: permission checks per second and admin user list/search latency (p50/p99) with
# USERS seeded users (default 100,000) on PostgreSQL. Needs psql, wrk (Debian package) and a
# PostgreSQL at 127.0.0.1:5432 with trust auth. Creates (and drops at the end) database janua_bench.
# Usage: ./janua bench users   (USERS=1000000 for the 1M target; RUNS=3 repeats every case and reports
# the median run's req/s and p99 beside each run; SECONDS_EACH=10 per run, after WARMUP_SECONDS=5 not counted)
# PORT (8902) and DB (janua_bench) choose the server's port and the database. KEEP_DB=1 keeps the database
# after the run, and a later KEEP_DB=1 run that finds USERS seeded users in it measures only (no seed, no
# ANALYZE: the same statistics, hence the same plans, for every run). CASES="search-rare search-email" runs
# only the named cases; JANUA_LAUNCHER=/path/to/other/janua measures another build (README.md, "A/B").
# WARMUP_PASS_SECONDS (default 5; 0 = off): before any measured run, one pass over every selected case for that
# long, not counted — the server is started seconds before, so without it the first cases measure a JVM still
# compiling (issue 16: on a fresh server the permission check, the first case, ran at 190 → 415 → 628 req/s over
# its three runs with the JIT compilers' CPU at 2.4 → 0.8 → 0.7 ms per check, against 1,281–1,758 req/s and
# 0.02–0.2 ms when run again after the other cases in the same server).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
USERS="${USERS:-100000}"
RUNS="${RUNS:-1}"
SECONDS_EACH="${SECONDS_EACH:-10}"
PORT="${PORT:-8902}"
DB="${DB:-janua_bench}"
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "this benchmark needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
source "$ROOT/bench/pg-server.sh"
seeded=$("${PSQL[@]}" -d $DB -tAc "SELECT count(*) FROM users WHERE id LIKE 'usr_BENCH%'")
if [ "${KEEP_DB:-0}" = 1 ] && [ "$seeded" = "$USERS" ]; then
  echo "measuring the $USERS users already seeded in $DB (KEEP_DB=1)"
else
  start=$(date +%s.%N)
  "${PSQL[@]}" -d $DB -v users="$USERS" -f "$ROOT/bench/users-rbac/seed-users.sql" >/dev/null
  echo "seeded $USERS users in $(echo "$(date +%s.%N) - $start" | bc) s"
  "${PSQL[@]}" -d $DB -c "ANALYZE" >/dev/null
fi
ADMIN_TOKEN=$(admin_token)
export ADMIN_TOKEN
H="Authorization: Bearer $ADMIN_TOKEN"; U="http://127.0.0.1:$PORT/api/v1/admin/users"
CURSOR=$(printf 'usr_BENCH%021d' $(( USERS / 2 )) | base64 | tr '+/' '-_' | tr -d '=')
# a user near the middle of the table, for the email and rare-term searches at any USERS
MID=$(( USERS * 4 / 10 + 4242 ))
ms() { # wrk's latency ("1.23ms", "456.00us", "1.02s") in milliseconds
  echo "$1" | awk '/us$/ {sub("us","",$1); printf "%.2f", $1/1000; next} /ms$/ {sub("ms","",$1); printf "%.2f", $1; next}
                   /s$/ {sub("s","",$1); printf "%.2f", $1*1000; next} {print 0}'
}
cpu_ticks() { # utime+stime (1/100 s) of the given processes, summed; a process gone meanwhile counts 0
  local t=0 pid
  for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo $t
}
jit_ticks() { # utime+stime of the server's JIT compiler threads: CPU still compiling shows as a cold server
  local t=0 task
  for task in /proc/"$SERVER_PID"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ *|C2\ *) t=$((t + $(awk '{sub(/.*\) /, ""); print $12 + $13}' "$task/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo $t
}
db_backends() { # the PostgreSQL processes serving this database (Janua's pool), when PostgreSQL runs on this machine
  "${PSQL[@]}" -d postgres -tAc "SELECT pid FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid()"
}
run() { # name, wrk args…: a discarded warm-up run, then RUNS runs; one JSON line per run, then the median run by req/s
  local name=$1; shift
  [ -z "${CASES:-}" ] || [[ " $CASES " == *" $name "* ]] || return 0
  if [ "$PASS" = warm-up ]; then wrk -t2 -c8 -d"${WARMUP_PASS_SECONDS:-5}s" "$@" >/dev/null; return 0; fi
  local rows=""
  # WARMUP_SECONDS of the same requests first, not counted: without it the first cases measured a JVM still
  # compiling their path (permission checks 242 → 514 → 697 req/s over three runs on 2026-12-02)
  [ "${WARMUP_SECONDS:-5}" = 0 ] || wrk -t2 -c8 -d"${WARMUP_SECONDS:-5}s" "$@" >/dev/null
  for i in $(seq "$RUNS"); do
    # CPU per request of Janua and of its PostgreSQL backends: steadier than req/s on a shared machine
    local backends; backends=$(db_backends)
    local server0 db0 jit0; server0=$(cpu_ticks "$SERVER_PID"); db0=$(cpu_ticks $backends); jit0=$(jit_ticks)
    local r; r=$(wrk -t2 -c8 -d"${SECONDS_EACH}s" --latency "$@")
    local server1 db1 n jit1; server1=$(cpu_ticks "$SERVER_PID"); db1=$(cpu_ticks $backends); jit1=$(jit_ticks)
    n=$(echo "$r" | awk '/requests in/ {print $1}')
    local cpu; cpu=$(awk -v s=$((server1 - server0)) -v d=$((db1 - db0)) -v j=$((jit1 - jit0)) -v n="${n:-0}" \
      'BEGIN {if (n > 0) printf "\"serverCpuMs\":%.3f,\"dbCpuMs\":%.3f,\"jitCpuMs\":%.3f", s * 10 / n, d * 10 / n, j * 10 / n; else printf "\"serverCpuMs\":0,\"dbCpuMs\":0,\"jitCpuMs\":0"}')
    local rps p50 p99 non2xx
    rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
    p50=$(ms "$(echo "$r" | awk '$1=="50%" {print $2}')")
    p99=$(ms "$(echo "$r" | awk '$1=="99%" {print $2}')")
    non2xx=$(echo "$r" | awk '/Non-2xx/ {print $NF}')
    echo "{\"case\":\"$name\",\"run\":$i,\"users\":$USERS,\"requestsPerSecond\":${rps:-0},\"p50ms\":$p50,\"p99ms\":$p99,\"non2xx\":${non2xx:-0},$cpu,\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\"}" \
      | tee -a "$OUT/users-rbac.jsonl"
    rows="$rows$rps $p50 $p99 $(echo "$cpu" | tr -dc '0-9.,' | tr ',' ' ')"$'\n'
  done
  echo "$rows" | sed '/^$/d' | sort -n | awk -v n="$RUNS" -v c="$name" 'NR==int((n+1)/2) {printf "MEDIAN %-28s %10s req/s  p50 %8s ms  p99 %8s ms  cpu/req janua %6s ms (JIT %6s)  postgres %6s ms\n", c, $1, $2, $3, $4, $6, $5}' \
    | tee -a "$OUT/users-rbac-medians.txt"
}
: >"$OUT/users-rbac.jsonl"
: >"$OUT/users-rbac-medians.txt"
cases() {
run permission-check -s "$ROOT/bench/users-rbac/permission-check.lua" "http://127.0.0.1:$PORT"
run list-first-page -H "$H" "$U?limit=50"
run list-deep-cursor -H "$H" "$U?limit=50&cursor=$CURSOR"
run list-sort-created-desc -H "$H" "$U?limit=50&sort=created_at:desc"
run list-sort-email -H "$H" "$U?limit=50&sort=email:asc"
run list-status-suspended -H "$H" "$U?limit=50&status=suspended"
run list-unverified -H "$H" "$U?limit=50&emailVerified=false"
run list-organization -H "$H" "$U?limit=50&organizationId=org_BENCH000000000000000000001"
run search-common -H "$H" "$U?limit=50&search=smith"
run search-prefix -H "$H" "$U?limit=50&search=jenn"
run search-substring -H "$H" "$U?limit=50&search=ennife"
run search-rare -H "$H" "$U?limit=50&search=user4242"
run search-email -H "$H" "$U?limit=50&search=user$MID%40bench.example"
run exact-email -H "$H" "$U?limit=50&email=user$MID%40bench.example"
run list-page-100 -H "$H" "$U?limit=50&page=100"
}
if [ "${WARMUP_PASS_SECONDS:-5}" != 0 ]; then
  PASS=warm-up; cases
  echo "warmed up: ${WARMUP_PASS_SECONDS:-5} s of every case (load $(cut -d' ' -f1-3 /proc/loadavg))"
fi
PASS=measured; cases
