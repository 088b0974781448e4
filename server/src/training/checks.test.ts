// The checks are pure functions of the runs: verdicts and messages from made-up curves.
import * as assert from 'assert';
import { generalizationLoss, trainingProgress, turnUpEpoch } from './checks/curveStats';
import { evaluateDivergence } from './checks/divergence';
import { evaluateGeneralizationGap } from './checks/generalizationGap';
import { evaluateMemorization } from './checks/memorization';
import type { Runs } from './checks/types';
import { evaluateWhatIf } from './checks/whatIf';
import type { TrainRun } from './trainRun';

function run(train: number[], val: number[], extra: Partial<TrainRun> = {}): TrainRun {
  return {
    epochsPlanned: train.length, epochsRun: train.length, initial: { train: 2.3, val: 2.3 }, curves: { train, val },
    score: { train: 1, val: 0.5 }, msPerEpoch: 10, ...extra,
  };
}

function runs(extra: Partial<Runs>): Runs {
  return {
    task: { kind: 'multiclass', units: 10, loss: 'categoricalCrossentropy', activation: 'softmax', sparse: false },
    whatIfChanges: [], errors: {}, chanceLoss: 2.3, ...extra,
  };
}

describe('curve statistics', () => {
  it('GL(t), P_k and the epoch where validation loss turned up', () => {
    assert.deepStrictEqual(generalizationLoss([1, 0.5, 0.75]).map((v) => Math.round(v)), [0, 0, 50]);
    assert.strictEqual(Math.round(trainingProgress([1, 1, 1, 1, 1])), 0);
    assert.strictEqual(Math.round(trainingProgress([2, 1, 1, 1, 1])), 200);
    assert.strictEqual(turnUpEpoch([0.5, 0.41, 0.6, 0.93]), 2);
    assert.strictEqual(turnUpEpoch([0.5, 0.41, 0.40]), undefined);
    assert.strictEqual(turnUpEpoch([0.5, 0.41, 0.42]), undefined, 'within the 5% tolerance');
  });
});

describe('check verdicts', () => {
  const overfit = run([1, 0.5, 0.2, 0.1, 0.05], [0.6, 0.41, 0.5, 0.7, 0.93]);
  const healthy = run([1, 0.8, 0.7, 0.65, 0.6], [1, 0.85, 0.75, 0.7, 0.68]);

  it('generalization-gap warns above the calibrated ratio, with the numbers in the message', () => {
    const r = evaluateGeneralizationGap(runs({ baseline: overfit }));
    assert.strictEqual(r.verdict, 'warn');
    assert.strictEqual(r.metrics.valTurnedUpAtEpoch, 2);
    assert.match(r.message, /val loss rose from 0\.41 to 0\.93 after epoch 2 while train loss fell to 0\.05/);
    assert.strictEqual(evaluateGeneralizationGap(runs({ baseline: healthy })).verdict, 'pass');
  });

  it('generalization-gap is skipped, not judged, when the budget cut the run short', () => {
    const r = evaluateGeneralizationGap(runs({ baseline: run([1, 0.5], [1, 1], { epochsPlanned: 12, stopped: 'budget' }) }));
    assert.strictEqual(r.verdict, 'skipped');
    assert.match(r.message, /only 2 of 12 epochs/);
  });

  it('what-if reports the gap shrink and the validation loss change', () => {
    const whatIf = run([1, 0.7, 0.6, 0.55, 0.5], [0.6, 0.5, 0.5, 0.55, 0.6]);
    const r = evaluateWhatIf(runs({ baseline: overfit, whatIf, whatIfChanges: [{ label: 'dense_1', description: 'dropout(0.5) after dense_1' }] }));
    assert.strictEqual(r.verdict, 'pass');
    assert.match(r.message, /^with dropout\(0\.5\) after dense_1 the gap shrinks by 89% \(0\.88 → 0\.10\); val loss 0\.93 → 0\.60 \(-35%\)$/);
    assert.strictEqual(r.related?.[0].label, 'dense_1');
  });

  it('divergence fails on NaN and on a loss far above chance, warns on a spike', () => {
    assert.strictEqual(evaluateDivergence(runs({ baseline: run([1, NaN], [1, NaN], { stopped: 'nonfinite' }) })).verdict, 'fail');
    const high = evaluateDivergence(runs({ userOptimizer: run([13.7, 13.7], [14, 14]), userOptimizerSpec: { name: 'sgd', learningRate: 50 } }));
    assert.strictEqual(high.verdict, 'fail');
    assert.match(high.message, /with sgd\(50\): training loss rose from 2\.30 to 13\.70/);
    assert.strictEqual(evaluateDivergence(runs({ baseline: run([4, 1.5, 1], [4, 2, 1]) })).verdict, 'warn');
    assert.strictEqual(evaluateDivergence(runs({ baseline: healthy })).verdict, 'pass');
  });

  it('memorization compares the random-label fit with chance level', () => {
    assert.strictEqual(evaluateMemorization(runs({ randomLabels: run([0.1], [2.5], { epochsPlanned: 1 }) })).verdict, 'warn');
    assert.strictEqual(evaluateMemorization(runs({ randomLabels: run([2.2], [2.4], { epochsPlanned: 1 }) })).verdict, 'pass');
  });
});
