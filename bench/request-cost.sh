#!/usr/bin/env bash
# `./janua bench cost`: PostgreSQL and Redis work per sign-in, refresh, GET /auth/me and profile update
# (issue 17, docs/sizing.md). One node on a database and a Redis server only this run uses, rate limits on
# (capacities raised so nothing is refused). Per operation: N requests one after another, then deltas of
#   - pg_stat_database (transactions) and pg_stat_user_tables (index + sequential scans = table reads,
#     rows inserted/updated/deleted = row writes) of that database,
#   - `INFO commandstats` of that Redis server (commands by name),
# minus the background work (outbox, webhook and event-feed pollers) measured idle for as long.
# No pg_stat_statements (it needs a restart of the shared PostgreSQL). Raw figures: bench/results/request-cost.jsonl.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
PORT="${JANUA_BENCH_PORT:-8900}"
REDIS_PORT="${JANUA_BENCH_REDIS_PORT:-6391}"
PG="${JANUA_BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
DB="janua_bench_cost_$$"
N="${JANUA_BENCH_COST_N:-300}"
# JANUA_BENCH_APP: an extracted server (a copy of server/target/app) to measure instead of building this tree
APP="${JANUA_BENCH_APP:-}"

[ -n "$APP" ] || "$ROOT/janua" build >/dev/null
command -v redis-server >/dev/null || { echo "bench cost: redis-server is needed (Debian package redis-server)" >&2; exit 1; }
data=$(mktemp -d)
cleanup() {
  # every step may fail (already stopped): none of them may stop the others, under set -e
  if [ -n "${SERVER_PID:-}" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "${REDIS_PID:-}" ]; then kill "$REDIS_PID" 2>/dev/null || true; fi
  psql "$PG/postgres" -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$data/redis.log" 2>&1 &
REDIS_PID=$!
psql "$PG/postgres" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null
if [ -n "$APP" ]; then START=(java -XX:+UseSerialGC -Xmx256m -XX:AOTCache="$APP/janua.aot" -jar "$APP/janua-server.jar")
else START=("$ROOT/janua" start); fi
JANUA_DATABASE_URL="$PG/$DB" JANUA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" JANUA_PORT=$PORT JANUA_DATA_DIR="$data" \
  "${START[@]}" --janua.rate-limits.auth.capacity=100000000 --janua.rate-limits.api.capacity=100000000 \
  --janua.rate-limits.authenticated.capacity=100000000 --janua.rate-limits.anonymous.capacity=100000000 \
  >"$OUT/request-cost-server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null || { echo "bench cost: server not ready; see $OUT/request-cost-server.log" >&2; exit 1; }

python3 - "$PORT" "$REDIS_PORT" "$PG/$DB" "$N" "$OUT/request-cost.jsonl" <<'PY'
import json, subprocess, sys, time, urllib.request, uuid
port, redis_port, db_url, n, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
base = f"http://127.0.0.1:{port}"
# PostgreSQL 15 flushes a backend's statistics at most once a second, and an idle one after 10 s: wait that out
FLUSH = 11

def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"null")

def pg():
    q = ("SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()),"
         " sum(coalesce(seq_scan,0) + coalesce(idx_scan,0)), sum(n_tup_ins), sum(n_tup_upd), sum(n_tup_del) FROM pg_stat_user_tables")
    row = subprocess.check_output(["psql", db_url, "-Atc", q], text=True).strip().split("|")
    return dict(zip(["transactions", "tableReads", "rowsInserted", "rowsUpdated", "rowsDeleted"], map(int, row)))

def redis():
    info = subprocess.check_output(["redis-cli", "-p", redis_port, "INFO", "commandstats"], text=True)
    stats = {}
    for line in info.splitlines():
        if line.startswith("cmdstat_"):
            name, rest = line[8:].split(":", 1)
            stats[name] = int(rest.split(",")[0].split("=")[1])
    return stats

def snapshot():
    return pg(), redis(), time.monotonic()

def delta(a, b):
    d = {k: b[0][k] - a[0][k] for k in b[0]}
    r = {k: b[1].get(k, 0) - a[1].get(k, 0) for k in b[1]}
    r.pop("info", None)
    return d, r, b[2] - a[2]

email = f"cost-{uuid.uuid4().hex[:8]}@example.com"
password = "correct horse battery staple"
up = call("POST", "/api/v1/auth/signup", {"email": email, "password": password})
state = {"access": up["tokens"]["accessToken"], "refresh": up["tokens"]["refreshToken"]}

time.sleep(FLUSH)
a = snapshot(); time.sleep(30); b = snapshot()
idle_pg, idle_redis, idle_s = delta(a, b)

def signin(i):
    call("POST", "/api/v1/auth/signin", {"email": email, "password": password})
def refresh(i):
    r = call("POST", "/api/v1/auth/refresh", {"refreshToken": state["refresh"]})
    state["access"], state["refresh"] = r["accessToken"], r["refreshToken"]
def me(i):
    call("GET", "/api/v1/auth/me", token=state["access"])
def update(i):
    call("PATCH", "/api/v1/users/me", {"firstName": f"cost{i}"}, token=state["access"])

with open(out, "w") as f:
    print(f"{'operation':<10} {'n':>4} {'tx/req':>7} {'reads/req':>9} {'writes/req':>10}  redis commands/req")
    for name, fn, count in [("signin", signin, max(20, n // 5)), ("refresh", refresh, n), ("me", me, n), ("update", update, n)]:
        time.sleep(FLUSH)
        a = snapshot()
        for i in range(count): fn(i)
        time.sleep(FLUSH)
        b = snapshot()
        d, r, secs = delta(a, b)
        share = secs / idle_s  # the background work done meanwhile, at the idle rate
        per = {k: round((d[k] - idle_pg[k] * share) / count, 2) for k in d}
        writes = round(per["rowsInserted"] + per["rowsUpdated"] + per["rowsDeleted"], 2)
        rper = {k: round((r[k] - idle_redis.get(k, 0) * share) / count, 2) for k in r if r[k]}
        row = {"operation": name, "requests": count, "seconds": round(secs, 1), "raw": {"postgres": d, "redis": r},
               "idle": {"seconds": round(idle_s, 1), "postgres": idle_pg, "redis": idle_redis}, "perRequest": per,
               "rowWritesPerRequest": writes, "redisPerRequest": rper}
        f.write(json.dumps(row) + "\n")
        print(f"{name:<10} {count:>4} {per['transactions']:>7} {per['tableReads']:>9} {writes:>10}  {rper}")
PY
echo "raw figures: $OUT/request-cost.jsonl"
