#!/usr/bin/env bash
# Issue 16: what a burst of sign-ins does to the rest of the API. Two extracted servers (APP_A, APP_B: copies of
# server/target/app) up at once, each warmed with sign-ins and /auth/me; then, alternating A, B, A, B, … ($ROUNDS
# rounds), sign-in at c=8 for 16 s with /auth/me at c=2 for 10 s inside it. Prints both load lines per run.
# Usage: APP_A=/tmp/a/app APP_B=/tmp/b/app bench/signin-mixed-ab.sh   (needs bench/target/benchmarks.jar)
set -uo pipefail
ROUNDS=${ROUNDS:-3}; PA=${PA:-8981}; PB=${PB:-8982}
. "$(dirname "$0")/app-server.sh"
JAR="$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar"; OUTDIR=$(mktemp -d)
load() { java -cp $JAR dev.janua.bench.LoadGenerator "http://127.0.0.1:$1" $2 $3 $4 0; }  # port scenario concurrency seconds
A=$(app_start "$APP_A" $PA "$(mktemp -d "$OUTDIR/data-XXXX")" $OUTDIR/server-A.log); sleep 8
B=$(app_start "$APP_B" $PB "$(mktemp -d "$OUTDIR/data-XXXX")" $OUTDIR/server-B.log)
trap 'kill $A $B 2>/dev/null; sleep 3; rm -rf "$OUTDIR"' EXIT
app_wait_ready $PA || { echo "A not ready"; exit 1; }
app_wait_ready $PB || { echo "B not ready"; exit 1; }
for p in $PA $PB; do load $p signin 8 30 >/dev/null; load $p me 2 10 >/dev/null; done
for r in $(seq 1 $ROUNDS); do for v in A:$PA B:$PB; do p=${v#*:}
  load $p signin 8 16 > $OUTDIR/signin.json & S=$!
  sleep 3
  echo "${v%%:*} me: $(load $p me 2 10)"
  wait $S; echo "${v%%:*} signin: $(cat $OUTDIR/signin.json)"
done; done
