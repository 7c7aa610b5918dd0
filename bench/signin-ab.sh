#!/usr/bin/env bash
# Issue 16: A/B of password sign-in at c=8 between two extracted servers (copies of server/target/app:
# APP_A=old APP_B=new), both up at once (ports $PA, $PB, fresh embedded H2 each, rate limits off, the launcher's
# JVM options without the AOT cache, which only maps at the path it was recorded at), warmed up, then
# alternating load runs A, B, A, B, … Each figure: that JVM's CPU (utime+stime) during its own run ÷ the
# requests that hashed (sign-ins answered + the 8 sign-ups); beside it the compilers' and the VM thread's share and the
# bytes written per request. Prints the engine each server kept (libsodium or libargon2, timed once ready). Needs bench/target/benchmarks.jar.
# Usage: APP_A=/tmp/a/app APP_B=/tmp/b/app bench/signin-ab.sh
#   e.g. APP_A=server/target/app APP_B=server/target/app ENV_B="JANUA_DATABASE_URL=jdbc:h2:file:/tmp/wd/janua;…;WRITE_DELAY=500"
set -uo pipefail
PA=${PA:-8941}; PB=${PB:-8942}; SECS=${SECS:-10}; ROUNDS=${ROUNDS:-3}  # and WARM (s of warm-up each, 10)
JAR="$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar"; OUTDIR=$(mktemp -d)
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
answered() { curl -s "http://127.0.0.1:$1/metrics" | awk '/^http_server_requests_seconds_count.*uri="\/api\/v1\/auth\/signin"/ {n += $2} END {print int(n)}'; }
start() { # variant port
  # the AOT cache only maps at the class path it was recorded with: point that path at this variant's copy
  # heap: the launcher's options with the native Argon2id (16 MiB young generation sized by NewRatio)
  # ENV_A / ENV_B: extra VAR=value words for one side (the same jar on both sides then measures a setting)
  local app extra; [ "$1" = A ] && { app=$APP_A; extra=${ENV_A:-}; } || { app=$APP_B; extra=${ENV_B:-}; }
  local data; data=$(mktemp -d "$OUTDIR/data-XXXX")
  env $extra JANUA_RATE_LIMITS_ENABLED=false JANUA_PORT=$2 JANUA_DATA_DIR=$data java -XX:+UseSerialGC -Xms16m -Xmx256m -Xss512k \
    -XX:ReservedCodeCacheSize=48m --enable-native-access=ALL-UNNAMED -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 \
    -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps -XX:MaxNewSize=16m -XX:NewRatio=4 \
    -jar $app/janua-server.jar >$OUTDIR/server-$1.log 2>&1 &
  echo $!
}
wait_ready() { local i=0; until curl -sf "http://127.0.0.1:$1/ready" >/dev/null 2>&1; do sleep 0.5; i=$((i+1)); [ $i -gt 1400 ] && return 1; done; return 0; }
# CPU ticks of the JIT compiler threads (C1, C2: part of the JVM's figure while the sign-in code is still being compiled)
# or of the VM thread (the serial collector's collections)
compiler_ticks() { cat /proc/$1/task/*/stat 2>/dev/null | awk '/\(C[12] CompilerThre/ { sub(/.*\) /, ""); t += $12 + $13 } END { print t + 0 }'; }
vm_ticks() { cat /proc/$1/task/*/stat 2>/dev/null | awk '/\(VM Thread\)/ { sub(/.*\) /, ""); t += $12 + $13 } END { print t + 0 }'; }
# bytes the JVM handed to write(): the embedded database's chunks (WRITE_DELAY=0: one per commit) and the answers
written() { awk '/^wchar/ {print $2}' /proc/$1/io; }
measure() { # variant port pid
  local t0 a0 c0 v0 w0; t0=$(awk '{print $14+$15}' /proc/$3/stat); a0=$(answered $2); c0=$(compiler_ticks $3); v0=$(vm_ticks $3); w0=$(written $3)
  local out; out=$(java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$2" signin 8 $SECS 2)
  local t=$(( $(awk '{print $14+$15}' /proc/$3/stat) - t0 )) a=$(( $(answered $2) - a0 )) c=$(( $(compiler_ticks $3) - c0 ))
  local v=$(( $(vm_ticks $3) - v0 )) w=$(( $(written $3) - w0 ))
  echo "{\"variant\": \"$1\", \"load\": $out, \"serverCpuMs\": $((t*10)), \"signinsAnswered\": $a, \"cpuMsPerHashingRequest\": $(echo "scale=1; $t*10/($a+8)" | bc), \"jitCompilerCpuMsPerHashingRequest\": $(echo "scale=1; $c*10/($a+8)" | bc), \"vmThreadCpuMsPerHashingRequest\": $(echo "scale=2; $v*10/($a+8)" | bc), \"writtenKbPerHashingRequest\": $(( w / 1024 / (a + 8) )), \"loadAverage\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
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
# each server times libsodium against libargon2 once ready and keeps the cheaper; where the two are close (17.6-20.1 vs
# 23.4-23.8 ms on 2026-12-03's host) the servers can keep different engines, and the pairs then measure the engine
for v in A B; do echo "$v: $(grep -o 'Argon2id: .*' "$OUTDIR/server-$v.log" | tail -1)" >&2; done
for r in $(seq 1 $ROUNDS); do measure A $PA $A; measure B $PB $B; done
java --enable-native-access=ALL-UNNAMED -Xmx256m -XX:+UseSerialGC -cp $JAR dev.janua.bench.Argon2idCompare 20 5 2>/dev/null
