#!/usr/bin/env bash
# Janua benchmarks: `./janua bench WHAT` (the list: `./janua help`, or the case at the end of this file). Writes raw results to bench/results/ and prints
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
# (e.g. "8") narrow the grid; c=8 always runs $REPEATS times. JANUA_BENCH_WARMUP: seconds of load before each measured run (default 5).
# JANUA_BENCH_CLIENT=jdk: the load generator's measured requests through the JDK's HttpClient (the figures before
# 2026-12-02 06:00) instead of its raw HTTP/1.1 socket (RawHttp), which costs the shared cores far less per request.

"$ROOT/scripts/ensure-libargon2.sh"   # the server's native Argon2id, and JMH's comparison of it
# JANUA_BENCH_SKIP_BUILD=1: measure the server and load generator as last built (saves minutes of building)
[ "${JANUA_BENCH_SKIP_BUILD:-}" = 1 ] || ./mvnw -B -q -Pbench -pl bench -DskipTests package
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"

run_jmh() {
  echo "== JMH: Argon2id (BouncyCastle, native libargon2, Password4j) and JWT sign/verify (1 fork, 3 warm-up + 5 measured iterations) =="
  java -jar "$BENCH_JAR" -f 1 -wi 3 -w 2s -i 5 -r 3s -jvmArgsAppend "--enable-native-access=ALL-UNNAMED" -rf json -rff "$OUT/jmh.json" | grep -E "^(Benchmark|[A-Za-z].*(avgt|thrpt))"
}

# Builds (package + AOT class cache, minutes on a loaded machine) only when the sources are newer than the
# extracted server or the cache is missing; JANUA_BENCH_REBUILD=1 forces it.
build_if_needed() {
  [ "${JANUA_BENCH_SKIP_BUILD:-}" = 1 ] && return 0
  local app="$ROOT/server/target/app"
  if [ "${JANUA_BENCH_REBUILD:-0}" = 1 ] || [ ! -f "$app/janua-server.jar" ] \
     || [ -n "$(find "$ROOT/server/src/main" "$ROOT/server/pom.xml" "$ROOT/pom.xml" -newer "$app/janua-server.jar" -print -quit)" ]; then
    "$ROOT/janua" build >/dev/null
  fi
}

signins_answered() {
  curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^http_server_requests_seconds_count.*uri="\/api\/v1\/auth\/signin"/ {n += $2} END {print int(n)}'
}

# utime + stime of a process, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }
# Private (anonymous) memory: heap, metaspace, code cache, thread stacks, native allocations — without
# the file-backed pages (jar, AOT class cache, libraries) that RSS also counts and the kernel can drop.
rss_anon_kb() { awk '/^RssAnon:/ {print $2}' "/proc/$1/status"; }

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
  build_if_needed
  local data; data=$(mktemp -d)
  echo "== start-up and memory =="
  start_server "$data"; local first=$READY_SECONDS; stop_server
  start_server "$data"; local restart=$READY_SECONDS
  sleep 5
  local idle; idle=$(rss_kb "$SERVER_PID")
  local idle_anon; idle_anon=$(rss_anon_kb "$SERVER_PID")
  echo "{\"firstStartReadySeconds\": $first, \"restartReadySeconds\": $restart, \"idleRssKb\": $idle, \"idleRssAnonKb\": $idle_anon, \"loadAverage\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" | tee "$OUT/startup.json"

  echo "== HTTP load (closed loop, ${SECONDS_MEASURED}s measured after ${JANUA_BENCH_WARMUP:-5}s warm-up, $REPEATS runs per cell) =="
  : >"$OUT/http.jsonl"
  for scenario in ${JANUA_BENCH_SCENARIOS:-signin refresh me jwks}; do
    for c in ${JANUA_BENCH_CONCURRENCY:-1 8 32}; do
      local runs=1; [ "$c" = 8 ] && runs=$REPEATS
      for r in $(seq 1 "$runs"); do
        java -cp "$BENCH_JAR" dev.janua.bench.LoadGenerator "http://127.0.0.1:$PORT" "$scenario" "$c" "$SECONDS_MEASURED" "${JANUA_BENCH_WARMUP:-5}" "$SERVER_PID" \
          | tee -a "$OUT/http.jsonl"
      done
    done
  done
  local loaded; loaded=$(rss_kb "$SERVER_PID")
  echo "{\"rssAfterLoadKb\": $loaded, \"rssAnonAfterLoadKb\": $(rss_anon_kb "$SERVER_PID"), \"loadAverage\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" | tee "$OUT/memory-after-load.json"
  stop_server
  rm -rf "$data"
}

# Issue 16: start-up only — ready on an empty data dir, then on restart, $REPEATS times each, with RSS and RssAnon
# idle (5 s after ready). Quicker than `http` when only start-up and idle memory are wanted.
run_startup() {
  build_if_needed
  : >"$OUT/startup.jsonl"
  for r in $(seq 1 "$REPEATS"); do
    local data; data=$(mktemp -d)
    start_server "$data"; local first=$READY_SECONDS; stop_server
    start_server "$data"; local restart=$READY_SECONDS
    sleep 5
    echo "{\"firstStartReadySeconds\": $first, \"restartReadySeconds\": $restart, \"idleRssKb\": $(rss_kb "$SERVER_PID"), \"idleRssAnonKb\": $(rss_anon_kb "$SERVER_PID"), \"loadAverage\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" | tee -a "$OUT/startup.jsonl"
    stop_server
    rm -rf "$data"
  done
}

# Issue 16: sign-in against its own bound, back to back on one machine state: the Argon2id implementations
# interleaved (Argon2idCompare: median wall and CPU time of one hash), sign-in c=8 $REPEATS times, the
# comparison again; bound = cores ÷ one hash of the implementation the server logged it uses.
run_signin() {
  build_if_needed
  local data; data=$(mktemp -d)
  start_server "$data"
  grep -o "Argon2id: .*" "$OUT/server.log" | head -2
  : >"$OUT/signin-bound.jsonl"
  java --enable-native-access=ALL-UNNAMED -Xmx256m -XX:+UseSerialGC -cp "$BENCH_JAR" dev.janua.bench.Argon2idCompare 30 10 2>/dev/null | tee -a "$OUT/signin-bound.jsonl"
  # JANUA_BENCH_SIGNIN_WARMUP seconds of sign-ins first, not measured (0 by default: the first minutes, JIT
  # compiling included; 120 or more gets nearer a server that has been running, as the http bench's warm-up does)
  if [ "${JANUA_BENCH_SIGNIN_WARMUP:-0}" -gt 0 ]; then
    java -cp "$BENCH_JAR" dev.janua.bench.LoadGenerator "http://127.0.0.1:$PORT" signin 8 "$JANUA_BENCH_SIGNIN_WARMUP" 0 >/dev/null
    echo "{\"warmupSeconds\": $JANUA_BENCH_SIGNIN_WARMUP}" | tee -a "$OUT/signin-bound.jsonl"
  fi
  for r in $(seq 1 "$REPEATS"); do
    # The server's own CPU time per sign-in (utime+stime of the JVM over the run, warm-up included, divided by
    # requests that hashed: the sign-ins answered plus the 8 workers' sign-ups): on a shared machine this, not wall
    # time, compares with one hash's CPU time.
    local ticks0 answered0; ticks0=$(cpu_ticks "$SERVER_PID"); answered0=$(signins_answered)
    java -cp "$BENCH_JAR" dev.janua.bench.LoadGenerator "http://127.0.0.1:$PORT" signin 8 "$SECONDS_MEASURED" 5 | tee -a "$OUT/signin-bound.jsonl"
    local ticks=$(( $(cpu_ticks "$SERVER_PID") - ticks0 ))
    local answered=$(( $(signins_answered) - answered0 )) cpu_ms=$(( ticks * 1000 / $(getconf CLK_TCK) ))
    echo "{\"serverCpuMs\": $cpu_ms, \"signinsAnswered\": $answered, \"serverCpuMsPerHashingRequest\": $(echo "scale=1; $cpu_ms / ($answered + 8)" | bc), \"loadAverage\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" | tee -a "$OUT/signin-bound.jsonl"
  done
  java --enable-native-access=ALL-UNNAMED -Xmx256m -XX:+UseSerialGC -cp "$BENCH_JAR" dev.janua.bench.Argon2idCompare 30 10 2>/dev/null | tee -a "$OUT/signin-bound.jsonl"
  echo "{\"cores\": $(nproc), \"rssKb\": $(rss_kb "$SERVER_PID"), \"rssAnonKb\": $(rss_anon_kb "$SERVER_PID"), \"loadAverage\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" | tee -a "$OUT/signin-bound.jsonl"
  stop_server
  rm -rf "$data"
}

# Issue 16: where a sign-in's time goes. JFR (ships with the JDK) records 20 s of sign-in load at c=8 on a
# started server; the summary counts, per thread state, the samples whose stack contains each marker —
# Java samples (jdk.ExecutionSample) and samples of threads inside native code (jdk.NativeMethodSample,
# where libargon2 runs). Raw recording: bench/results/signin.jfr.
run_signin_profile() {
  build_if_needed
  local data; data=$(mktemp -d)
  start_server "$data"
  java -cp "$BENCH_JAR" dev.janua.bench.LoadGenerator "http://127.0.0.1:$PORT" signin 8 5 5 >/dev/null
  jcmd "$SERVER_PID" JFR.start name=signin settings=profile filename="$OUT/signin.jfr" >/dev/null
  java -cp "$BENCH_JAR" dev.janua.bench.LoadGenerator "http://127.0.0.1:$PORT" signin 8 20 0
  jcmd "$SERVER_PID" JFR.stop name=signin >/dev/null
  stop_server
  rm -rf "$data"
  for kind in jdk.ExecutionSample; do
    jfr print --stack-depth 96 --events "$kind" "$OUT/signin.jfr" | awk -v kind="$kind" '
      /^jdk\./ { if (stack != "") tally(); stack = ""; top = ""; next }
      /line:/ { if (top == "") top = $1; stack = stack " " $1 }
      END { if (stack != "") tally(); printf "%s: %d samples; share of samples whose stack contains:\n", kind, n
            for (m in hit) printf "  %6.1f %%  %s\n", 100 * hit[m] / n, m
            print "  top frames:"; k = 0
            PROCINFO["sorted_in"] = "@val_num_desc"; for (t in tops) { if (k++ == 12) break; printf "  %6.1f %%  %s\n", 100 * tops[t] / n, t } }
      function tally() { n++; sub(/\(.*/, "", top); tops[top]++; split("NativeArgon2id JavaArgon2id Argon2BytesGenerator PasswordHasher CredentialsService JdbcTemplate org.h2 jackson SecurityFilterChain FilterChainProxy tomcat nimbusds RSASSASigner sun.security.rsa SessionService", ms, " ");
        for (i in ms) if (index(stack, ms[i])) hit[ms[i]]++ }'
  done | tee "$OUT/signin-profile.txt"
  # Threads inside native code (libargon2 among socket waits): JFR samples them every 20 ms, Java code every 10 ms.
  jfr print --stack-depth 96 --events jdk.NativeMethodSample "$OUT/signin.jfr" \
    | awk '/^jdk\./ { n++; if (s ~ /Argon2/) a++; s = ""; next } /line:/ { s = s " " $1 } END { if (s ~ /Argon2/) a++; printf "jdk.NativeMethodSample: %d samples, %d inside Argon2id\n", n, a }' \
    | tee -a "$OUT/signin-profile.txt"
  jfr print --events jdk.GarbageCollection "$OUT/signin.jfr" \
    | awk '/sumOfPauses/ { gsub("ms", "", $3); t += $3; n++ } END { printf "garbage collections: %d, pauses %.0f ms in total\n", n, t }' | tee -a "$OUT/signin-profile.txt"
}

# Issue 12: GraphQL `me` beside GET /auth/me, alternating in one run (the machine is shared: compare
# the two within a run, not across runs).
run_graphql() {
  build_if_needed
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

# A client that stops reading beside one that keeps up: how late the latter's events arrive (docs/realtime.md).
run_realtime_stall() {
  build_if_needed
  local data; data=$(mktemp -d)
  start_server "$data"
  local updates="${JANUA_BENCH_STALL_UPDATES:-6000}"
  echo "== WebSocket: one client stops reading, one keeps up; $updates user.updated events, $REPEATS rounds =="
  : >"$OUT/realtime-stall.jsonl"
  for r in $(seq 1 "$REPEATS"); do
    java -cp "$BENCH_JAR" dev.janua.bench.RealtimeStallProbe "http://127.0.0.1:$PORT" "$updates" | tee -a "$OUT/realtime-stall.jsonl"
  done
  stop_server
  rm -rf "$data"
}

# Issue 12: WebSocket fan-out — events/s delivered to 1,000 sockets of one user while writers raise user.updated events.
run_realtime() {
  build_if_needed
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

# Issue 8: the OpenID Provider — full authorization-code round trips (PKCE, a person signed in to the hosted
# pages, a first-party application: authorize → code → token with an ID token) and client-credentials tokens,
# then Keycloak's client-credentials grant in the same session (c=8, $REPEATS runs each).
run_oidc() {
  build_if_needed
  local data; data=$(mktemp -d)
  local admin_email=bench-admin@example.com admin_password='bench admin passphrase, not for production'
  export JANUA_ADMIN_EMAIL=$admin_email JANUA_ADMIN_PASSWORD=$admin_password
  start_server "$data"
  unset JANUA_ADMIN_EMAIL JANUA_ADMIN_PASSWORD
  local base="http://127.0.0.1:$PORT" token app
  token=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" \
    "$base/api/v1/auth/signin" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tokens"]["accessToken"])')
  app=$(curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $token" "$base/api/v1/applications" -d \
    '{"name":"OIDC bench","type":"confidential","firstParty":true,"redirectUris":["http://127.0.0.1:9/cb"],"grantTypes":["authorization_code","client_credentials"]}')
  export JANUA_BENCH_CLIENT_ID; JANUA_BENCH_CLIENT_ID=$(echo "$app" | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientId"])')
  export JANUA_BENCH_CLIENT_SECRET; JANUA_BENCH_CLIENT_SECRET=$(echo "$app" | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientSecret"])')
  export JANUA_BENCH_REDIRECT_URI=http://127.0.0.1:9/cb
  echo "== OpenID Provider (8 connections, ${SECONDS_MEASURED}s measured after 5s warm-up, $REPEATS runs) =="
  : >"$OUT/oidc.jsonl"
  for scenario in authcode client-credentials; do
    for r in $(seq 1 "$REPEATS"); do
      java -cp "$BENCH_JAR" dev.janua.bench.LoadGenerator "$base" "$scenario" 8 "$SECONDS_MEASURED" 5 "$SERVER_PID" | tee -a "$OUT/oidc.jsonl"
    done
  done
  stop_server
  rm -rf "$data"
  echo "== Keycloak 26.4.7: client-credentials grant =="
  JANUA_BENCH_KC_SCENARIOS=kc-client-credentials JANUA_BENCH_CONCURRENCY=8 JANUA_BENCH_KC_OUT=keycloak-oidc.jsonl "$ROOT/bench/keycloak.sh"
}

case "$WHAT" in
  jmh) run_jmh ;;
  startup) run_startup ;;
  signin) run_signin ;;
  signin-profile) run_signin_profile ;;
  # Issue 16: one hash's CPU and wall time on 1 thread vs on every core at once (alternating rounds)
  # (JANUA_BENCH_ARGON2_ENGINE=libsodium: libsodium, which the server keeps when it times cheaper, instead of libargon2)
  argon2-threads) java --enable-native-access=ALL-UNNAMED -Xmx256m -XX:+UseSerialGC -cp "$BENCH_JAR" dev.janua.bench.Argon2idConcurrency \
      20 "$(nproc)" 10 "${JANUA_BENCH_ARGON2_ENGINE:-libargon2}" 2>/dev/null | tee "$OUT/argon2-threads.json" ;;
  http) run_http ;;
  keycloak) "$ROOT/bench/keycloak.sh" ;;
  users) "$ROOT/bench/users-rbac/run.sh" ;;
  console) "$ROOT/bench/console/run.sh" ;;
  audit) "$ROOT/bench/audit-verify.sh" ;;
  events) "$ROOT/bench/events.sh" ;;
  scim) "$ROOT/bench/scim/run.sh" ;;
  cost) "$ROOT/bench/request-cost.sh" ;;
  # Issue 16: start-up of two built checkouts, alternating (wall, CPU, RssAnon at the first /ready)
  startup-ab) "$ROOT/bench/startup-ab.sh" "${@:2}" ;;
  # Issue 16: two heap sizes side by side (HA, HB): cost per request, RssAnon after the load and its peak, collections
  heap-ab) "$ROOT/bench/heap-ab.sh" ;;
  # Issue 16: start-up of JVM option sets on this checkout (wall, CPU by thread group at the first /ready)
  startup-jvm-ab) "$ROOT/bench/startup-jvm-ab.py" "${@:2}" ;;
  graphql) run_graphql ;;
  realtime) run_realtime ;;
  realtime-stall) run_realtime_stall ;;
  oidc) run_oidc ;;
  all) run_jmh; run_http ;;
  *) echo "usage: ./janua bench [jmh|http|startup|startup-ab|startup-jvm-ab|signin|signin-profile|argon2-threads|keycloak|heap-ab|users|console|audit|events|scim|cost|graphql|realtime|realtime-stall|oidc|all]" >&2; exit 2 ;;
esac
