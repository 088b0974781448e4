#!/usr/bin/env node
// The standard runner for the integration suite: @vscode/test-electron downloads VS Code
// (cached in $REGLINT_EDITORS_CACHE/vscode-test), starts it with this repository as the
// extension under development and out/test/integration/suite as the tests, on a copy of
// test/integration/workspace. Linux needs a display: run it under `xvfb-run -a` there.
//
// Where VS Code cannot be downloaded (no internet, as on our build machines), it says so
// and exits 0 *without* running or claiming any test:
//   skipped: VS Code could not be downloaded (<reason>)
// The same suite runs in code-server (test/integration/runCodeServer.mjs) in `npm test`.
//
//   npm run test:vscode                    (compiles and builds first)
//   REGLINT_VSCODE_VERSION=1.91.0 npm run test:vscode
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE, REPO_ROOT, distIsBuilt } from '../../scripts/editors/paths.mjs';

const SUITE = join(REPO_ROOT, 'out', 'test', 'integration', 'suite', 'index.js');
const VERSION = process.env.REGLINT_VSCODE_VERSION || 'stable';
const DOWNLOAD_TIMEOUT_MS = Number(process.env.REGLINT_VSCODE_DOWNLOAD_TIMEOUT ?? 120_000);

async function main() {
  if (!distIsBuilt()) throw new Error('dist/extension.js or dist/server.js is missing: run `npm run build` first.');
  if (!existsSync(SUITE)) throw new Error(`${SUITE} is missing: run \`npm run compile\` first.`);
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');

  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await withTimeout(
      downloadAndUnzipVSCode({ version: VERSION, cachePath: join(CACHE, 'vscode-test'), timeout: 30_000 }),
      DOWNLOAD_TIMEOUT_MS,
    );
  } catch (error) {
    console.log(`skipped: VS Code could not be downloaded (${reason(error)})`);
    return 0;
  }

  const workspace = mkdtempSync(join(tmpdir(), 'reglint-vscode-ws-'));
  const userData = mkdtempSync(join(tmpdir(), 'reglint-vscode-ud-'));
  cpSync(join(REPO_ROOT, 'test', 'integration', 'workspace'), workspace, { recursive: true });
  try {
    // runTests rejects when VS Code exits with a non-zero code (a failed test).
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [
        workspace,
        '--user-data-dir', userData,
        '--extensions-dir', join(userData, 'extensions'),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-updates',
      ],
    });
    return 0;
  } catch (error) {
    console.error(`integration tests failed in VS Code: ${reason(error)}`);
    return 1;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(userData, { recursive: true, force: true });
  }
}

function reason(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].trim() || 'unknown error';
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the VS Code download server within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

main().then(
  code => process.exit(code),
  error => {
    console.error(error?.stack ?? String(error));
    process.exit(1);
  },
);
