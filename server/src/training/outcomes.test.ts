// The overfitting verdict's four outcomes, and the ranking of remedies, on generated data
// whose answer is known (bench/calibration/datasets.ts), through the real runner and its
// workers, as `reglint train --data` runs them. Seeded; a generous budget so that load on
// the machine cannot decide a verdict (the budget's own behaviour has its own test).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GENERATED_TABLES, toCsv, type Table } from '../../../bench/calibration/datasets';
import type { CheckResult } from './checks/types';
import { labelLayers, layer, type ModelSpec } from './modelSpec';
import { runSanityTrain, type TrainReport } from './runner';

function mlp(name: string, inputs: number, hidden: number[], out: 'linear' | 'sigmoid', learningRate = 0.001): ModelSpec {
  return {
    name, style: 'sequential-add', inputShape: [inputs], inputDtype: 'float32',
    layers: labelLayers([
      ...hidden.map((units) => layer('dense', { units, activation: 'relu' })),
      layer('dense', out === 'sigmoid' ? { units: 1, activation: 'sigmoid' } : { units: 1 }),
    ]),
    compile: { optimizer: 'adam', learningRate, loss: out === 'sigmoid' ? 'binaryCrossentropy' : 'meanSquaredError' },
  };
}

describe('overfitting verdicts on data with a known answer', function () {
  this.timeout(300_000);
  let dir: string;
  const file = (t: Table) => {
    const f = path.join(dir, `${t.name}.csv`);
    fs.writeFileSync(f, toCsv(t));
    return f;
  };
  const check = (r: TrainReport, id: string): CheckResult => r.checks.find((c) => c.id === id)!;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-outcomes-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  // 200 rows of a smooth 8-d function with noise as large as the signal; a 128x128 MLP memorizes them.
  const noisy = () => GENERATED_TABLES['noisy-teacher'](11);

  it('overfits: a wide MLP on 200 noisy rows, and the what-if ranks dropout above a weak L2', async () => {
    const r = await runSanityTrain({ spec: mlp('wide', 8, [128, 128], 'linear'), data: { file: file(noisy()) }, budgetSeconds: 120 });
    const gap = check(r, 'generalization-gap');
    assert.strictEqual(gap.outcome, 'overfits', gap.message);
    assert.strictEqual(gap.verdict, 'warn');
    assert.match(gap.message, /rose \+\d+% ± \d+% over 3 seeds/);
    const w = check(r, 'what-if');
    const measured = w.remedies!.filter((e) => !e.notMeasured);
    assert.ok(measured.length >= 2, w.message);
    // Ranked by final validation loss, and the message leads with the best.
    for (let i = 1; i < measured.length; i++) assert.ok(measured[i - 1].valLossChange <= measured[i].valLossChange);
    assert.strictEqual(w.metrics.bestRemedy, measured[0].id);
    const dropout = measured.find((e) => e.id === 'dropout-0.5')!, weakL2 = measured.find((e) => e.id === 'l2-0.0001')!;
    assert.strictEqual(dropout.claim, 'better', w.message);
    assert.ok(dropout.rank! < weakL2.rank!, w.message);
    assert.strictEqual(w.metrics.valLossChange, measured[0].valLossChange);
  });

  it('fits: a small MLP on 1,000 rows of the same function with little noise', async () => {
    const t = GENERATED_TABLES['clean-teacher'](11);
    const table = { ...t, x: t.x.slice(0, 1000), y: t.y.slice(0, 1000) };
    const r = await runSanityTrain({ spec: mlp('small', 8, [16], 'linear', 0.01), data: { file: file(table) }, budgetSeconds: 120, jobs: ['baseline'] });
    const gap = check(r, 'generalization-gap');
    assert.strictEqual(gap.outcome, 'fits', gap.message);
    assert.strictEqual(gap.verdict, 'pass');
    assert.strictEqual(check(r, 'underfitting').verdict, 'pass');
    assert.doesNotMatch(gap.message, /no overfitting/);
  });

  it('underfits: a 2-unit MLP on labels that do not depend on the features learns nothing, and says so', async () => {
    const r = await runSanityTrain({ spec: mlp('tiny', 10, [2], 'sigmoid', 0.01), data: { file: file(GENERATED_TABLES['pure-noise'](11)) }, budgetSeconds: 120, jobs: ['baseline'] });
    const gap = check(r, 'generalization-gap'), under = check(r, 'underfitting');
    assert.strictEqual(gap.outcome, 'underfits', gap.message);
    assert.strictEqual(under.verdict, 'warn', under.message);
    assert.match(under.message, /^learns nothing/);
  });

  it('inconclusive: a budget too small to see the curve turn says so, with the budget it needs', async () => {
    const r = await runSanityTrain({ spec: mlp('wide', 8, [128, 128], 'linear'), data: { file: file(noisy()) }, budgetSeconds: 0.6, jobs: ['baseline'] });
    const gap = check(r, 'generalization-gap');
    assert.ok(gap.verdict === 'inconclusive' || gap.verdict === 'skipped', gap.message);
    assert.notStrictEqual(gap.outcome, 'fits');
    assert.notStrictEqual(gap.outcome, 'overfits');
    if (gap.verdict === 'inconclusive') assert.match(gap.message, /needs ~\d+ s: run with a budget of \d+ s/);
  });
});
