#!/usr/bin/env bash
# The test command of the README (`./janua test`): unit tests and the integration suite on H2,
# then the same integration suite on PostgreSQL. Called by ./janua, which has chosen the JDK.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

H2_ONLY=0
for a in "$@"; do [ "$a" = "--h2-only" ] && H2_ONLY=1; done

PG_URL="${JANUA_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}"

# The browser test (OidcBrowserIntegrationTest) drives Debian's chromium through playwright-core.
# Installed here when missing, so a fresh machine (and CI) has what it needs; both steps are no-ops once done.
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium (browser tests) =="
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
"$ROOT/scripts/ensure-libargon2.sh"   # native Argon2id (Argon2idEnginesTest asserts it is used)
if [ ! -d server/src/test/browser/node_modules/playwright-core ] || [ ! -d server/src/test/browser/node_modules/openid-client ]; then
  echo "== installing playwright-core (browser tests) =="
  (cd server/src/test/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

"$ROOT/scripts/test-deploy.sh"   # deploy/ lints: promtool rules + rule tests, yamllint, haproxy -c, dashboard structure

echo "== unit + integration tests on embedded H2 =="
./mvnw -B -ntp test -Djanua.test.db=h2

if [ "$H2_ONLY" = 1 ]; then
  echo "== PostgreSQL run skipped on request (--h2-only) =="
  exit 0
fi

echo "== integration tests on PostgreSQL ($PG_URL) =="
./mvnw -B -ntp -pl server surefire:test -Djanua.test.db=postgres -Djanua.test.pg-url="$PG_URL" \
  -Dtest='*IntegrationTest,!OidcBrowserIntegrationTest' -Dsurefire.failIfNoSpecifiedTests=true
"$ROOT/scripts/test-sdk-python.sh"   # Python SDK suite against a server built from this tree
"$ROOT/scripts/test-sdk-typescript.sh"   # TypeScript SDK + React bindings suites against a server built from this tree
"$ROOT/scripts/test-sdk-go.sh"   # Go SDK suite against a server built from this tree
