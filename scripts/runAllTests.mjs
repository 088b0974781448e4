#!/usr/bin/env node
// `npm test` after compile and build: the mocha suites (unit, LSP over stdio, CLI, fuzz,
// training), then the real-editor stages (code-server, Chromium, Neovim). Prints one
// closing line that counts both: `tests: N passed, N failed, N skipped`.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command with inherited output while scanning its lines for counts. */
function run(command, args, scan) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(scan);
    });
    child.on('close', (code, signal) => {
      if (pending) scan(pending);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const strip = (line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim();

const mochaCode = await run(process.execPath, [join(root, 'node_modules/mocha/bin/mocha.js')], (raw) => {
  const line = strip(raw);
  let m;
  if ((m = /^(\d+) passing\b/.exec(line))) totals.passed += Number(m[1]);
  else if ((m = /^(\d+) failing$/.exec(line))) totals.failed += Number(m[1]);
  else if ((m = /^(\d+) pending$/.exec(line))) totals.skipped += Number(m[1]);
});

const editorsCode = process.env.REGLINT_SKIP_EDITORS === '1'
  ? (console.log('editors: skipped (REGLINT_SKIP_EDITORS=1)'), 0)
  : await run(process.execPath, [join(root, 'scripts/editors/run-tests.mjs')], (raw) => {
    const m = /^editors: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(strip(raw));
    if (m) {
      totals.passed += Number(m[1]);
      totals.failed += Number(m[2]);
      totals.skipped += Number(m[3] ?? 0);
    }
  });

// A stage that died before printing its counts still fails the run.
if (mochaCode !== 0 && totals.failed === 0) totals.failed = 1;
if (editorsCode !== 0 && totals.failed === 0) totals.failed = 1;
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(mochaCode !== 0 || editorsCode !== 0 ? 1 : 0);
