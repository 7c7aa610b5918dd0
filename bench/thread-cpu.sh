#!/usr/bin/env bash
# Issue 16: where a server's CPU goes during one load run, by thread group — request threads (virtual threads run
# on the ForkJoinPool carriers, the Argon2id hash included), the JIT compilers, the VM thread (SerialGC's
# collections, safepoints), Tomcat's poller… A JVM's utime+stime alone cannot tell a request's cost from the JIT
# still compiling it: at ~50 sign-ins/s a 45 s benchmark serves ~2,300 sign-ins, before most once-per-sign-in
# methods reach C2's invocation thresholds, so the compilers' share is part of that figure.
# Usage: bench/thread-cpu.sh PID REQUESTS_COUNTER_URL_OR_- COMMAND…   (the command is the load, run to completion)
#   e.g. bench/thread-cpu.sh 1234 - java -cp bench/target/benchmarks.jar dev.janua.bench.LoadGenerator http://127.0.0.1:8080 signin 8 10 0
# With a Prometheus URL of the server (…/metrics) and REQUESTS_URI set (default /api/v1/auth/signin), each group is
# also divided by the requests answered during the run.
set -uo pipefail
pid=$1; metrics=$2; shift 2
uri=${REQUESTS_URI:-/api/v1/auth/signin}
snapshot() { # tid|thread name|utime+stime ticks, one line per thread
  for t in /proc/$pid/task/*; do
    local st; st=$(cat "$t/stat" 2>/dev/null) || continue
    local rest=${st##*) }; set -- $rest
    echo "${t##*/}|$(cat "$t/comm" 2>/dev/null)|$(( ${12} + ${13} ))"
  done
}
answered() {
  [ "$metrics" = - ] && { echo 0; return; }
  curl -s "$metrics" | awk -v u="uri=\"$uri\"" 'index($0, "http_server_requests_seconds_count") == 1 && index($0, u) { n += $2 } END { print int(n) }'
}
before=$(mktemp); after=$(mktemp); trap 'rm -f "$before" "$after"' EXIT
a0=$(answered); snapshot >"$before"
"$@"
snapshot >"$after"; a=$(( $(answered) - a0 ))
python3 - "$before" "$after" "$a" "$(getconf CLK_TCK)" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'EOF'
import collections, re, sys
def load(path):
    rows = {}
    for line in open(path):
        tid, name, ticks = line.rstrip("\n").split("|")
        rows[tid] = (name, int(ticks))
    return rows
before, after = load(sys.argv[1]), load(sys.argv[2])
requests, hz, loadavg = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
groups = collections.Counter()
for tid, (name, ticks) in after.items():
    groups[re.sub(r"\d+", "#", name)] += (ticks - before.get(tid, (name, 0))[1]) * 1000 // hz
total = sum(groups.values())
per = lambda ms: f"  {ms / requests:7.2f} ms/request" if requests else ""
print(f"server CPU {total} ms{per(total)}, {requests} requests, load average {loadavg}")
for name, ms in groups.most_common():
    if ms: print(f"  {name:24s} {ms:7d} ms  {100 * ms / max(total, 1):5.1f} %{per(ms)}")
EOF
