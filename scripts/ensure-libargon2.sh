#!/usr/bin/env bash
# Installs Debian's libargon2-1 and libsodium23 when they are missing (issue 16): the server hashes passwords
# through JNA with libsodium (Janua's own one-lane hashes: AVX2/AVX-512 code, about a fifth cheaper) in front of
# libargon2 (every other parameter set), and falls back to BouncyCastle without them. The tests assert the
# native path, and the benchmarks compare the implementations, so `./janua test` and `./janua bench` install
# them; `./janua start` does not (the server logs once what it runs on). A no-op once installed.
set -euo pipefail
missing=()
ldconfig -p 2>/dev/null | grep -q 'libargon2\.so\.1' || missing+=(libargon2-1)
ldconfig -p 2>/dev/null | grep -q 'libsodium\.so\.23' || missing+=(libsodium23)
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "janua: ${missing[*]} not found and no apt-get; Argon2id runs on what is installed" >&2; exit 0; }
echo "== installing ${missing[*]} (native Argon2id) =="
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
