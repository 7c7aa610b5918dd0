#!/usr/bin/env bash
# Issue 16: A/B of one load scenario (refresh, me, jwks, signin, … — LoadGenerator's names) at c=$C between two
# extracted servers (copies of server/target/app: APP_A=old APP_B=new), both up at once (ports $PA, $PB, fresh
# embedded H2 each, rate limits off, the launcher's JVM options; the AOT cache maps only at the path it was
# recorded at, so none), each warmed up for $WARM s, then alternating runs A, B, A, B, … of $SECS s. Prints
# LoadGenerator's line per run (throughput, latency, server CPU per request) and, when the server has them, the
# embedded database's group-commit counters over the run (commits that waited for a write, writes made).
# OPTS_A / OPTS_B: extra JVM options of one side (the same app on both sides then compares two settings).
# Usage: APP_A=/tmp/a/app APP_B=/tmp/b/app SCENARIO=refresh bench/scenario-ab.sh   (needs bench/target/benchmarks.jar)
set -uo pipefail
PA=${PA:-8943}; PB=${PB:-8944}; SECS=${SECS:-10}; ROUNDS=${ROUNDS:-3}; WARM=${WARM:-30}; C=${C:-8}; SCENARIO=${SCENARIO:-refresh}
JAR="$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar"; OUTDIR=$(mktemp -d)
. "$(dirname "$0")/app-server.sh"
start() { # variant port
  local app opts; if [ "$1" = A ]; then app=$APP_A; opts=${OPTS_A:-}; else app=$APP_B; opts=${OPTS_B:-}; fi
  app_start "$app" $2 "$(mktemp -d "$OUTDIR/data-XXXX")" $OUTDIR/server-$1.log $opts
}
counter() { curl -s "http://127.0.0.1:$1/metrics" | awk -v m="$2" '$1 ~ "^"m {n += $2} END {print int(n)}'; }
measure() { # variant port pid
  local c0 w0; c0=$(counter $2 janua_h2_commits_written_total); w0=$(counter $2 janua_h2_writes_total)
  local out; out=$(java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$2" $SCENARIO $C $SECS 2 $3)
  echo "{\"variant\": \"$1\", \"load\": $out, \"groupCommits\": $(( $(counter $2 janua_h2_commits_written_total) - c0 )), \"groupWrites\": $(( $(counter $2 janua_h2_writes_total) - w0 ))}"
}
A=$(start A $PA); sleep 8; B=$(start B $PB)
trap 'kill $A $B 2>/dev/null; sleep 3; rm -rf "$OUTDIR"' EXIT
app_wait_ready $PA || { echo "A not ready"; exit 1; }
app_wait_ready $PB || { echo "B not ready"; exit 1; }
java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$PA" $SCENARIO $C $WARM 0 >/dev/null
java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$PB" $SCENARIO $C $WARM 0 >/dev/null
for r in $(seq 1 $ROUNDS); do measure A $PA $A; measure B $PB $B; done
