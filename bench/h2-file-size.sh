#!/usr/bin/env bash
# Issue 16: the embedded H2 file's size under load and after it. Starts one extracted server (APP: a copy of
# server/target/app) on a fresh data dir, runs LoadGenerator's $SCENARIO at c=$C for $LOAD s (at most 300) printing
# the file's size every 20 s, then every 10 s for $IDLE s of idle, after a stop, and after one more start and stop.
# WRITE_DELAY0=1 runs H2 as before the group commit (URL with WRITE_DELAY=0); OPTS: extra JVM options.
# Several at once (different PORT) compare variants under the same load.
# Usage: APP=/tmp/a/app SCENARIO=refresh C=4 LOAD=300 IDLE=0 bench/h2-file-size.sh   (needs bench/target/benchmarks.jar)
set -uo pipefail
APP=${APP:?APP=extracted server dir}; PORT=${PORT:-8961}; SC=${SCENARIO:-refresh}; C=${C:-8}; LS=${LOAD:-60}; IS=${IDLE:-90}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export PATH=$JAVA_HOME/bin:$PATH
JAR="$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar"
D=$(mktemp -d)
URL=""; [ "${WRITE_DELAY0:-0}" = 1 ] && URL="jdbc:h2:file:$D/janua;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128;WRITE_DELAY=0"
size() { echo "$(du -m $D/janua.mv.db | cut -f1) MB"; }
wait_ready() { local i=0; until curl -sf --max-time 2 http://127.0.0.1:$PORT/ready >/dev/null; do sleep 0.5; i=$((i+1)); [ $i -gt 600 ] && return 1; done; return 0; }
start() { env JANUA_RATE_LIMITS_ENABLED=false JANUA_PORT=$PORT JANUA_DATA_DIR=$D ${URL:+JANUA_DATABASE_URL=$URL} java -XX:+UseSerialGC \
  -Xms16m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=48m --enable-native-access=ALL-UNNAMED -XX:MaxNewSize=16m -XX:NewRatio=4 \
  ${OPTS:-} -jar $APP/janua-server.jar >> $D/log 2>&1 & PID=$!; }
start; wait_ready || { kill $PID; exit 1; }
java -cp $JAR dev.janua.bench.LoadGenerator http://127.0.0.1:$PORT $SC $C $LS 0 > $D/load.json & LG=$!
for t in $(seq 20 20 $LS); do sleep 20; echo "load ${t}s: $(size)"; done
wait $LG; cut -c1-160 $D/load.json
for i in $(seq 0 10 $IS); do echo "idle ${i}s: $(size)"; sleep 10; done
kill $PID; wait $PID; echo "after stop: $(size)"
start; wait_ready || { kill $PID; exit 1; }; kill $PID; wait $PID
echo "after restart+stop: $(size)"
rm -rf $D
