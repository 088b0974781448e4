// Entry point of the integration suite inside the VS Code extension host (the
// `extensionTestsPath`): runs every `*.itest.js` beside this file with mocha and
// resolves or rejects the way both runners expect (test-electron's runTests and the
// code-server smoke-test driver, which reports the outcome through codeAutomationExit).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha = require('mocha');

import { log } from './helpers';

export async function run(): Promise<void> {
  // Mocha's reporters print through Base.consoleLog; route it through log() so each line
  // carries the marker. (console.log itself cannot be replaced in the extension host: its
  // console forwarder ignores assignments.)
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => log(format(...args));
  try {
    const failures = await runMocha();
    if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  } catch (error) {
    // A rejected run() loses its text on the way out of the extension host: print it
    // here and give the console a moment to be forwarded.
    log(`integration suite failed: ${(error as Error)?.stack ?? String(error)}`);
    await new Promise(resolve => setTimeout(resolve, 500));
    throw error;
  }
}

function runMocha(): Promise<number> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.REGLINT_ITEST_TIMEOUT ?? 60_000),
    grep: process.env.REGLINT_ITEST_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter(file => file.endsWith('.itest.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const stats = runner.stats;
        // The plain closing line CI reads, alongside mocha's own summary.
        log(`integration: ${stats?.passes ?? 0} passed, ${stats?.failures ?? failures} failed`);
        setTimeout(() => resolve(failures), 200);
      });
    } catch (error) {
      reject(error);
    }
  });
}
