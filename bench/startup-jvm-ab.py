#!/usr/bin/env python3
"""Issue 16: start-up A/B of JVM option sets on one built checkout (bench/startup-ab.sh compares checkouts).

Each variant is `./janua start` with the launcher's own JVM options plus the variant's extra options
(appended, so a later -XX:Flag=value, e.g. another -XX:AOTCache, overrides the launcher's). Variants run
interleaved, the order reversed every other round; each round is a start on an empty data dir, then a
restart on it. Per start, one JSON line: wall seconds from the launch to the first 200 of /ready (polled
every 20 ms in-process, not with curl: a process per poll would compete for the same two cores), the
JVM's CPU seconds (utime+stime) at that moment, the same split by thread group (main, c2, c1, gc_vm,
other) and the load average. On a shared machine compare CPU, not wall time.

  bench/startup-jvm-ab.py [--rounds 5] [--port 8310] current= noreplay=-XX:-AOTReplayTraining \
      c1only=-XX:TieredStopAtLevel=1
"""
import argparse, json, os, shlex, shutil, signal, socket, subprocess, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HZ = os.sysconf("SC_CLK_TCK")


def launcher_options():
    script = f'source "{ROOT}/janua" help >/dev/null; jvm_options'
    return subprocess.run(["bash", "-c", script], check=True, capture_output=True, text=True).stdout.strip()


def is_ready(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"GET /ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            return s.recv(32).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def cpu_seconds(stat_path):
    fields = open(stat_path).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / HZ


def thread_group(comm):
    if comm in ("main", "java"): return "main"  # the launcher's thread is "java" and runs main()
    if comm.startswith("C2 Compiler"): return "c2"
    if comm.startswith("C1 Compiler"): return "c1"
    if comm == "VM Thread" or "GC" in comm: return "gc_vm"
    return "other"


def cpu_by_thread_group(pid):
    groups = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            group = thread_group(open(f"/proc/{pid}/task/{tid}/comm").read().strip())
            groups[group] = round(groups.get(group, 0) + cpu_seconds(f"/proc/{pid}/task/{tid}/stat"), 2)
        except OSError:
            pass  # the thread ended meanwhile
    return groups


def start_once(name, options, data, kind, port):
    env = dict(os.environ, JANUA_JAVA_OPTS=options, JANUA_DATA_DIR=data, JANUA_PORT=str(port))
    log_path = os.path.join(tempfile.gettempdir(), f"startup-jvm-ab-{port}-{name}-{kind}.log")
    with open(log_path, "w") as log:
        started = time.monotonic()
        server = subprocess.Popen([f"{ROOT}/janua", "start"], env=env, stdout=log, stderr=subprocess.STDOUT)
        while not is_ready(port):
            if server.poll() is not None:
                raise SystemExit(f"{name} ended before it was ready: {log_path}")
            time.sleep(0.02)
        ready = time.monotonic() - started
        # `./janua start` execs java, so the launcher's pid is the JVM's
        result = dict(variant=name, start=kind, readySeconds=round(ready, 2),
                      cpuSeconds=round(cpu_seconds(f"/proc/{server.pid}/stat"), 2),
                      **cpu_by_thread_group(server.pid), loadAverage=" ".join(open("/proc/loadavg").read().split()[:3]))
        server.send_signal(signal.SIGTERM)
        server.wait(120)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=8310)
    parser.add_argument("variants", nargs="+", help="name=extra JVM options (empty: the launcher's own)")
    args = parser.parse_args()
    base = launcher_options()
    variants = [(name, " ".join([base] + shlex.split(extra))) for name, extra in (v.split("=", 1) for v in args.variants)]
    for round_index in range(args.rounds):
        for name, options in variants if round_index % 2 == 0 else list(reversed(variants)):
            data = tempfile.mkdtemp(prefix="startup-jvm-ab-")
            try:
                for kind in ("first", "restart"):
                    print(json.dumps(dict(round=round_index, **start_once(name, options, data, kind, args.port))), flush=True)
            finally:
                shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
