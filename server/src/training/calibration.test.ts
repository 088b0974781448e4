// Calibration: on models built so the answer is known, the verdicts are right and the
// same for 5 seeds. Real training, through the runner's workers. Set
// REGLINT_CALIBRATION_OUT=<file> to write the measured numbers as a markdown table.
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

  it('a wide MLP on a small noisy set overfits, and dropout shrinks its gap', async () => {
    for (const seed of SEEDS) {
      const c = await checksFor(CALIBRATION.wideMlp(), seed, ['baseline', 'what-if']);
      const g = c['generalization-gap'], w = c['what-if'];
      rows.push(`| wideMlp | ${seed} | generalization-gap | ${g.verdict} | val/train ${n(g.metrics.ratio, 1)}, GL ${n(g.metrics.gl, 0)}, val turned up at ${g.metrics.valTurnedUpAtEpoch} |`);
      rows.push(`| wideMlp | ${seed} | what-if | ${w.verdict} | gap shrink ${n(100 * (w.metrics.gapShrink as number), 0)}%, val loss ${n(100 * (w.metrics.valLossChange as number), 0)}%, what-if val/train ${n(w.metrics.whatIfRatio, 1)} |`);
      assert.strictEqual(g.verdict, 'warn', g.message);
      assert.strictEqual(w.verdict, 'pass', w.message);
      assert.ok((w.metrics.gapShrink as number) >= 0.3, w.message);
      assert.ok((w.metrics.whatIfRatio as number) < 12, w.message);
    }
  });

  it('a small regularized model is not reported', async () => {
    for (const seed of SEEDS) {
      const c = await checksFor(CALIBRATION.smallRegularized(), seed, ['fit-one-batch', 'baseline', 'random-labels']);
      rows.push(`| smallRegularized | ${seed} | generalization-gap | ${c['generalization-gap'].verdict} | val/train ${n(c['generalization-gap'].metrics.ratio)} |`);
      rows.push(`| smallRegularized | ${seed} | memorization | ${c.memorization.verdict} | random-label train loss ${n(100 * (c.memorization.metrics.randomFit as number), 0)}% of chance |`);
      for (const id of ['fit-one-batch', 'generalization-gap', 'memorization', 'divergence']) {
        assert.strictEqual(c[id].verdict, 'pass', `${id}: ${c[id].message}`);
      }
      assert.strictEqual(c['what-if'].verdict, 'skipped');
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
