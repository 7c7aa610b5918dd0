#!/usr/bin/env bash
# Issue 16: the embedded H2 file's size under load and after it. Starts one extracted server (APP: a copy of
# server/target/app) on a fresh data dir, runs LoadGenerator's $SCENARIO at c=$C for $LOAD s (at most 300) printing
# the file's size every 20 s, then every 10 s for $IDLE s of idle, after a stop, and after one more start and stop.
# WRITE_DELAY0=1 runs H2 as before the group commit (URL with WRITE_DELAY=0); OPTS: extra JVM options.
# Several at once (different PORT) compare variants under the same load.
# Usage: APP=/tmp/a/app SCENARIO=refresh C=4 LOAD=300 IDLE=0 bench/h2-file-size.sh   (needs bench/target/benchmarks.jar)
set -uo pipefail
APP=${APP:?APP=extracted server dir}; PORT=${PORT:-8961}; SC=${SCENARIO:-refresh}; C=${C:-8}; LS=${LOAD:-60}; IS=${IDLE:-90}
. "$(dirname "$0")/app-server.sh"
JAR="$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar"
D=$(mktemp -d); PID=""
trap 'kill $PID 2>/dev/null; sleep 2; rm -rf "$D"' EXIT
[ "${WRITE_DELAY0:-0}" = 1 ] && export JANUA_DATABASE_URL="jdbc:h2:file:$D/janua;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128;WRITE_DELAY=0"
size() { echo "$(du -m $D/janua.mv.db | cut -f1) MB"; }
stop() { kill $PID; wait $PID 2>/dev/null; PID=""; }
PID=$(app_start "$APP" $PORT $D $D/log ${OPTS:-}); app_wait_ready $PORT || exit 1
java -cp $JAR dev.janua.bench.LoadGenerator http://127.0.0.1:$PORT $SC $C $LS 0 > $D/load.json & LG=$!
for t in $(seq 20 20 $LS); do sleep 20; echo "load ${t}s: $(size)"; done
wait $LG; cut -c1-160 $D/load.json
for i in $(seq 0 10 $IS); do echo "idle ${i}s: $(size)"; sleep 10; done
stop; echo "after stop: $(size)"
PID=$(app_start "$APP" $PORT $D $D/log); app_wait_ready $PORT || exit 1; stop
echo "after restart+stop: $(size)"
