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
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium > /dev/null
fi
/usr/bin/chromium --version 2> /dev/null || true

echo "== next-chat: next build (includes the type check)"
npm run build

echo "== next-chat: browser test"
npm run test:e2e
echo "== next-chat: done in $((SECONDS - start)) s"
