#!/usr/bin/env bash
# Issue 16: start-up A/B of two checkouts on one machine state. Alternates one start of each (empty data dir,
# then a restart on it) ROUNDS times; for each start prints the wall time from `./janua start` to the first
# 200 from /ready, the JVM's CPU time (utime+stime) at that moment, its RssAnon, the load average, and (with
# THREADS=1) the CPU of its busiest threads (main, C1/C2 compilers, GC).
# Each checkout must be built already (`./janua build` in it), or the first start would build it.
# Usage: bench/startup-ab.sh /path/to/checkout-A /path/to/checkout-B   (ROUNDS=3, PORT=8310)
set -euo pipefail
A=${1:?checkout A}; B=${2:?checkout B}
ROUNDS=${ROUNDS:-3}; PORT=${PORT:-8310}

start_once() { # checkout kind datadir
  local t0 t1 pid cpu anon i
  t0=$(date +%s%N)
  (cd "$1" && JANUA_DATA_DIR=$3 JANUA_PORT=$PORT exec ./janua start >"/tmp/startup-ab-$PORT.log" 2>&1) &
  for i in $(seq 1 3000); do  # up to 5 minutes
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/ready" && break
    sleep 0.1
  done
  t1=$(date +%s%N)
  pid=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  [ -n "$pid" ] || { echo "startup-ab: $1 did not become ready (see /tmp/startup-ab-$PORT.log)" >&2; exit 1; }
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$pid/stat")
  anon=$(awk '/RssAnon/{print $2}' "/proc/$pid/status")
  echo "{\"checkout\": \"$1\", \"start\": \"$2\", \"readySeconds\": $(echo "scale=2; ($t1-$t0)/1000000000" | bc), \"cpuSeconds\": $cpu, \"rssAnonKb\": $anon, \"loadAverage\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
  if [ "${THREADS:-0}" = 1 ]; then
    for t in /proc/"$pid"/task/*; do echo "  $(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "$t/stat") s $(cat "$t/comm")"; done | sort -rn | head -5
  fi
  kill "$pid"
  for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
}

for r in $(seq 1 "$ROUNDS"); do
  for checkout in "$A" "$B"; do
    data=$(mktemp -d)
    start_once "$checkout" first "$data"
    start_once "$checkout" restart "$data"
    rm -rf "$data"
  done
done
