#!/usr/bin/env bash
# CI for the TypeScript SDK (sdks/typescript) and the React bindings (sdks/react): installs their npm
# packages when missing (npm ci, from the committed lock files), builds them, starts one Janua server
# built from this tree (scripts/sdk-server.sh), runs both suites against it, and stops it.
# Exits non-zero when a suite fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/sdk-test-env.sh

for dir in sdks/typescript sdks/react; do
  [ -f "$dir/package.json" ] || continue
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
    echo "== npm ci ($dir) =="
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
if [ -f sdks/react/package.json ] && ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium (React browser test) =="
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
fi

echo "== building the TypeScript SDK =="
(cd sdks/typescript && npm run -s build)

url=$("$ROOT/scripts/sdk-server.sh" start ts)
trap '"$ROOT/scripts/sdk-server.sh" stop ts' EXIT
export JANUA_TEST_BASE_URL="$url"
echo "== Janua for the SDK suites at $url =="

status=0
echo "== TypeScript SDK suite =="
(cd sdks/typescript && npm test) || status=1
if [ -f sdks/react/package.json ]; then
  echo "== React bindings suite (headless Chromium) =="
  (cd sdks/react && npm run -s build && npm test) || status=1
fi
exit $status
