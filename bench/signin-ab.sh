#!/usr/bin/env bash
# Issue 16: A/B of password sign-in at c=8 between two extracted servers (copies of server/target/app:
# APP_A=old APP_B=new), both up at once (ports $PA, $PB, fresh embedded H2 each, rate limits off, the launcher's
# JVM options without the AOT cache, which only maps at the path it was recorded at), warmed up, then
# alternating load runs A, B, A, B, … Each figure: that JVM's CPU (utime+stime) during its own run ÷ the
# requests that hashed (sign-ins answered + the 8 sign-ups). Needs bench/target/benchmarks.jar.
# Usage: APP_A=/tmp/a/app APP_B=/tmp/b/app bench/signin-ab.sh
set -uo pipefail
PA=${PA:-8941}; PB=${PB:-8942}; SECS=${SECS:-10}; ROUNDS=${ROUNDS:-3}  # and WARM (s of warm-up each, 10)
JAR="$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar"; OUTDIR=$(mktemp -d)
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
answered() { curl -s "http://127.0.0.1:$1/metrics" | awk '/^http_server_requests_seconds_count.*uri="\/api\/v1\/auth\/signin"/ {n += $2} END {print int(n)}'; }
start() { # variant port
  # the AOT cache only maps at the class path it was recorded with: point that path at this variant's copy
  local app; [ "$1" = A ] && app=$APP_A || app=$APP_B
  local data; data=$(mktemp -d "$OUTDIR/data-XXXX")
  JANUA_RATE_LIMITS_ENABLED=false JANUA_PORT=$2 JANUA_DATA_DIR=$data java -XX:+UseSerialGC -Xms16m -Xmx256m -Xss512k \
    -XX:ReservedCodeCacheSize=48m --enable-native-access=ALL-UNNAMED -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 \
    -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxNewSize=32m \
    -jar $app/janua-server.jar >$OUTDIR/server-$1.log 2>&1 &
  echo $!
}
wait_ready() { local i=0; until curl -sf "http://127.0.0.1:$1/ready" >/dev/null 2>&1; do sleep 0.5; i=$((i+1)); [ $i -gt 1400 ] && return 1; done; return 0; }
# CPU ticks of the JIT compiler threads (C1, C2): part of the JVM's figure while the sign-in code is still being compiled
compiler_ticks() { cat /proc/$1/task/*/stat 2>/dev/null | awk '/\(C[12] CompilerThre/ { sub(/.*\) /, ""); t += $12 + $13 } END { print t + 0 }'; }
measure() { # variant port pid
  local t0 a0 c0; t0=$(awk '{print $14+$15}' /proc/$3/stat); a0=$(answered $2); c0=$(compiler_ticks $3)
  local out; out=$(java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$2" signin 8 $SECS 2)
  local t=$(( $(awk '{print $14+$15}' /proc/$3/stat) - t0 )) a=$(( $(answered $2) - a0 )) c=$(( $(compiler_ticks $3) - c0 ))
  echo "{\"variant\": \"$1\", \"load\": $out, \"serverCpuMs\": $((t*10)), \"signinsAnswered\": $a, \"cpuMsPerHashingRequest\": $(echo "scale=1; $t*10/($a+8)" | bc), \"jitCompilerCpuMsPerHashingRequest\": $(echo "scale=1; $c*10/($a+8)" | bc), \"loadAverage\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
}
A=$(start A $PA); sleep 8; B=$(start B $PB); sleep 8
trap 'kill $A $B 2>/dev/null; sleep 3; rm -rf "$OUTDIR"/data-*' EXIT
wait_ready $PA || { echo "A not ready"; exit 1; }
wait_ready $PB || { echo "B not ready"; exit 1; }
echo "ready $(date +%T)" >&2
# warm-up (JIT) of both, not measured; WARM=120 or more gets nearer the compiled steady state (C2 compiles a
# once-per-sign-in method after thousands of sign-ins; the figure jitCompilerCpuMs… shows what is left)
java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$PA" signin 8 ${WARM:-10} 0 >/dev/null
java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$PB" signin 8 ${WARM:-10} 0 >/dev/null
for r in $(seq 1 $ROUNDS); do measure A $PA $A; measure B $PB $B; done
java --enable-native-access=ALL-UNNAMED -Xmx256m -XX:+UseSerialGC -cp $JAR dev.janua.bench.Argon2idCompare 20 5 2>/dev/null
