#!/usr/bin/env bash
# Installs what the in-editor and browser tests need, on Debian, with no download other than apt and npm:
# Debian Chromium, ripgrep (stands in for the rg that @vscode/ripgrep fetches from GitHub), libkrb5-dev
# (code-server's kerberos addon builds from source), then code-server + playwright-core in .vscode-test/.
# Idempotent: a second run only checks. See ../shared/e2e/RECIPE.md for why each step is there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
E2E="$ROOT/.vscode-test"
mkdir -p "$E2E/tmp" "$E2E/npm-cache" "$E2E/xdg/config" "$E2E/xdg/data" "$E2E/xdg/cache"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  # If this fails: the machine needs Debian's apt sources (apt-get update) and root.
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

export TMPDIR="$E2E/tmp" npm_config_cache="$E2E/npm-cache" npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr
export XDG_CONFIG_HOME="$E2E/xdg/config" XDG_DATA_HOME="$E2E/xdg/data" XDG_CACHE_HOME="$E2E/xdg/cache"

# @vscode/ripgrep's postinstall downloads rg from GitHub; seed its cache with Debian's rg under the asset name it expects.
arch=$(uname -m); case "$arch" in x86_64) target=x86_64-unknown-linux-musl ;; aarch64) target=aarch64-unknown-linux-musl ;; *) target=$arch ;; esac
cache="$TMPDIR/vscode-ripgrep-cache-1.15.11"
if [ ! -f "$cache/ripgrep-v13.0.0-10-$target.tar.gz" ]; then
  mkdir -p "$cache" "$TMPDIR/rgstage" && cp "$(command -v rg)" "$TMPDIR/rgstage/rg"
  tar czf "$cache/ripgrep-v13.0.0-10-$target.tar.gz" -C "$TMPDIR/rgstage" rg
fi

CS="$E2E/code-server"
mkdir -p "$CS"
cp "$ROOT/test/e2e/host-package.json" "$CS/package.json"
[ -f "$ROOT/test/e2e/host-package-lock.json" ] && cp "$ROOT/test/e2e/host-package-lock.json" "$CS/package-lock.json"
if [ ! -x "$CS/node_modules/.bin/code-server" ] || [ ! -d "$CS/node_modules/playwright-core" ]; then
  # If this fails: look for "npx canceled" (npm_config_yes), kerberos (libkrb5-dev) or ripgrep (the cache seed above).
  (cd "$CS" && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --unsafe-perm; else npm install --no-audit --no-fund --unsafe-perm; fi)
fi
node "$CS/node_modules/code-server/out/node/entry.js" --version | head -1
