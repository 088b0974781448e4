// The checks are pure functions of the runs: verdicts and messages from made-up curves.
import * as assert from 'assert';
import { generalizationLoss, trainingProgress, turnUpEpoch } from './checks/curveStats';
import { pickBatch } from './checks/distinctBatch';
import { evaluateDivergence } from './checks/divergence';
import { evaluateFitOneBatch, pairingProblem, type FitOneBatchRun } from './checks/fitOneBatch';
import { evaluateGeneralizationGap } from './checks/generalizationGap';
import { evaluateMemorization } from './checks/memorization';
import type { Runs } from './checks/types';
import { evaluateWhatIf } from './checks/whatIf';
import type { Dataset } from './data';
import type { Task } from './task';
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

  it('divergence fails a user optimizer that ends above where it started and above chance', () => {
    const sgd10 = { name: 'sgd', learningRate: 10 };
    const worse = evaluateDivergence(runs({
      chanceLoss: 0.69, userOptimizerSpec: sgd10, userOptimizer: run([1.93, 1.17, 0.84], [2, 1.2, 0.9], { initial: { train: 0.63, val: 0.63 } }),
      baseline: run([0.6, 0.5, 0.45], [0.6, 0.5, 0.47]),
    }));
    assert.strictEqual(worse.verdict, 'fail');
    assert.match(worse.message, /^does not train with sgd\(10\): after 3 epochs training loss is 0\.84, above where it started \(0\.63\) and above chance level \(0\.69\); with adam\(0\.001\) it is 0\.45/);
    const slow = evaluateDivergence(runs({
      chanceLoss: 0.69, userOptimizerSpec: { name: 'sgd', learningRate: 1e-4 }, userOptimizer: run([0.7, 0.7, 0.69], [0.7, 0.7, 0.7], { initial: { train: 0.7, val: 0.7 } }),
    }));
    assert.strictEqual(slow.verdict, 'pass', 'a small learning rate is slow, not diverging');
  });

  it('memorization compares the random-label fit with chance level, on as many rows as the model trains on', () => {
    const warn = evaluateMemorization(runs({ randomLabels: run([0.1], [2.5], { epochsPlanned: 1 }), memorizationSamples: 63 }));
    assert.strictEqual(warn.verdict, 'warn');
    assert.match(warn.message, /^memorizes 63 shuffled labels: .*so it can learn 63 examples by heart/);
    const pass = evaluateMemorization(runs({ randomLabels: run([2.2], [2.4], { epochsPlanned: 1 }), memorizationSamples: 84 }));
    assert.strictEqual(pass.verdict, 'pass');
    assert.match(pass.message, /^does not memorize 84 shuffled labels in 1 epoch:/);
    assert.strictEqual(pass.metrics.samples, 84);
  });
});

describe('fit-one-batch verdicts', () => {
  const softmax3: Task = { kind: 'multiclass', units: 3, loss: 'categoricalCrossentropy', activation: 'softmax', sparse: false };
  const fob = (extra: Partial<FitOneBatchRun>): FitOneBatchRun => ({
    batch: 16, conflicts: 0, labels: 3, steps: 500, trainableWeights: 4, initialLoss: 1.1, finalLoss: 1.1, bestLoss: 1.1,
    chanceLoss: 1.09, uninformedLoss: 1.1, initialScore: 0.3, finalScore: 0.4, curve: [], ...extra,
  });
  const verdict = (r: FitOneBatchRun, task = softmax3) => evaluateFitOneBatch(runs({ task, fitOneBatch: r }));

  it('broken: the loss never gets below what a constant prediction reaches', () => {
    const r = verdict(fob({ bestLoss: 1.09, finalLoss: 1.09 }));
    assert.strictEqual(r.verdict, 'fail');
    assert.strictEqual(r.metrics.outcome, 'broken');
    assert.match(r.message, /does not learn from its inputs: loss 1\.10 → 1\.09 in 500 steps on one batch of 16 \(chance level 1\.09\)/);
  });

  it('limited, not broken: the loss falls well below chance but the batch is not memorised', () => {
    const r = verdict(fob({ bestLoss: 0.3, finalLoss: 0.31, finalScore: 0.88 }));
    assert.strictEqual(r.verdict, 'pass');
    assert.strictEqual(r.metrics.outcome, 'limited');
    assert.match(r.message, /^learns, but did not memorise one batch of 16 in 500 steps: .*accuracy 88%\. Not a bug: /);
  });

  it('memorising proves learning even while the loss is still soft', () => {
    const r = verdict(fob({ bestLoss: 1.0, finalLoss: 1.0, finalScore: 1, memorisedAt: 40, steps: 40 }));
    assert.strictEqual(r.verdict, 'pass');
    assert.strictEqual(r.metrics.outcome, 'memorises');
  });

  it('a run the budget cut short before healthy models would have learned is skipped, not failed', () => {
    assert.strictEqual(verdict(fob({ steps: 60, stopped: 'budget' })).verdict, 'skipped');
    assert.strictEqual(verdict(fob({ steps: 150, stopped: 'budget' })).verdict, 'fail');
  });

  it('a loss at initialisation far above the uninformed output is a warning when training recovers', () => {
    const r = verdict(fob({ initialLoss: 9, bestLoss: 0.2, finalScore: 1, memorisedAt: 200 }));
    assert.strictEqual(r.verdict, 'warn');
    assert.match(r.message, /loss at initialisation, 9\.00, is 8\.2x what an untrained softmax output should give \(1\.10\)/);
  });

  it('frozen layers, tfjs errors, NaN and labels the output cannot produce are broken', () => {
    assert.match(verdict(fob({ trainableWeights: 0, steps: 0 })).message, /^nothing to train: every layer is frozen/);
    assert.strictEqual(verdict(fob({ error: 'Error when checking target' })).verdict, 'fail');
    assert.strictEqual(verdict(fob({ stopped: 'nonfinite', finalLoss: NaN })).verdict, 'fail');
    const labels = evaluateFitOneBatch(runs({ task: softmax3, labelProblem: 'points.csv: the label cls has 4 distinct values' }));
    assert.strictEqual(labels.verdict, 'fail');
    assert.match(labels.message, /cannot produce these labels: points\.csv/);
    const relu: Task = { kind: 'regression', units: 1, loss: 'meanSquaredError', activation: 'relu', sparse: false };
    assert.match(verdict(fob({ labelsOutOfRange: 0.5, labels: 16 }), relu).message, /relu output produces values in \[0, Infinity\], but 50% of the training labels/);
  });

  it('output/loss pairings that cannot work, and only those', () => {
    const t = (activation: string, units: number, loss: string): Task => {
      const kind = loss === 'binaryCrossentropy' ? 'binary' : loss.includes('ategorical') || (activation === 'softmax' && units > 1) ? 'multiclass' : 'regression';
      return { kind, units, loss, activation, sparse: loss.startsWith('sparse') };
    };
    for (const [a, k, loss] of [['softmax', 10, 'categoricalCrossentropy'], ['sigmoid', 1, 'binaryCrossentropy'], ['linear', 1, 'meanSquaredError'],
      ['softmax', 5, 'sparseCategoricalCrossentropy'], ['sigmoid', 3, 'binaryCrossentropy'], ['tanh', 1, 'meanAbsoluteError']] as const) {
      assert.strictEqual(pairingProblem(t(a, k, loss)), undefined, `${a} ${k} ${loss}`);
    }
    for (const [a, k, loss, why] of [
      ['softmax', 10, 'meanSquaredError', /softmax classifier trained with meanSquaredError/],
      ['sigmoid', 10, 'categoricalCrossentropy', /sigmoid gives 10 independent probabilities/],
      ['linear', 3, 'categoricalCrossentropy', /expects probabilities, but the output activation is linear/],
      ['linear', 1, 'binaryCrossentropy', /use sigmoid on the output layer/],
      ['softmax', 1, 'binaryCrossentropy', /softmax over a single unit always outputs 1/],
      ['sigmoid', 1, 'categoricalCrossentropy', /over a single output unit is always 0/],
    ] as const) {
      assert.match(pairingProblem(t(a, k, loss)) ?? '', why, `${a} ${k} ${loss}`);
    }
  });
});

describe('the batch fit-one-batch memorises', () => {
  const data = (xs: number[], ys: number[]): Dataset => ({
    x: Float32Array.from(xs), y: Float32Array.from(ys), xShape: [xs.length, 1], yShape: [ys.length, 1], n: xs.length,
  });

  it('holds no input twice (never one input with two labels), and says how many conflicting rows it left out', () => {
    const { batch, conflicts } = pickBatch(data([1, 2, 1, 3, 2, 4], [0, 1, 1, 0, 1, 1]), 4, true);
    assert.deepStrictEqual([...batch.x].sort(), [1, 2, 3, 4]);
    assert.strictEqual(conflicts, 1, 'input 1 came back with label 1; input 2 with its own label again is no conflict');
  });

  it('takes the classes in turn, so a rare class is in it', () => {
    const { batch, labels } = pickBatch(data([1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0, 0, 0, 1, 1]), 4, true);
    assert.strictEqual(labels, 2);
    assert.deepStrictEqual([...batch.y], [0, 1, 0, 1]);
    assert.deepStrictEqual([...pickBatch(data([1, 2, 3], [0.5, 0.1, 0.2]), 2, false).batch.x], [1, 2], 'regression: rows in order');
  });
});
