#!/usr/bin/env bash
# Starts and stops one Janua server for an SDK test suite (sdks/<language>): the jar built from this
# tree, an empty embedded database in a temporary data directory, development mode (dev mailbox and
# SMS outbox readable over HTTP), on a free loopback port, on Spring AOT like `./janua start` (so the SDK
# suites also test the bean definitions the build computed). Every JANUA_* variable of the caller is
# passed through, so a suite can pick a database or tighten a setting.
#
#   scripts/sdk-server.sh start NAME   → prints the base URL (e.g. http://127.0.0.1:41234); waits for /ready
#   scripts/sdk-server.sh stop NAME    → stops it and removes its data directory
#
# The state of NAME lives in target/sdk-server/NAME (pid, url, log).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cmd="${1:?start|stop}"; name="${2:?name}"
STATE="$ROOT/target/sdk-server/$name"

jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; return; fi
  local d; d=$(ls -d /usr/lib/jvm/*temurin* 2>/dev/null | sort -V | tail -1)
  echo "${d:+$d/bin/}java"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

case "$cmd" in
  start)
    jar="$ROOT/server/target/janua-server.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/server/src/main" -newer "$jar" -print -quit)" ]; then
      (cd "$ROOT" && ./mvnw -B -q -ntp -pl server -DskipTests package) >&2
    fi
    mkdir -p "$STATE"; rm -rf "$STATE/data"; mkdir -p "$STATE/data"
    port=$(free_port); url="http://127.0.0.1:$port"
    JANUA_ENV="${JANUA_ENV:-development}" JANUA_PORT="$port" JANUA_BASE_URL="${JANUA_BASE_URL:-$url}" \
      JANUA_DATA_DIR="$STATE/data" \
      nohup "$(jdk)" -XX:+UseSerialGC -Xmx384m -XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true -jar "$jar" >"$STATE/log" 2>&1 &
    echo $! >"$STATE/pid"; echo "$url" >"$STATE/url"
    for _ in $(seq 1 240); do
      if curl -fsS -o /dev/null "$url/ready" 2>/dev/null; then echo "$url"; exit 0; fi
      if ! kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then break; fi
      sleep 0.5
    done
    echo "sdk-server: $name did not become ready; last log lines:" >&2; tail -40 "$STATE/log" >&2
    kill "$(cat "$STATE/pid")" 2>/dev/null || true
    exit 1
    ;;
  stop)
    if [ -f "$STATE/pid" ]; then
      pid=$(cat "$STATE/pid"); kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$STATE/data" "$STATE/pid"
    ;;
  *) echo "usage: $0 start|stop NAME" >&2; exit 2 ;;
esac
