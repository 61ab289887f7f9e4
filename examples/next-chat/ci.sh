#!/usr/bin/env bash
# CI step for the Next.js example: build the library, fetch the pinned Node 24 (ai@7 needs Node >= 22), install
# the example from its lock file, build the app, and drive it in Chromium. Expects the root `npm ci` to have run.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
export NEXT_TELEMETRY_DISABLED=1
start=$SECONDS

echo "== next-chat: build the library (the example installs it from ../.. as a packed copy)"
# What the app imports: the /v4 entry and the emulator, each with its types.
library_files=(dist/v4.js dist/v4.d.ts dist/emulator.js dist/emulator.d.ts)
library_missing() {
  local file
  for file in "${library_files[@]}"; do [ -f "../../$file" ] || { echo "$file"; return; }; done
}
if [ -n "$(library_missing)" ] || [ -n "$(find ../../src ../../emulator -newer ../../dist/v4.js -print -quit)" ]; then
  (cd ../.. && npm run build)
fi
if missing=$(library_missing) && [ -n "$missing" ]; then
  echo "next-chat: the library build did not produce $missing, which the app imports; check the root build (tsup.config.ts)." >&2
  exit 1
fi

echo "== next-chat: Node 24 for Next and the browser test (ai@7 needs Node >= 22)"
# Pinned per platform by the compat harness; npm ships the official binary as node-<platform>-<arch>.
node_platform=$(node -p 'process.platform + "-" + process.arch')
pinned=../../compat/legs/node24-$node_platform
node24_bin=""
if [ -f "$pinned/package-lock.json" ]; then
  package_bin=node_modules/node-$node_platform/bin
  compat_copy=../../compat/.work/node24-$node_platform
  # The compat run's copy is reused when it was installed from the same lock; otherwise this folder gets its own.
  if [ -x "$compat_copy/$package_bin/node" ] && cmp -s "$pinned/package-lock.json" "$compat_copy/package-lock.json"; then
    node24_bin=$(cd "$compat_copy/$package_bin" && pwd)
  else
    if [ ! -x ".node24/$package_bin/node" ] || ! cmp -s "$pinned/package-lock.json" .node24/package-lock.json; then
      rm -rf .node24 && mkdir .node24
      cp "$pinned/package.json" "$pinned/package-lock.json" .node24/
      (cd .node24 && npm ci --no-audit --no-fund)
    fi
    node24_bin=$(cd ".node24/$package_bin" && pwd)
  fi
  export PATH="$node24_bin:$PATH"
elif [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
  echo "next-chat: no Node 24 is pinned for $node_platform (compat/legs/node24-$node_platform) and this Node is $(node --version); run Node >= 22, or pin one with 'node compat/run.mjs --update'." >&2
  exit 1
fi
if [ -n "$node24_bin" ] && [[ "$(node --version)" != v24.* ]]; then
  echo "next-chat: $node24_bin/node is $(node --version), not Node 24; delete examples/next-chat/.node24 and rerun." >&2
  exit 1
fi
echo "node $(node --version) from $(command -v node)"

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
