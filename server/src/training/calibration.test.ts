// Calibration of the data-independent checks: on models built so the answer is known, the
// verdicts are right and the same for 5 seeds, on synthetic data. Real training, through
// the runner's workers. (The overfitting verdict needs the user's data: its outcomes are
// tested in outcomes.test.ts and measured against converged training by bench:verdicts.)
// Set REGLINT_CALIBRATION_OUT=<file> to write the measured numbers as a markdown table.
import * as assert from 'assert';
import * as fs from 'fs';
import type { CheckResult, JobName } from './checks/types';
import type { ModelSpec } from './modelSpec';
import { CALIBRATION } from './referenceModels';
import { runSanityTrain } from './runner';

const SEEDS = [1, 2, 3, 4, 5];
const rows: string[] = [];

async function checksFor(spec: ModelSpec, seed: number, jobs: JobName[]): Promise<Record<string, CheckResult>> {
  // A generous budget: under load the cap must not decide the verdict.
  const r = await runSanityTrain({ spec, seed, jobs, budgetSeconds: 120 });
  assert.notStrictEqual(r.built, 'failed', r.reason);
  return Object.fromEntries(r.checks.map((c) => [c.id, c]));
}

const n = (v: unknown, d = 2) => (typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(d)) : String(v));

describe('calibration (5 seeds)', function () {
  this.timeout(300000);
  after(() => {
    const out = process.env.REGLINT_CALIBRATION_OUT;
    if (out) fs.writeFileSync(out, ['| model | seed | check | verdict | numbers |', '|---|---|---|---|---|', ...rows].join('\n') + '\n');
  });

  it('a wide MLP on synthetic data gets no overfitting verdict: that needs the user\'s data', async () => {
    for (const seed of SEEDS) {
      const c = await checksFor(CALIBRATION.wideMlp(), seed, ['baseline', 'what-if']);
      const g = c['generalization-gap'], w = c['what-if'];
      rows.push(`| wideMlp | ${seed} | generalization-gap | ${g.verdict} | ${g.message.slice(0, 40)}… |`);
      assert.strictEqual(g.verdict, 'skipped', g.message);
      assert.strictEqual(g.outcome, undefined);
      assert.match(g.message, /^needs your data/);
      assert.strictEqual(w.verdict, 'skipped', w.message);
      assert.match(w.message, /needs your data/);
    }
  });

  it('a small regularized model is not reported, and nothing is left for the what-if', async () => {
    for (const seed of SEEDS) {
      const c = await checksFor(CALIBRATION.smallRegularized(), seed, ['fit-one-batch', 'baseline', 'random-labels']);
      rows.push(`| smallRegularized | ${seed} | memorization | ${c.memorization.verdict} | random-label train loss ${n(100 * (c.memorization.metrics.randomFit as number), 0)}% of chance |`);
      for (const id of ['fit-one-batch', 'memorization', 'divergence', 'dead-relu']) {
        assert.strictEqual(c[id].verdict, 'pass', `${id}: ${c[id].message}`);
      }
      assert.strictEqual(c['what-if'].verdict, 'skipped');
      assert.match(c['what-if'].message, /nothing to try/);
    }
  });

  for (const name of ['reluOutput', 'softmaxOneUnit'] as const) {
    it(`a broken output/loss pairing (${name}) fails fit-one-batch`, async () => {
      for (const seed of SEEDS) {
        const c = await checksFor(CALIBRATION[name](), seed, ['fit-one-batch']);
        const f = c['fit-one-batch'];
        rows.push(`| ${name} | ${seed} | fit-one-batch | ${f.verdict} | ${f.metrics.steps} steps, loss ${n(f.metrics.initialLoss)} → ${n(f.metrics.finalLoss)}, accuracy ${n(f.metrics.finalScore)} |`);
        assert.strictEqual(f.verdict, 'fail', f.message);
      }
    });
  }

  it('ReLU units killed by a large negative bias are reported as dead', async () => {
    for (const seed of SEEDS) {
      const c = await checksFor(CALIBRATION.deadRelu(), seed, ['baseline']);
      const d = c['dead-relu'];
      rows.push(`| deadRelu | ${seed} | dead-relu | ${d.verdict} | ${d.message} |`);
      assert.strictEqual(d.verdict, 'warn', d.message);
      assert.strictEqual(c['dead-relu'].verdict, 'warn');
    }
    const healthy = await checksFor(CALIBRATION.smallRegularized(), 1, ['baseline']);
    assert.strictEqual(healthy['dead-relu'].verdict, 'pass', healthy['dead-relu'].message);
  });

  for (const name of ['hugeLrClassifier', 'hugeLrRegression'] as const) {
    it(`a huge learning rate (${name}) is reported as diverging`, async () => {
      for (const seed of SEEDS) {
        const c = await checksFor(CALIBRATION[name](), seed, ['user-optimizer']);
        const d = c.divergence;
        rows.push(`| ${name} | ${seed} | divergence | ${d.verdict} | ${d.message.replace(/\|/g, '/')} |`);
        assert.strictEqual(d.verdict, 'fail', d.message);
      }
    });
  }
});
