#!/usr/bin/env bash
# Janua benchmarks: `./janua bench [jmh|http|graphql|realtime|all]`. Writes raw results to bench/results/ and prints
# them; BENCHMARKS.md records the figures with the command that produced them. Called by ./janua,
# which has chosen the JDK. Everything runs on loopback and is bounded in time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WHAT="${1:-all}"
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
PORT="${JANUA_BENCH_PORT:-8900}"
SECONDS_MEASURED="${JANUA_BENCH_SECONDS:-15}"
REPEATS="${JANUA_BENCH_REPEATS:-3}"
# `http` and `keycloak` only: JANUA_BENCH_SCENARIOS (e.g. "refresh me jwks") and JANUA_BENCH_CONCURRENCY
# (e.g. "8") narrow the grid; c=8 always runs $REPEATS times.

# JANUA_BENCH_SKIP_BUILD=1: measure the server and load generator as last built (saves minutes of building)
[ "${JANUA_BENCH_SKIP_BUILD:-}" = 1 ] || ./mvnw -B -q -Pbench -pl bench -DskipTests package
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"

run_jmh() {
  echo "== JMH: Argon2id and JWT sign/verify (1 fork, 3 warm-up + 5 measured iterations) =="
  java -jar "$BENCH_JAR" -f 1 -wi 3 -w 2s -i 5 -r 3s -rf json -rff "$OUT/jmh.json" | grep -E "^(Benchmark|[A-Za-z].*(avgt|thrpt))"
}

rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }

# Prints the seconds from $1 to the first 200 from /ready; gives up (exit 1) after JANUA_BENCH_READY_TIMEOUT
# seconds (default 300: a loaded 2-core machine can take minutes) or as soon as the server process is gone.
wait_ready() {
  local start=$1 deadline=$((SECONDS + ${JANUA_BENCH_READY_TIMEOUT:-300}))
  until curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "bench: Janua not ready on port $PORT (see $OUT/server.log)" >&2; return 1
    fi
    sleep 0.02
  done
  echo "$(date +%s.%N) - $start" | bc
}

start_server() {
  local data=$1
  # another Janua (another bench) on this port would answer /ready and be measured instead: refuse
  if curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1; then
    echo "bench: port $PORT is already serving; set JANUA_BENCH_PORT to a free one" >&2; exit 1
  fi
  local start; start=$(date +%s.%N)
  # Rate limits off: the default buckets (10 sign-ins/min per IP, 1000 calls/min per user) would
  # cap a load test long before the server does.
  JANUA_RATE_LIMITS_ENABLED=false JANUA_PORT=$PORT JANUA_DATA_DIR="$data" "$ROOT/janua" start >"$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  READY_SECONDS=$(wait_ready "$start")
  # the launcher execs java, so $SERVER_PID is the JVM
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

run_http() {
  [ "${JANUA_BENCH_SKIP_BUILD:-}" = 1 ] || "$ROOT/janua" build >/dev/null
  local data; data=$(mktemp -d)
  echo "== start-up and memory =="
  start_server "$data"; local first=$READY_SECONDS; stop_server
  start_server "$data"; local restart=$READY_SECONDS
  sleep 5
  local idle; idle=$(rss_kb "$SERVER_PID")
  echo "{\"firstStartReadySeconds\": $first, \"restartReadySeconds\": $restart, \"idleRssKb\": $idle}" | tee "$OUT/startup.json"

  echo "== HTTP load (closed loop, ${SECONDS_MEASURED}s measured after 5s warm-up, $REPEATS runs per cell) =="
  : >"$OUT/http.jsonl"
  for scenario in ${JANUA_BENCH_SCENARIOS:-signin refresh me jwks}; do
    for c in ${JANUA_BENCH_CONCURRENCY:-1 8 32}; do
      local runs=1; [ "$c" = 8 ] && runs=$REPEATS
      for r in $(seq 1 "$runs"); do
        java -cp "$BENCH_JAR" dev.janua.bench.LoadGenerator "http://127.0.0.1:$PORT" "$scenario" "$c" "$SECONDS_MEASURED" 5 "$SERVER_PID" \
          | tee -a "$OUT/http.jsonl"
      done
    done
  done
  local loaded; loaded=$(rss_kb "$SERVER_PID")
  echo "{\"rssAfterLoadKb\": $loaded}" | tee "$OUT/memory-after-load.json"
  stop_server
  rm -rf "$data"
}

# Issue 12: GraphQL `me` beside GET /auth/me, alternating in one run (the machine is shared: compare
# the two within a run, not across runs).
run_graphql() {
  [ "${JANUA_BENCH_SKIP_BUILD:-}" = 1 ] || "$ROOT/janua" build >/dev/null
  local data; data=$(mktemp -d)
  start_server "$data"
  echo "== GraphQL { me } vs GET /auth/me (8 connections, ${SECONDS_MEASURED}s measured after 5s warm-up, alternating, $REPEATS rounds) =="
  : >"$OUT/graphql.jsonl"
  for r in $(seq 1 "$REPEATS"); do
    for scenario in me graphql-me; do
      java -cp "$BENCH_JAR" dev.janua.bench.LoadGenerator "http://127.0.0.1:$PORT" "$scenario" 8 "$SECONDS_MEASURED" 5 | tee -a "$OUT/graphql.jsonl"
    done
  done
  stop_server
  rm -rf "$data"
}

# Issue 12: WebSocket fan-out — events/s delivered to 1,000 sockets of one user while writers raise user.updated events.
run_realtime() {
  [ "${JANUA_BENCH_SKIP_BUILD:-}" = 1 ] || "$ROOT/janua" build >/dev/null
  local data; data=$(mktemp -d)
  start_server "$data"
  local sockets="${JANUA_BENCH_SOCKETS:-1000}"
  echo "== WebSocket fan-out: $sockets sockets on user.events, 2 writers, ${SECONDS_MEASURED}s =="
  : >"$OUT/realtime.jsonl"
  for r in $(seq 1 "$REPEATS"); do
    java -cp "$BENCH_JAR" dev.janua.bench.RealtimeFanout "http://127.0.0.1:$PORT" "$sockets" 2 "$SECONDS_MEASURED" | tee -a "$OUT/realtime.jsonl"
  done
  echo "{\"rssAfterFanoutKb\": $(rss_kb "$SERVER_PID")}" | tee -a "$OUT/realtime.jsonl"
  stop_server
  rm -rf "$data"
}

case "$WHAT" in
  jmh) run_jmh ;;
  http) run_http ;;
  keycloak) "$ROOT/bench/keycloak.sh" ;;
  users) "$ROOT/bench/users-rbac/run.sh" ;;
  console) "$ROOT/bench/console/run.sh" ;;
  audit) "$ROOT/bench/audit-verify.sh" ;;
  events) "$ROOT/bench/events.sh" ;;
  scim) "$ROOT/bench/scim/run.sh" ;;
  graphql) run_graphql ;;
  realtime) run_realtime ;;
  all) run_jmh; run_http ;;
  *) echo "usage: ./janua bench [jmh|http|keycloak|users|console|audit|events|scim|graphql|realtime|all]" >&2; exit 2 ;;
esac
