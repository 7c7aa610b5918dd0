#!/usr/bin/env bash
# `./janua cluster up [N]` / `down` / `status`: N Janua processes on loopback ports, one PostgreSQL
# database created for the run, Redis (a key prefix of its own), and HAProxy in front. docs/scaling.md.
#
# Called by ./janua (which has chosen the JDK, built the jar and exported JANUA_JVM_OPTIONS) and by
# ClusterIntegrationTest (which sets JANUA_CLUSTER_CLASSPATH to run the nodes from its own class path).
#
# Environment (all optional):
#   JANUA_CLUSTER_DIR      state directory: pids, logs, haproxy.cfg (default server/target/cluster)
#   JANUA_CLUSTER_PORT     balancer port; node i listens on PORT+i (default 8100)
#   JANUA_CLUSTER_PG       PostgreSQL server, libpq form (default postgres://postgres@127.0.0.1:5432)
#   JANUA_REDIS_URL        Redis (default redis://127.0.0.1:6379)
#   JANUA_CLUSTER_TIMEOUT  seconds each wait loop may take (default 240)
#   JANUA_CLUSTER_DATABASE_URL an existing, already migrated database (any form JANUA_DATABASE_URL takes) to use
#                          instead of creating one; `down` leaves it alone, and all nodes start at once
#   JANUA_CLUSTER_ARGS     extra --key=value Spring arguments for every node
#   JANUA_CLUSTER_CLASSPATH run dev.janua.server.JanuaApplication from this class path instead of the jar
#   JANUA_MASTER_KEY       the nodes' shared master key (default: a random one for the run)
#   JANUA_ADMIN_EMAIL / JANUA_ADMIN_PASSWORD, JANUA_SMTP_URL: passed to every node as they are
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${JANUA_CLUSTER_DIR:-$ROOT/server/target/cluster}"
PORT="${JANUA_CLUSTER_PORT:-8100}"
PG="${JANUA_CLUSTER_PG:-postgres://postgres@127.0.0.1:5432}"
REDIS="${JANUA_REDIS_URL:-redis://127.0.0.1:6379}"
TIMEOUT="${JANUA_CLUSTER_TIMEOUT:-240}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

die() { echo "janua cluster: $*" >&2; exit 1; }
say() { echo "janua cluster: $*" >&2; }

# HAProxy from Debian's packages, installed when missing (as scripts/test.sh does for chromium).
ensure_haproxy() {
  command -v haproxy >/dev/null 2>&1 && return
  say "installing haproxy"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  fi
  command -v haproxy >/dev/null 2>&1 || die "haproxy is not installed and could not be installed"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits (at most TIMEOUT seconds) until $1/ready answers 200; gives up early if pid $2 (when given) died.
await_ready() {
  local url="$1" pid="${2:-}" deadline=$((SECONDS + TIMEOUT))
  while [ $SECONDS -lt $deadline ]; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url/ready" || true)" = 200 ] && return 0
    sleep 0.3
  done
  return 1
}

node_command() {
  local i="$1"
  if [ -n "${JANUA_CLUSTER_CLASSPATH:-}" ]; then
    echo "$JAVA ${JANUA_JVM_OPTIONS:--XX:+UseSerialGC -Xmx384m -XX:TieredStopAtLevel=1} -cp $JANUA_CLUSTER_CLASSPATH dev.janua.server.JanuaApplication"
  else
    [ -f "$ROOT/server/target/app/janua-server.jar" ] || die "no server build: run ./janua build (./janua cluster up builds it)"
    echo "$JAVA ${JANUA_JVM_OPTIONS:-} -jar $ROOT/server/target/app/janua-server.jar"
  fi
}

start_node() {
  local i="$1"
  local dir="$STATE/node$i"
  mkdir -p "$dir/data"
  # setsid: the node outlives this script and is not hit by the caller's Ctrl-C; `down` stops it by pid.
  # shellcheck disable=SC2086,SC2046
  env -u JANUA_JAVA_OPTS JANUA_PORT=$((PORT + i)) JANUA_DATA_DIR="$dir/data" JANUA_DATABASE_URL="$DB_URL" \
      JANUA_REDIS_URL="$REDIS" JANUA_MASTER_KEY="$(cat "$STATE/master.key")" JANUA_BASE_URL="http://127.0.0.1:$PORT" \
      JANUA_ENV="${JANUA_ENV:-development}" \
      setsid $(node_command "$i") --janua.rate-limits.redis-prefix="$REDIS_PREFIX" --janua.trust-proxy=true \
      ${JANUA_CLUSTER_ARGS:-} </dev/null >"$dir/node.log" 2>&1 &
  echo $! >"$dir/pid"
}

write_haproxy_cfg() {
  local n="$1" i
  {
    sed -e "s|@PORT@|$PORT|g" -e "s|@STATE@|$STATE|g" "$ROOT/scripts/cluster-haproxy.cfg"
    for i in $(seq 1 "$n"); do echo "    server node$i 127.0.0.1:$((PORT + i)) check"; done
  } >"$STATE/haproxy.cfg"
  haproxy -c -q -f "$STATE/haproxy.cfg" || die "haproxy rejected $STATE/haproxy.cfg"
}

up() {
  local n="${1:-3}" i
  [[ "$n" =~ ^[1-9][0-9]?$ ]] || die "node count must be 1-99, got '$n'"
  [ -f "$STATE/cluster.env" ] && die "a cluster is already up in $STATE (./janua cluster down first)"
  ensure_haproxy
  [ -n "${JANUA_CLUSTER_DATABASE_URL:-}" ] || command -v psql >/dev/null 2>&1 \
    || die "psql (postgresql-client) is needed to create the cluster's database"
  for i in $(seq 0 "$n"); do port_free $((PORT + i)) || die "port $((PORT + i)) is taken (set JANUA_CLUSTER_PORT)"; done
  mkdir -p "$STATE"
  local run; run="$(date +%s)_$$"
  REDIS_PREFIX="janua-cluster:$run:rl:"
  if [ -n "${JANUA_CLUSTER_DATABASE_URL:-}" ]; then
    DB=""; DB_URL="$JANUA_CLUSTER_DATABASE_URL"
  else
    DB="janua_cluster_$run"; DB_URL="$PG/$DB"
    psql "$PG/postgres" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null || die "cannot create database $DB on $PG"
  fi
  # every node has the same master key: it unseals the signing keys and derives the HMAC keys they share
  if [ -n "${JANUA_MASTER_KEY:-}" ]; then echo "$JANUA_MASTER_KEY" >"$STATE/master.key"; else head -c32 /dev/urandom | base64 >"$STATE/master.key"; fi
  chmod 600 "$STATE/master.key"
  printf 'NODES=%s\nPORT=%s\nDB=%s\nDB_URL=%s\nPG=%s\nREDIS=%s\nREDIS_PREFIX=%s\n' \
    "$n" "$PORT" "$DB" "$DB_URL" "$PG" "$REDIS" "$REDIS_PREFIX" >"$STATE/cluster.env"
  # On a fresh database the first node alone runs the migrations; then the others start together.
  local rest=1
  if [ -n "$DB" ]; then
    rest=2
    start_node 1
    await_ready "http://127.0.0.1:$((PORT + 1))" "$(cat "$STATE/node1/pid")" \
      || { down; die "node 1 not ready within ${TIMEOUT}s (log: $STATE/node1/node.log, kept)"; }
  fi
  for i in $(seq "$rest" "$n"); do start_node "$i"; done
  for i in $(seq "$rest" "$n"); do
    await_ready "http://127.0.0.1:$((PORT + i))" "$(cat "$STATE/node$i/pid")" \
      || { down; die "node $i not ready within ${TIMEOUT}s (log: $STATE/node$i/node.log, kept)"; }
  done
  write_haproxy_cfg "$n"
  haproxy -D -f "$STATE/haproxy.cfg" -p "$STATE/haproxy.pid" || { down; die "haproxy did not start"; }
  await_ready "http://127.0.0.1:$PORT" || { down; die "the balancer did not answer /ready within ${TIMEOUT}s"; }
  status
}

status() {
  [ -f "$STATE/cluster.env" ] || { echo "no cluster in $STATE"; return 0; }
  # shellcheck disable=SC1091
  . "$STATE/cluster.env"
  echo "balancer  http://127.0.0.1:$PORT"
  local i pid state
  for i in $(seq 1 "$NODES"); do
    pid="$(cat "$STATE/node$i/pid" 2>/dev/null || true)"
    state=down; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && state="pid $pid"
    echo "node$i     http://127.0.0.1:$((PORT + i))  ($state, log $STATE/node$i/node.log)"
  done
  echo "database  $DB_URL"
  echo "redis     $REDIS (key prefix $REDIS_PREFIX)"
}

stop_pid() {
  local pid="$1" i
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

down() {
  [ -f "$STATE/cluster.env" ] || { say "no cluster in $STATE"; return 0; }
  # shellcheck disable=SC1091
  . "$STATE/cluster.env"
  [ -f "$STATE/haproxy.pid" ] && stop_pid "$(cat "$STATE/haproxy.pid")"
  local i
  for i in $(seq 1 "$NODES"); do [ -f "$STATE/node$i/pid" ] && stop_pid "$(cat "$STATE/node$i/pid")" & done
  wait
  if [ -n "$DB" ]; then
    psql "$PG/postgres" -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null || say "could not drop database $DB"
  fi
  if command -v redis-cli >/dev/null 2>&1; then
    redis-cli -u "$REDIS" --scan --pattern "${REDIS_PREFIX}*" | xargs -r -n 500 redis-cli -u "$REDIS" DEL >/dev/null || true
  fi
  rm -f "$STATE/cluster.env" "$STATE/master.key" "$STATE/haproxy.pid"
  say "stopped $NODES nodes and HAProxy${DB:+, dropped $DB} (logs kept in $STATE)"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  up) up "$@" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: ./janua cluster up [N] | down | status" >&2; exit 2 ;;
esac
