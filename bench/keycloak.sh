#!/usr/bin/env bash
# Reference measurement: Keycloak 26.4.7 in dev mode (H2) on this machine, driven by the same load
# generator as Janua. Downloads the distribution from Maven Central into bench/keycloak/ (ignored by
# git), starts it on port 8980, creates realm "bench" (public client "bench" with direct access
# grants, users kcbench-0..N-1 for the largest concurrency), runs the kc-* scenarios, prints JSON lines, and stops it.
# Usage: ./janua bench keycloak   (called by bench/run.sh with the JDK chosen)
# JANUA_BENCH_KC_SCENARIOS (e.g. "kc-refresh kc-userinfo kc-jwks") and JANUA_BENCH_CONCURRENCY (e.g. "8") narrow the grid.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KC_VERSION=26.4.7
DIR="$ROOT/bench/keycloak"
KC="$DIR/keycloak-$KC_VERSION"
OUT="$ROOT/bench/results"
PORT="${JANUA_BENCH_KC_PORT:-8980}"
SECONDS_MEASURED="${JANUA_BENCH_SECONDS:-15}"
REPEATS="${JANUA_BENCH_REPEATS:-3}"
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"
mkdir -p "$DIR" "$OUT"

if [ ! -x "$KC/bin/kc.sh" ]; then
  curl -sfL -o "$DIR/keycloak.zip" "https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
  (cd "$DIR" && unzip -q -o keycloak.zip && rm keycloak.zip)
fi
rm -rf "$KC/data"
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "bench: port $PORT is already serving; set JANUA_BENCH_KC_PORT to a free one" >&2; exit 1
fi

start=$(date +%s.%N)
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin "$KC/bin/kc.sh" start-dev --http-port $PORT >"$OUT/keycloak.log" 2>&1 &
KC_PID=$!
trap 'kill $KC_PID 2>/dev/null || true' EXIT
# Keycloak's first start (Quarkus augmentation) takes 20 s on a quiet machine; give up after
# JANUA_BENCH_READY_TIMEOUT seconds (default 600) or when the process is gone.
deadline=$((SECONDS + ${JANUA_BENCH_READY_TIMEOUT:-600}))
until curl -sf "http://127.0.0.1:$PORT/realms/master" >/dev/null 2>&1; do
  if [ $SECONDS -ge $deadline ] || ! kill -0 "$KC_PID" 2>/dev/null; then
    echo "bench: Keycloak not ready on port $PORT (see $OUT/keycloak.log)" >&2; exit 1
  fi
  sleep 0.2
done
first=$(echo "$(date +%s.%N) - $start" | bc)

K="$KC/bin/kcadm.sh"
$K config credentials --server "http://127.0.0.1:$PORT" --realm master --user admin --password admin >/dev/null
$K create realms -s realm=bench -s enabled=true -s sslRequired=none >/dev/null
$K create clients -r bench -s clientId=bench -s publicClient=true -s directAccessGrantsEnabled=true -s enabled=true >/dev/null
# the client-credentials reference (issue 8): a confidential client with a service account (OidcRoundTrips.KC_CLIENT/KC_SECRET)
$K create clients -r bench -s clientId=bench-cc -s publicClient=false -s serviceAccountsEnabled=true -s standardFlowEnabled=false \
   -s secret=bench-cc-secret-not-for-production -s enabled=true >/dev/null
# one user per worker of the largest concurrency run (each kcadm call is a JVM start: seconds on a loaded machine)
max_c=0; for c in ${JANUA_BENCH_CONCURRENCY:-1 8 32}; do [ "$c" -gt "$max_c" ] && max_c=$c; done
for i in $(seq 0 $((max_c - 1))); do
  $K create users -r bench -s username=kcbench-$i -s email=kcbench-$i@example.com -s firstName=K -s lastName=B \
     -s emailVerified=true -s enabled=true >/dev/null
  $K set-password -r bench --username kcbench-$i --new-password 'correct horse battery staple' >/dev/null
done
sleep 5
KC_JVM=$(pgrep -f "kc.config.built" -n || echo "$KC_PID")
echo "{\"system\":\"keycloak\",\"firstStartReadySeconds\": $first, \"idleRssKb\": $(ps -o rss= -p "$KC_JVM" | tr -d ' ')}" | tee "$OUT/keycloak-startup.json"

# JANUA_BENCH_INTERLEAVE_JANUA=PORT:PID (a Janua already running there, rate limits off): after each Keycloak run the
# matching scenario on that Janua (kc-refresh → refresh, kc-userinfo → me, kc-jwks → jwks, kc-signin → signin), so
# both systems are measured in the same minutes → $OUT/keycloak-interleaved-janua.jsonl
interleaved_janua_run() {
  [ -n "${JANUA_BENCH_INTERLEAVE_JANUA:-}" ] || return 0
  local janua_scenario=${1#kc-}; [ "$janua_scenario" = userinfo ] && janua_scenario=me
  java -cp "$BENCH_JAR" dev.janua.bench.LoadGenerator "http://127.0.0.1:${JANUA_BENCH_INTERLEAVE_JANUA%%:*}" "$janua_scenario" "$2" \
    "$SECONDS_MEASURED" "${JANUA_BENCH_WARMUP:-5}" "${JANUA_BENCH_INTERLEAVE_JANUA##*:}" | tee -a "$OUT/keycloak-interleaved-janua.jsonl"
}
[ -z "${JANUA_BENCH_INTERLEAVE_JANUA:-}" ] || : >"$OUT/keycloak-interleaved-janua.jsonl"

# JANUA_BENCH_KC_OUT names the results file (default keycloak-http.jsonl; `./janua bench oidc` writes its own)
KC_OUT="$OUT/${JANUA_BENCH_KC_OUT:-keycloak-http.jsonl}"
: >"$KC_OUT"
for scenario in ${JANUA_BENCH_KC_SCENARIOS:-kc-signin kc-refresh kc-userinfo kc-jwks}; do
  for c in ${JANUA_BENCH_CONCURRENCY:-1 8 32}; do
    runs=1; [ "$c" = 8 ] && runs=$REPEATS
    for r in $(seq 1 "$runs"); do
      java -cp "$BENCH_JAR" dev.janua.bench.LoadGenerator "http://127.0.0.1:$PORT" "$scenario" "$c" "$SECONDS_MEASURED" "${JANUA_BENCH_WARMUP:-5}" "$KC_JVM" | tee -a "$KC_OUT"
      interleaved_janua_run "$scenario" "$c"
    done
  done
done
echo "{\"system\":\"keycloak\",\"rssAfterLoadKb\": $(ps -o rss= -p "$KC_JVM" | tr -d ' ')}" | tee "$OUT/keycloak-memory-after-load.json"
