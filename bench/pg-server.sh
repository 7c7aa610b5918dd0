# Sourced by the PostgreSQL benchmarks: a scratch database $DB, Janua started on it at $PORT with a
# bootstrap admin and rate limits off, both torn down when the calling script exits. Needs ROOT, DB,
# PORT, OUT set; leaves PSQL (array) and ADMIN_TOKEN for the caller.
# KEEP_DB=1: the database is neither dropped first (created only when missing) nor at the end, so a seeded
# database can be measured again without re-seeding; its data directory (master key) is then kept too, in
# /tmp/janua-bench-data-$DB. JANUA_LAUNCHER: another checkout's `janua` (e.g. main's build, copied
# elsewhere) runs the server instead of this one's, for A/B runs against the same database.
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
if [ "${KEEP_DB:-0}" = 1 ]; then
  "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
    || "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
else
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
fi
# A kept database keeps secrets sealed with the data directory's master key: its data directory is kept too.
if [ "${KEEP_DB:-0}" = 1 ]; then BENCH_DATA_DIR="${TMPDIR:-/tmp}/janua-bench-data-$DB"; mkdir -p "$BENCH_DATA_DIR"
else BENCH_DATA_DIR="$(mktemp -d)"; fi
export JANUA_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" JANUA_PORT=$PORT JANUA_DATA_DIR="$BENCH_DATA_DIR" \
  JANUA_ADMIN_EMAIL=admin@bench.example JANUA_ADMIN_PASSWORD='bench admin passphrase' JANUA_RATE_LIMITS_ENABLED=false
"${JANUA_LAUNCHER:-$ROOT/janua}" start >"$OUT/$DB-server.log" 2>&1 &
SERVER_PID=$!
if [ "${KEEP_DB:-0}" = 1 ]; then
  trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
else
  trap 'kill $SERVER_PID 2>/dev/null || true; "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
fi
ready_deadline=$((SECONDS + ${JANUA_BENCH_READY_TIMEOUT:-300}))
until curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null; do
  if [ $SECONDS -ge $ready_deadline ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "bench: Janua not ready on port $PORT (see $OUT/$DB-server.log)" >&2; exit 1
  fi
  sleep 0.2
done

admin_token() {
  curl -s -X POST "http://127.0.0.1:$PORT/api/v1/auth/signin" -H 'Content-Type: application/json' \
    -d '{"email":"admin@bench.example","password":"bench admin passphrase"}' | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4
}

# The bootstrap admin is created just after the server is ready (its password is hashed then): the
# callers' seeds reuse its row and hash, so wait for it too, with the same deadline.
until "${PSQL[@]}" -d $DB -tAc "SELECT 1 FROM users WHERE email_normalized = 'admin@bench.example' AND password_hash IS NOT NULL" | grep -q 1; do
  if [ $SECONDS -ge $ready_deadline ]; then
    echo "bench: the bootstrap admin was not created (see $OUT/$DB-server.log)" >&2; exit 1
  fi
  sleep 0.2
done
