// The runner end to end, through real worker threads: results, progress, determinism,
// cancellation, and every way a worker can fail ending as a report, never a throw.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { labelLayers, layer, type ModelSpec } from './modelSpec';
import { runSanityTrain, type TrainProgress } from './runner';

function small(): ModelSpec {
  return {
    name: 'small', style: 'sequential-add', inputShape: [16], inputDtype: 'float32',
    layers: labelLayers([layer('dense', { units: 32, activation: 'relu' }), layer('dense', { units: 3, activation: 'softmax' })]),
  };
}

describe('runSanityTrain (worker threads)', function () {
  this.timeout(60000);

  it('on synthetic data: runs what does not depend on the data, says the rest needs data, reports progress', async () => {
    const progress: TrainProgress[] = [];
    const r = await runSanityTrain({ spec: small(), seed: 1, budgetSeconds: 30 }, { onProgress: (p) => progress.push(p) });
    assert.strictEqual(r.built, 'static', r.reason);
    assert.deepStrictEqual(r.checks.map((c) => c.id), ['fit-one-batch', 'generalization-gap', 'underfitting', 'memorization', 'what-if', 'divergence', 'dead-relu']);
    const byId = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    for (const id of ['generalization-gap', 'underfitting', 'what-if']) {
      assert.strictEqual(byId[id].verdict, 'skipped', id);
      assert.match(byId[id].message, /needs your data/, id);
    }
    for (const id of ['fit-one-batch', 'memorization', 'divergence', 'dead-relu']) assert.notStrictEqual(byId[id].verdict, 'skipped', `${id}: ${byId[id].message}`);
    assert.strictEqual(r.seeds, 1);
    assert.strictEqual(r.curves?.baseline[0].val.length, 12, 'a fixed 12-epoch run on synthetic data');
    assert.ok(progress.some((p) => p.job === 'baseline' && p.epoch > 0 && p.budgetMs === 30000));
    assert.deepStrictEqual(r.whatIfChanges.map((c) => c.description), ['dropout(0.5) after dense_1']);
    assert.ok(['wasm', 'cpu'].includes(r.backend!));
  });

  it('on the user\'s data: three seeds on their own splits, remedies ranked, curves per seed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-runner-data-'));
    try {
      const file = path.join(dir, 'rows.csv');
      const lines = ['x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,x11,x12,x13,x14,x15,x16,y'];
      for (let i = 0; i < 120; i++) {
        const x = Array.from({ length: 16 }, (_, j) => Math.sin(i * 1.3 + j * 0.7));
        lines.push([...x.map((v) => v.toFixed(4)), String((i * 7) % 3)].join(','));
      }
      fs.writeFileSync(file, lines.join('\n'));
      const r = await runSanityTrain({ spec: small(), seed: 1, budgetSeconds: 60, data: { file } });
      assert.strictEqual(r.built, 'static', r.reason);
      assert.strictEqual(r.seeds, 3);
      assert.strictEqual(r.curves?.baseline.length, 3);
      assert.deepStrictEqual(r.curves!.baseline.map((c) => c.seedIndex), [0, 1, 2]);
      const gap = r.checks.find((c) => c.id === 'generalization-gap')!;
      assert.ok(['overfits', 'fits', 'underfits', 'inconclusive'].includes(gap.outcome!), gap.message);
      const w = r.checks.find((c) => c.id === 'what-if')!;
      assert.deepStrictEqual(w.remedies!.map((e) => e.id).sort(), ['dropout-0.2', 'dropout-0.5', 'l2-0.0001', 'l2-0.01']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the calling thread responsive while training', async () => {
    let maxLag = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      maxLag = Math.max(maxLag, now - last - 10);
      last = now;
    }, 10);
    try {
      await runSanityTrain({ spec: small(), budgetSeconds: 30, jobs: ['baseline', 'what-if'] });
    } finally {
      clearInterval(timer);
    }
    // Worker start-up (loading the worker script) is the only main-thread work.
    assert.ok(maxLag < 250, `event loop blocked for ${maxLag} ms`);
  });

  it('is deterministic under a seed, and the seed matters', async () => {
    const jobs = ['baseline' as const];
    const a = await runSanityTrain({ spec: small(), seed: 7, jobs, budgetSeconds: 30 });
    const b = await runSanityTrain({ spec: small(), seed: 7, jobs, budgetSeconds: 30 });
    const c = await runSanityTrain({ spec: small(), seed: 8, jobs, budgetSeconds: 30 });
    const curves = (r: typeof a) => r.curves?.baseline[0];
    assert.ok(curves(a)?.val.length === 12);
    assert.deepStrictEqual(curves(a), curves(b));
    assert.notDeepStrictEqual(curves(a), curves(c));
  });

  it('can be cancelled, and says so', async () => {
    const ctl = new AbortController();
    const started = Date.now();
    const r = await runSanityTrain({ spec: small(), budgetSeconds: 30 }, {
      signal: ctl.signal,
      onProgress: () => ctl.abort(),
    });
    assert.ok(Date.now() - started < 15000);
    assert.strictEqual(r.cancelled ?? r.reason === 'cancelled', true);
  });

  for (const chaos of ['throw', 'exit'] as const) {
    it(`a worker that ${chaos === 'throw' ? 'throws' : 'exits'} gives a failed report, not an exception`, async () => {
      const r = await runSanityTrain({ spec: small(), chaos });
      assert.strictEqual(r.built, 'failed');
      assert.match(r.reason!, chaos === 'throw' ? /chaos: thrown on purpose/ : /exited with code 3/);
    });
  }

  it('a hanging worker is terminated at the hard limit', async () => {
    const started = Date.now();
    const r = await runSanityTrain({ spec: small(), chaos: 'hang', budgetSeconds: 0.5, graceSeconds: 0.5 });
    assert.strictEqual(r.built, 'failed');
    assert.match(r.reason!, /hard time limit/);
    assert.ok(Date.now() - started < 5000);
  });

  it('a worker that runs out of memory gives a failed report', async () => {
    const r = await runSanityTrain({ spec: small(), chaos: 'oom', memoryLimitMb: 48, parallel: false });
    assert.strictEqual(r.built, 'failed');
    assert.match(r.reason!, /out of memory|exited with code/);
  });

  it('a missing worker script gives a failed report', async () => {
    const r = await runSanityTrain({ spec: small(), workerPath: '/nonexistent/worker.js' });
    assert.strictEqual(r.built, 'failed');
  });

  describe('builder mode', () => {
    let dir: string;
    let marker: string;
    let file: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-builder-'));
      marker = path.join(dir, 'executed.marker');
      file = path.join(dir, 'model.ts');
      fs.writeFileSync(file, [
        `import * as tf from '@tensorflow/tfjs';`,
        `import * as fs from 'fs';`,
        `fs.writeFileSync(${JSON.stringify(marker)}, 'ran');`,
        `const width: number = Number('24');`,
        `export function buildModel() {`,
        `  const m = tf.sequential();`,
        `  m.add(tf.layers.dense({units: width, activation: 'relu', inputShape: [8]}));`,
        `  m.add(tf.layers.dense({units: 1}));`,
        `  m.compile({optimizer: tf.train.adam(0.01), loss: 'meanSquaredError'});`,
        `  return m;`,
        `}`,
      ].join('\n'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('never evaluates the file in an untrusted workspace', async () => {
      const text = fs.readFileSync(file, 'utf8');
      for (const trusted of [false, undefined, 'true' as unknown as boolean, 1 as unknown as boolean]) {
        const r = await runSanityTrain({ builder: { fileName: file, text }, trusted, budgetSeconds: 5 });
        assert.strictEqual(r.built, 'failed');
        assert.match(r.reason!, /trusted workspace/);
      }
      assert.ok(!fs.existsSync(marker), 'the file was executed');
    });

    it('runs the builder with the embedded tfjs when trusted', async () => {
      const text = fs.readFileSync(file, 'utf8');
      const r = await runSanityTrain({ builder: { fileName: file, text, modelName: 'buildModel' }, trusted: true, budgetSeconds: 30, jobs: ['fit-one-batch', 'baseline', 'user-optimizer'] });
      assert.strictEqual(r.built, 'builder', r.reason);
      assert.ok(fs.existsSync(marker));
      assert.strictEqual(r.checks.find((c) => c.id === 'dead-relu')!.verdict, 'pass');
      assert.match(r.checks.find((c) => c.id === 'divergence')!.message, /adam\(0\.01\)/);
    });
  });
});
