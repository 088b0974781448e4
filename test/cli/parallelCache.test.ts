// The CLI over many files: worker threads give the same output, in the same order, as
// linting in one thread; --cache skips unchanged files (proved by a doctored cache entry
// showing up) and re-lints when the content, the settings or reglint's version change.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateModelFile } from '../../bench/generateModelFile';
import { lintInWorkers, lintOneFile } from '../../server/src/cli/lintPool';
import { CLI_BIN, makeProject, type CliResult } from './runCli';

function reglint(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI_BIN, ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI: parallel linting and --cache', function () {
  this.timeout(180_000);
  const files: Record<string, string> = {};
  for (let i = 0; i < 90; i++) files[`src/m${String(i).padStart(3, '0')}.ts`] = generateModelFile(500 + i);
  files['src/broken.ts'] = "import * as tf from '@tensorflow/tfjs';\n" + '('.repeat(200_000);
  files['src/plain.js'] = 'module.exports = 1;\n';
  let root: string;

  before(() => {
    root = makeProject(files);
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('worker threads give byte-identical output to one thread, in path order', () => {
    const one = reglint(['--format', 'json', 'src'], root, { REGLINT_JOBS: '1' });
    const many = reglint(['--format', 'json', 'src'], root, { REGLINT_JOBS: '3' });
    assert.equal(many.stderr, one.stderr);
    assert.equal(many.status, one.status);
    assert.equal(many.stdout, one.stdout);
    const paths = (JSON.parse(many.stdout) as { filePath: string }[]).map(r => r.filePath);
    assert.equal(paths.length, 92);
    assert.deepEqual(paths, [...paths].sort());
    assert.ok((JSON.parse(many.stdout) as { messages: unknown[] }[]).some(r => r.messages.length > 0));
  });

  it('lintInWorkers returns every file in input order, equal to linting in this thread', async () => {
    const paths = Object.keys(files).map(f => path.join(root, f)).reverse();
    const inWorkers = await lintInWorkers(paths, {}, { jobs: 3, keepGraphs: true });
    assert.deepEqual(inWorkers.map(r => r.filePath), paths);
    for (let i = 0; i < paths.length; i += 15) assert.deepEqual(inWorkers[i], lintOneFile(paths[i]!, {}, true));
    const missing = await lintInWorkers([path.join(root, 'nope.ts'), ...paths.slice(0, 60)], {}, { jobs: 2, keepGraphs: false });
    assert.equal(missing[0]!.ok, false, 'an unreadable file is a failure, not a crash');
    assert.ok(missing.slice(1).every(r => r.ok && !('unchanged' in r) && r.graph === undefined));
  });

  it('a worker that dies costs only the files it held: they fail, the rest is linted', async () => {
    // A worker script that answers two jobs, then exits as a crashing runtime would.
    const crashing = path.join(root, 'crashingWorker.js');
    fs.writeFileSync(crashing, `
      const { parentPort } = require('node:worker_threads');
      const { lintOneFile } = require(${JSON.stringify(require.resolve('../../server/src/cli/lintPool'))});
      let jobs = 0;
      parentPort.on('message', (job) => {
        if (++jobs === 3) process.exit(7);
        parentPort.postMessage({ id: job.id, result: lintOneFile(job.filePath, job.options, job.keepGraph) });
      });
    `);
    const paths = Object.keys(files).filter(f => f.endsWith('.ts') && !f.includes('broken')).map(f => path.join(root, f));
    const results = await lintInWorkers(paths, {}, { jobs: 2, keepGraphs: false, workerScript: crashing });
    assert.deepEqual(results.map(r => r.filePath), paths, 'every file has a result, in input order');
    const failed = results.filter(r => !r.ok);
    assert.ok(failed.length >= 1, 'the files the worker held when it died are failures');
    for (const f of failed) assert.match(f.ok ? '' : f.error.message, /lint worker exited with code 7/);
    assert.ok(failed.length <= 4 * 4, `${failed.length} failures: at most a queue per crash (4 crashes)`);
    for (const [i, r] of results.entries()) if (r.ok) assert.deepEqual(r, lintOneFile(paths[i]!, {}, false));
  });

  it('--cache reuses unchanged files and re-lints changed content and settings', () => {
    const cacheFile = path.join(root, 'cache', 'reglint.json');
    const args = ['--format', 'json', '--cache', '--cache-location', cacheFile, 'src'];
    const first = reglint(args, root);
    assert.ok(fs.existsSync(cacheFile), first.stderr);
    const uncached = reglint(['--format', 'json', 'src'], root);
    assert.equal(first.stdout, uncached.stdout);

    // Doctor one cached finding: if the next run shows it, that file was not analysed again.
    const target = path.join(root, 'src/m000.ts');
    const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, { messages: { message: string }[] }> };
    assert.ok(cache.files[target]!.messages.length > 0);
    cache.files[target]!.messages[0]!.message = 'FROM THE CACHE';
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    assert.match(reglint(args, root).stdout, /FROM THE CACHE/);

    // Other settings: not a hit.
    const otherRules = reglint([...args, '--rule', 'dropout-rate-high=off'], root);
    assert.doesNotMatch(otherRules.stdout, /FROM THE CACHE/);

    // Changed content: not a hit (and the new content's findings are reported).
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    fs.appendFileSync(target, '\n// touched\n');
    const changed = reglint(args, root);
    assert.doesNotMatch(changed.stdout, /FROM THE CACHE/);
    assert.equal(changed.stdout, reglint(['--format', 'json', 'src'], root).stdout);

    // A cache written by another reglint version is ignored.
    const foreign = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { reglint: string; files: Record<string, { messages: { message: string }[] }> };
    foreign.reglint = '0.0.0-other';
    foreign.files[target]!.messages[0]!.message = 'FROM THE CACHE';
    fs.writeFileSync(cacheFile, JSON.stringify(foreign));
    assert.doesNotMatch(reglint(args, root).stdout, /FROM THE CACHE/);

    // A corrupt cache is not an error.
    fs.writeFileSync(cacheFile, '{not json');
    const corrupt = reglint(args, root);
    assert.equal(corrupt.stdout, changed.stdout);
  });
});
