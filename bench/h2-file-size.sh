#!/usr/bin/env bash
# Issue 16: the embedded H2 file's size under load and after it. Starts one extracted server (APP: a copy of
# server/target/app) on a fresh data dir, runs LoadGenerator's $SCENARIO at c=8 for $LOAD s, prints the file's size
# every 10 s for $IDLE s of idle, after a stop, and after one more start and stop on the same file.
# Usage: APP=/tmp/a/app SCENARIO=refresh LOAD=60 IDLE=90 bench/h2-file-size.sh   (needs bench/target/benchmarks.jar)
set -uo pipefail
APP=${APP:?APP=extracted server dir}; PORT=${PORT:-8961}; SC=${SCENARIO:-refresh}; LS=${LOAD:-60}; IS=${IDLE:-90}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export PATH=$JAVA_HOME/bin:$PATH
JAR="$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar"
D=$(mktemp -d)
wait_ready() { local i=0; until curl -sf http://127.0.0.1:$PORT/ready >/dev/null; do sleep 0.5; i=$((i+1)); [ $i -gt 600 ] && return 1; done; }
JANUA_RATE_LIMITS_ENABLED=false JANUA_PORT=$PORT JANUA_DATA_DIR=$D java -XX:+UseSerialGC -Xms16m -Xmx256m -Xss512k \
 -XX:ReservedCodeCacheSize=48m --enable-native-access=ALL-UNNAMED -XX:MaxNewSize=16m -XX:NewRatio=4 -jar $APP/janua-server.jar > $D/log 2>&1 &
PID=$!
wait_ready || { kill $PID; exit 1; }
java -cp $JAR dev.janua.bench.LoadGenerator http://127.0.0.1:$PORT $SC 8 $LS 0 | cut -c1-120
for i in $(seq 0 10 $IS); do echo "idle ${i}s: $(du -m $D/janua.mv.db | cut -f1) MB"; sleep 10; done
kill $PID; wait $PID; echo "after stop: $(du -m $D/janua.mv.db | cut -f1) MB"
JANUA_RATE_LIMITS_ENABLED=false JANUA_PORT=$PORT JANUA_DATA_DIR=$D java -jar $APP/janua-server.jar > $D/log2 2>&1 & PID=$!
wait_ready || { kill $PID; exit 1; }; kill $PID; wait $PID
echo "after restart+stop: $(du -m $D/janua.mv.db | cut -f1) MB"
rm -rf $D
