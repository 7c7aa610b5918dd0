#!/usr/bin/env bash
# The Python SDK's suite (sdks/python/tests) against a Janua built from this tree: installs the Debian
# packages it needs when missing (the Python package index is not reachable here), starts a server with
# scripts/sdk-server.sh (settings in sdks/python/tests/server.env), runs pytest, stops the server.
# Exit status is pytest's. Extra arguments go to pytest (e.g. -k webhooks).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3   # Debian's python3, where python3-httpx/pytest live (not a pyenv shim first on PATH)

if ! "$PY" -c 'import httpx, pytest' 2>/dev/null; then
  echo "== installing python3-httpx python3-pytest (Python SDK tests) =="
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-httpx python3-pytest >/dev/null
fi

set -a; . "$ROOT/sdks/python/tests/server.env"; set +a
trap '"$ROOT/scripts/sdk-server.sh" stop python' EXIT
echo "== Python SDK: starting Janua =="
JANUA_TEST_BASE_URL="$("$ROOT/scripts/sdk-server.sh" start python)"
export JANUA_TEST_BASE_URL
echo "== Python SDK tests against $JANUA_TEST_BASE_URL =="
cd "$ROOT/sdks/python"
"$PY" -m pytest -q -p no:cacheprovider "$@"
