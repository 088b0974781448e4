#!/usr/bin/env node
// The real-editor tests, one after the other (`npm run test:editors` compiles and builds
// first, then runs this):
//   integration  the vscode-API mocha suite inside code-server   test/integration/runCodeServer.mjs
//   e2e          a person's path in the workbench, from the .vsix  test/e2e/*.e2e.mjs
//   neovim       Neovim headless as a second LSP client          test/neovim/*.nvim.mjs
// Every stage runs even if an earlier one failed; the exit code is 1 if any failed.
// Installs what is missing first (scripts/editors/setup.sh: a no-op when all is cached).
//
//   node scripts/editors/run-tests.mjs [integration] [e2e] [neovim]   (default: all three)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, distIsBuilt } from './paths.mjs';
import { installExitHandlers, startProcess, stopProcess } from './processes.mjs';

installExitHandlers({ fatalErrors: true });

const mocha = join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const files = (dir, suffix) =>
  readdirSync(join(REPO_ROOT, dir))
    .filter(name => name.endsWith(suffix))
    .sort()
    .map(name => relative(REPO_ROOT, join(REPO_ROOT, dir, name)));

const STAGES = {
  integration: () => [process.execPath, [join(REPO_ROOT, 'test', 'integration', 'runCodeServer.mjs')]],
  e2e: () => [process.execPath, [mocha, '--no-config', '--reporter', 'spec', '--timeout', '120000', ...files('test/e2e', '.e2e.mjs')]],
  neovim: () => [process.execPath, [mocha, '--no-config', '--reporter', 'spec', '--timeout', '70000', ...files('test/neovim', '.nvim.mjs')]],
};
/** Upper bounds per stage; a stage past its bound is stopped (by PID) and counted as failed. */
const STAGE_TIMEOUT_MS = { integration: 12 * 60_000, e2e: 10 * 60_000, neovim: 5 * 60_000 };

async function main() {
  const requested = process.argv.slice(2).filter(arg => !arg.startsWith('-'));
  const unknown = requested.filter(name => !(name in STAGES));
  if (unknown.length > 0) {
    console.error(`unknown stage(s): ${unknown.join(', ')} (stages: ${Object.keys(STAGES).join(', ')})`);
    return 2;
  }
  const stages = requested.length > 0 ? requested : Object.keys(STAGES);
  if (!distIsBuilt()) {
    console.error('dist/ is not built: run `npm run build` (npm run test:editors does).');
    return 2;
  }

  const setupStarted = Date.now();
  const setup = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'editors', 'setup.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) {
    console.error('scripts/editors/setup.sh failed: the editors are not installed.');
    return 1;
  }
  const timings = [`setup ${seconds(Date.now() - setupStarted)}`];

  const failed = [];
  const totals = { passed: 0, failed: 0 };
  for (const stage of stages) {
    const [command, args] = STAGES[stage]();
    console.log(`\n=== ${stage}: ${[relative(REPO_ROOT, args[0]) || args[0], ...args.slice(1).filter(a => !a.startsWith('--') && !/^\d+$/.test(a) && a !== 'spec')].join(' ')}`);
    const started = Date.now();
    const { code, counts } = await run(stage, command, args, STAGE_TIMEOUT_MS[stage]);
    // A stage that failed without reporting a failed test (crash, timeout) counts as one.
    const stageFailed = code !== 0 ? Math.max(counts.failed, 1) : counts.failed;
    totals.passed += counts.passed;
    totals.failed += stageFailed;
    timings.push(`${stage} ${seconds(Date.now() - started)} (${counts.passed} passed, ${stageFailed} failed)`);
    if (code !== 0) failed.push(stage);
  }
  console.log(`\neditor tests: ${timings.join('; ')}`);
  if (failed.length > 0) console.log(`failed stages: ${failed.join(', ')}`);
  // The plain closing line CI reads.
  console.log(`editors: ${totals.passed} passed, ${totals.failed} failed`);
  return failed.length === 0 ? 0 : 1;
}

/** Runs a stage, echoing its output and reading its test counts from it. */
async function run(stage, command, args, timeoutMs) {
  const child = startProcess(stage, command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = /** @type {number} */ (child.pid);
  const counts = { passed: 0, failed: 0 };
  let pending = '';
  const scan = line => {
    if (stage === 'integration') {
      // The suite's own closing line (its mocha summary is printed too: count only this).
      const m = /^integration: (\d+) passed, (\d+) failed$/.exec(line.trim());
      if (m) {
        counts.passed += Number(m[1]);
        counts.failed += Number(m[2]);
      }
      return;
    }
    // mocha: "  12 passing (3s)" / "  1 failing"
    let m = /^\s*(\d+) passing\b/.exec(line);
    if (m) counts.passed += Number(m[1]);
    m = /^\s*(\d+) failing\b/.exec(line);
    if (m) counts.failed += Number(m[1]);
  };
  child.stdout?.on('data', chunk => {
    process.stdout.write(chunk);
    const lines = (pending + String(chunk)).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(scan);
  });
  child.stderr?.on('data', chunk => process.stderr.write(chunk));
  const code = await new Promise(resolve => {
    const timer = setTimeout(() => {
      console.error(`[${stage}] timed out after ${timeoutMs / 1000} s: stopping it`);
      resolve('timeout');
    }, timeoutMs);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve(exitCode ?? (signal ? 1 : 0));
    });
  });
  // Also reaps anything the stage left in its process group.
  await stopProcess(pid, 5000);
  if (pending) scan(pending);
  return { code: code === 'timeout' ? 1 : code, counts };
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

main().then(
  code => process.exit(code),
  error => {
    console.error(error?.stack ?? String(error));
    process.exit(1);
  },
);
