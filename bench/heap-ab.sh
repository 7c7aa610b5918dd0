#!/usr/bin/env bash
# Issue 16: two heap sizes side by side. Starts two servers with ./janua start (the launcher's options and AOT
# cache; fresh embedded H2 each, rate limits off) at JANUA_HEAP=$HA and $HB, both up at once; for each scenario
# (signin refresh me jwks, c=$C) warms each up for $WARM s, then alternates $ROUNDS measured runs of $SECS s, A, B, …
# Prints LoadGenerator's line per run (throughput, latency, server CPU per request), RssAnon idle, right after the
# whole load and 30 s later, the highest RssAnon seen (sampled every 0.5 s during the load), and each side's
# collections (its GC log: count and total pause of young and full collections).
# Usage: HA=256m HB=160m ./janua bench heap-ab    (needs bench/target/benchmarks.jar and a built server)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"; cd "$ROOT"
HA=${HA:-256m}; HB=${HB:-160m}; PA=${PA:-8961}; PB=${PB:-8962}; C=${C:-8}; WARM=${WARM:-30}; SECS=${SECS:-10}; ROUNDS=${ROUNDS:-3}
JAR=bench/target/benchmarks.jar; W=$(mktemp -d)
start() { # heap port side
  JANUA_HEAP=$1 JANUA_RATE_LIMITS_ENABLED=false JANUA_PORT=$2 JANUA_DATA_DIR=$W/data-$3 \
    JDK_JAVA_OPTIONS="-Xlog:gc:file=$W/gc-$3.log" ./janua start >"$W/server-$3.log" 2>&1 &
  echo $!
}
wait_ready() { local i=0; until curl -sf --max-time 2 "http://127.0.0.1:$1/ready" >/dev/null; do sleep 0.5; i=$((i+1)); [ $i -gt 600 ] && return 1; done; return 0; }
rss_anon() { awk '/^RssAnon:/ {print $2}' "/proc/$1/status"; }
A=$(start "$HA" $PA A); B=$(start "$HB" $PB B); SAMPLER=
trap 'kill $A $B $SAMPLER 2>/dev/null; sleep 2; rm -rf "$W"' EXIT
wait_ready $PA || { echo "A not ready: $W/server-A.log"; exit 1; }
wait_ready $PB || { echo "B not ready: $W/server-B.log"; exit 1; }
sleep 5; echo "{\"idleRssAnonKb\": {\"A\": $(rss_anon $A), \"B\": $(rss_anon $B)}}"
( peak_a=0; peak_b=0; trap 'echo "$peak_a $peak_b" >"$W/peak"; exit 0' TERM
  while true; do
    a=$(rss_anon $A); b=$(rss_anon $B); [ "${a:-0}" -gt $peak_a ] && peak_a=$a; [ "${b:-0}" -gt $peak_b ] && peak_b=$b
    sleep 0.5 & wait $!
  done ) & SAMPLER=$!
for sc in signin refresh me jwks; do
  java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$PA" $sc $C $WARM 0 >/dev/null
  java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$PB" $sc $C $WARM 0 >/dev/null
  for r in $(seq 1 $ROUNDS); do
    echo "{\"side\": \"A\", \"heap\": \"$HA\", \"load\": $(java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$PA" $sc $C $SECS 2 $A)}"
    echo "{\"side\": \"B\", \"heap\": \"$HB\", \"load\": $(java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$PB" $sc $C $SECS 2 $B)}"
  done
done
echo "{\"afterLoadRssAnonKb\": {\"A\": $(rss_anon $A), \"B\": $(rss_anon $B)}}"
kill $SAMPLER; wait $SAMPLER 2>/dev/null; read -r peak_a peak_b <"$W/peak"; SAMPLER=
sleep 30; echo "{\"after30sRssAnonKb\": {\"A\": $(rss_anon $A), \"B\": $(rss_anon $B)}, \"peakRssAnonKb\": {\"A\": $peak_a, \"B\": $peak_b}}"
for s in A B; do
  awk -v s=$s '/Pause Young/ {y++; gsub("ms","",$NF); ym+=$NF} /Pause Full/ {f++; gsub("ms","",$NF); fm+=$NF}
    END {printf "{\"side\": \"%s\", \"young\": %d, \"youngPauseMs\": %.0f, \"full\": %d, \"fullPauseMs\": %.0f}\n", s, y, ym, f, fm}' "$W/gc-$s.log"
done
