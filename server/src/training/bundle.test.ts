// The shipped layout: the runner bundled (as in dist/cli.js and dist/server.js) next to
// dist/trainWorker.js and the .wasm files, nothing else. Built with esbuild like
// scripts/build.mjs, into a temporary directory.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import type * as Runner from './runner';
import { REFERENCE } from './referenceModels';

const ROOT = path.resolve(__dirname, '../../../..');

describe('training from an esbuild bundle', function () {
  this.timeout(120000);
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-bundle-'));
    const common: esbuild.BuildOptions = {
      absWorkingDir: ROOT, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'error',
      define: { 'import.meta.url': '__reglintImportMetaUrl' },
      banner: { js: 'var __reglintImportMetaUrl=require("url").pathToFileURL(__filename).href;' },
    };
    await esbuild.build({ ...common, entryPoints: { trainWorker: 'server/src/training/worker.ts', runner: 'server/src/training/runner.ts' }, outdir: dir });
    const wasmDir = path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
    for (const f of fs.readdirSync(wasmDir)) if (f.endsWith('.wasm')) fs.copyFileSync(path.join(wasmDir, f), path.join(dir, f));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds trainWorker.js and the .wasm files beside itself and trains on WASM', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const runner = require(path.join(dir, 'runner.js')) as typeof Runner;
    const r = await runner.runSanityTrain({ spec: REFERENCE.mlp(), seed: 1, budgetSeconds: 30, jobs: ['fit-one-batch', 'baseline'] });
    assert.strictEqual(r.built, 'static', r.reason);
    assert.strictEqual(r.backend, 'wasm', r.backendNote);
    assert.strictEqual(r.checks.find((c) => c.id === 'fit-one-batch')!.verdict, 'pass');
  });

  it('falls back to the CPU backend, and says so, when the .wasm files are missing', async () => {
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.wasm')) fs.rmSync(path.join(dir, f));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const runner = require(path.join(dir, 'runner.js')) as typeof Runner;
    const r = await runner.runSanityTrain({ spec: REFERENCE.mlp(), seed: 1, budgetSeconds: 30, jobs: ['fit-one-batch'] });
    assert.strictEqual(r.built, 'static', r.reason);
    assert.strictEqual(r.backend, 'cpu');
    assert.match(r.backendNote!, /WASM backend unavailable: cannot find tfjs-backend-wasm\.wasm/);
    assert.strictEqual(r.checks.find((c) => c.id === 'fit-one-batch')!.verdict, 'pass');
  });
});
