#!/usr/bin/env bash
# CI for the Go SDK (sdks/go): installs Go when missing (Debian's golang-go, Go 1.19), starts one
# Janua server built from this tree (scripts/sdk-server.sh), runs `go vet` and `go test` against it,
# and stops it. Exits non-zero when the suite fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/sdk-test-env.sh

if ! command -v go >/dev/null 2>&1; then
  echo "== installing golang-go =="
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go >/dev/null; fi
fi
# standard library only: nothing to download, and nothing may be fetched
export GOFLAGS="${GOFLAGS:--mod=mod}" GOPROXY="${GOPROXY:-off}" GOTOOLCHAIN=local

url=$("$ROOT/scripts/sdk-server.sh" start go)
trap '"$ROOT/scripts/sdk-server.sh" stop go' EXIT
export JANUA_TEST_BASE_URL="$url"
echo "== Go SDK suite against $url =="
cd sdks/go
go vet ./...
go test -count=1 ./...
