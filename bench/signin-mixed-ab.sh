#!/usr/bin/env bash
# Issue 16: what a burst of sign-ins does to the rest of the API. Two extracted servers (APP_A, APP_B: copies of
# server/target/app) up at once, each warmed with sign-ins and /auth/me; then, alternating A, B, A, B, … ($ROUNDS
# rounds), sign-in at c=8 for 16 s with /auth/me at c=2 for 10 s inside it. Prints both load lines per run.
# Usage: APP_A=/tmp/a/app APP_B=/tmp/b/app bench/signin-mixed-ab.sh   (needs bench/target/benchmarks.jar)
set -uo pipefail
ROUNDS=${ROUNDS:-3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export PATH=$JAVA_HOME/bin:$PATH
JAR="$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar"; OUT=$(mktemp)
start() { local d; d=$(mktemp -d); JANUA_RATE_LIMITS_ENABLED=false JANUA_PORT=$2 JANUA_DATA_DIR=$d java -XX:+UseSerialGC -Xms16m -Xmx256m -Xss512k \
 -XX:ReservedCodeCacheSize=48m --enable-native-access=ALL-UNNAMED -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxNewSize=16m -XX:NewRatio=4 -jar $1/janua-server.jar > $d/log 2>&1 & echo $!; }
A=$(start $APP_A 8981); sleep 8; B=$(start $APP_B 8982)
trap 'kill $A $B 2>/dev/null; rm -f $OUT' EXIT
for p in 8981 8982; do i=0; until curl -sf http://127.0.0.1:$p/ready >/dev/null; do sleep 0.5; i=$((i+1)); [ $i -gt 600 ] && exit 1; done; done
for p in 8981 8982; do java -cp $JAR dev.janua.bench.LoadGenerator http://127.0.0.1:$p signin 8 30 0 >/dev/null; java -cp $JAR dev.janua.bench.LoadGenerator http://127.0.0.1:$p me 2 10 0 >/dev/null; done
for r in $(seq 1 $ROUNDS); do for v in A:8981 B:8982; do p=${v#*:}
  java -cp $JAR dev.janua.bench.LoadGenerator http://127.0.0.1:$p signin 8 16 0 > $OUT &
  S=$!; sleep 3
  echo "${v%%:*} me: $(java -cp $JAR dev.janua.bench.LoadGenerator http://127.0.0.1:$p me 2 10 0)"
  wait $S; echo "${v%%:*} signin: $(cat $OUT)"
done; done
