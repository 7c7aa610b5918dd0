#!/usr/bin/env bash
# Issue 5 figures on PostgreSQL: while wrk drives PATCH /users/me (each a user.updated event), how
# fast the single audit appender chains events and how fast webhooks reach a local receiver.
# Usage: ./janua bench events   (SECONDS_MEASURED to change the 15 s load)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT=8904
RPORT=8905
DB=janua_events_bench
OUT="$ROOT/bench/results"
LOAD_SECONDS="${SECONDS_MEASURED:-15}"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "this benchmark needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
export JANUA_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true
source "$ROOT/bench/pg-server.sh"

# A receiver that answers 204 at once and counts what it got.
/usr/bin/python3 - "$RPORT" "$OUT/events-receiver.json" <<'PY' &
import json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
port, out = int(sys.argv[1]), sys.argv[2]
state = {"count": 0, "first": None, "last": None, "ids": set()}
lock = threading.Lock()
class H(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with lock:
            now = time.time()
            state["count"] += 1
            state["ids"].add(self.headers.get("webhook-id"))
            state["first"] = state["first"] or now
            state["last"] = now
            json.dump({"count": state["count"], "distinct": len(state["ids"]), "first": state["first"], "last": state["last"]}, open(out, "w"))
        self.send_response(204); self.end_headers()
    def log_message(self, *a): pass
ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
PY
RECEIVER=$!
trap 'kill $RECEIVER $SERVER_PID 2>/dev/null || true; "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
sleep 1
TOKEN=$(admin_token)
curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/webhooks" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RPORT/hook\",\"events\":[\"user.updated\"]}" >/dev/null
sleep 2
q() { "${PSQL[@]}" -d $DB -Atc "$1"; }
base_events=$(q "SELECT COUNT(*) FROM domain_events WHERE type = 'user.updated'")
base_chain=$(q "SELECT last_position FROM audit_chain_head")
cat >"$OUT/patch.lua" <<'LUA'
local n = 0
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
request = function() n = n + 1; return wrk.format(nil, nil, nil, '{"bio":"load ' .. n .. '"}') end
LUA
start=$(date +%s.%N)
TOKEN=$TOKEN wrk -t2 -c8 -d${LOAD_SECONDS}s --latency -s "$OUT/patch.lua" "http://127.0.0.1:$PORT/api/v1/users/me" | tee "$OUT/events-wrk.txt" | grep -E "Requests/sec|Non-2xx|50%|99%"
load_end=$(date +%s.%N)
events=$(( $(q "SELECT COUNT(*) FROM domain_events WHERE type = 'user.updated'") - base_events ))
# wait (at most 120 s) until the chain and the receiver have every event
for i in $(seq 1 600); do
  chained=$(( $(q "SELECT last_position FROM audit_chain_head") - base_chain ))
  got=$(python3 -c "import json;print(json.load(open('$OUT/events-receiver.json'))['distinct'])" 2>/dev/null || echo 0)
  [ "$chained" -ge "$events" ] && [ "$got" -ge "$events" ] && break
  sleep 0.2
done
done_at=$(date +%s.%N)
python3 - "$OUT/events-receiver.json" "$events" "$chained" "$start" "$load_end" "$done_at" <<'PY' | tee "$OUT/events.json"
import json, sys
r = json.load(open(sys.argv[1])); events, chained = int(sys.argv[2]), int(sys.argv[3])
start, load_end, done = map(float, sys.argv[4:7])
span = r["last"] - r["first"]
print(json.dumps({"userUpdatedEvents": events, "eventsPerSecondWritten": round(events / (load_end - start), 1),
  "auditRecordsChained": chained, "auditCaughtUpSecondsAfterLoad": round(done - load_end, 2),
  "webhookRequestsReceived": r["count"], "distinctWebhookIds": r["distinct"],
  "webhookDeliveriesPerSecond": round(r["count"] / span, 1) if span > 0 else None}))
PY
