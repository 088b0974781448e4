#!/usr/bin/env node
// Runs the integration suite (test/integration/suite, compiled to out/) inside a real
// VS Code: code-server 4.139 (VS Code 1.139) on Node 24, with this repository loaded as
// the extension under development. Chromium (playwright-core) opens the workbench with
// the smoke-test driver's payload (extensionDevelopmentPath / extensionTestsPath); the
// suite's output arrives on the page console, its exit code through codeAutomationExit.
//
//   node test/integration/runCodeServer.mjs        (after `npm run compile && npm run build`)
//   REGLINT_ITEST_GREP=settings node test/integration/runCodeServer.mjs
//
// Exit code: the suite's (0 all passed), 1 on failure, timeout or a broken setup.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from '../../scripts/editors/browser.mjs';
import { createProfile, removeProfile, startCodeServer } from '../../scripts/editors/codeServer.mjs';
import { ARTIFACTS, REPO_ROOT, assertEditorsInstalled, distIsBuilt } from '../../scripts/editors/paths.mjs';
import { installExitHandlers, removeOnExit, stopAll } from '../../scripts/editors/processes.mjs';

const TIMEOUT_MS = Number(process.env.REGLINT_ITEST_TOTAL_TIMEOUT ?? 10 * 60_000);
const SUITE = join(REPO_ROOT, 'out', 'test', 'integration', 'suite', 'index.js');
/** Printed by test/integration/suite/index.ts before each of its lines. */
const MARKER = '[itest] ';
const WORKSPACE_SOURCE = join(REPO_ROOT, 'test', 'integration', 'workspace');

installExitHandlers({ fatalErrors: true });

async function main() {
  assertEditorsInstalled();
  if (!distIsBuilt()) throw new Error('dist/extension.js or dist/server.js is missing: run `npm run build` first.');
  if (!existsSync(SUITE)) throw new Error(`${SUITE} is missing: run \`npm run compile\` first.`);

  const started = Date.now();
  // The tests edit (and may save) their files: give them a copy.
  const workspace = removeOnExit(mkdtempSync(join(tmpdir(), 'reglint-itest-ws-')));
  cpSync(WORKSPACE_SOURCE, workspace, { recursive: true });
  const profile = createProfile({ prefix: 'reglint-itest-' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const consoleLog = [];
  /** The suite's closing line, once seen. */
  let summary;

  let server;
  let browser;
  try {
    server = await startCodeServer({ profile, folder: workspace });
    console.log(`[itest] code-server ${server.url} (pid ${server.pid}) ready after ${Date.now() - started} ms`);
    browser = await launchBrowser();
    const { page } = browser;

    let reportExit;
    const exitCode = new Promise(resolve => (reportExit = resolve));
    await page.exposeFunction('codeAutomationExit', code => {
      reportExit(Number(code));
    });
    // Console messages carry their arguments separately ('%c INFO', css, format, ...args);
    // handle them in order.
    let consoleChain = Promise.resolve();
    page.on('console', message => {
      consoleChain = consoleChain.then(async () => {
        const text = await consoleText(message);
        consoleLog.push(`[${message.type()}] ${text}`);
        // The suite's own lines are what a person wants to read; the workbench's chatter
        // (and its expected errors: no network, no gallery) goes to the log file only.
        const at = text.indexOf(MARKER);
        if (at >= 0) {
          const line = text.slice(at + MARKER.length);
          console.log(line);
          const m = /^integration: (\d+) passed, (\d+) failed$/.exec(line.trim());
          if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
        }
      });
    });
    page.on('pageerror', error => consoleLog.push(`[pageerror] ${error.stack ?? error.message}`));

    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${REPO_ROOT}`],
      ['extensionTestsPath', `vscode-remote://${authority}${SUITE}`],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

    let timer;
    const timeout = new Promise(resolve => {
      timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
    });
    const outcome = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      await page.screenshot({ path: join(ARTIFACTS, 'integration-timeout.png') }).catch(() => {});
      throw new Error(`the integration suite did not finish within ${TIMEOUT_MS / 1000} s`);
    }
    await consoleChain;
    console.log(`[itest] suite exited with ${outcome} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // An extension host that dies (or is killed) can also end the run with 0: only a
    // finished suite with passes and no failures counts as a pass.
    if (outcome === 0 && !(summary && summary.passed > 0 && summary.failed === 0)) {
      console.error(`[itest] exit code 0 but the suite did not report success (${summary ? JSON.stringify(summary) : 'no summary line'}): the extension host may have died`);
      return 1;
    }
    return /** @type {number} */ (outcome);
  } finally {
    writeFileSync(join(ARTIFACTS, 'integration-console.log'), consoleLog.join('\n') + '\n');
    if (server) writeFileSync(join(ARTIFACTS, 'integration-code-server.log'), server.output);
    await browser?.close();
    await server?.stop();
    removeProfile(profile);
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** The workbench logs the extension host's console.log as ('%c INFO', css, format, ...args). */
async function consoleText(message) {
  const args = await Promise.all(message.args().map(arg => arg.jsonValue().catch(() => undefined)));
  if (args.length >= 3 && typeof args[0] === 'string' && args[0].startsWith('%c') && typeof args[2] === 'string') {
    return `${args[0].slice(2).trim()} ${format(...args.slice(2))}`;
  }
  return message.text();
}

main().then(
  code => {
    process.exitCode = code;
  },
  async error => {
    console.error(`[itest] ${error?.stack ?? error}`);
    console.log('integration: 0 passed, 1 failed');
    await stopAll();
    process.exitCode = 1;
  },
);
