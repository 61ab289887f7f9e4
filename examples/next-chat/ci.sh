#!/usr/bin/env bash
# CI step for the Next.js example: build the library, install the example from its lock file, build the app,
# and drive it in Chromium. Expects the root `npm ci` to have run. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
export NEXT_TELEMETRY_DISABLED=1
start=$SECONDS

echo "== next-chat: build the library (the example installs it from ../.. as a packed copy)"
if [ ! -f ../../dist/index.js ] || [ ! -f ../../dist/emulator.js ] || [ -n "$(find ../../src ../../emulator -newer ../../dist/index.js -print -quit)" ]; then
  (cd ../.. && npm run build)
fi

echo "== next-chat: npm ci"
npm ci --no-audit --no-fund

if [ ! -x /usr/bin/chromium ]; then
  echo "== next-chat: install Chromium (Debian package)"
  # CI runs as root; elsewhere apt-get needs sudo.
  as_root=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo > /dev/null; then
      echo "next-chat: /usr/bin/chromium is missing and installing it needs root; run 'apt-get install chromium' as root." >&2
      exit 1
    fi
    as_root="sudo"
  fi
  $as_root apt-get update -qq
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
fi
if ! chromium_version=$(/usr/bin/chromium --version 2>&1); then
  echo "next-chat: /usr/bin/chromium is installed but does not run; its output was:" >&2
  echo "$chromium_version" >&2
  exit 1
fi
# The last line is the version; the launcher may print warnings from /etc/chromium.d before it.
echo "${chromium_version##*$'\n'}"

echo "== next-chat: next build (includes the type check)"
npm run build

echo "== next-chat: browser test"
npm run test:e2e
echo "== next-chat: done in $((SECONDS - start)) s"
