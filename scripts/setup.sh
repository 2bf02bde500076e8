#!/usr/bin/env bash
# Sets up a fresh Debian machine for PolicyLens: Debian's Chromium (the e2e tests and
# `npm start` drive it; never a downloaded browser), Debian's firefox-esr (the Firefox
# e2e tests), openssl (the demo site's certificate), and the npm packages from the lock
# file.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} from Debian's packages" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
