// The checks are pure functions of the runs: verdicts and messages from made-up curves.
import * as assert from 'assert';
import { curveNoise, smooth, summarizeCurve } from './checks/curveStats';
import { pickBatch } from './checks/distinctBatch';
import { evaluateDivergence } from './checks/divergence';
import { evaluateFitOneBatch, pairingProblem, type FitOneBatchRun } from './checks/fitOneBatch';
import { evaluateGeneralizationGap } from './checks/generalizationGap';
import { evaluateMemorization } from './checks/memorization';
import type { RemedyRuns, Runs, SeedRun } from './checks/types';
import { evaluateUnderfitting } from './checks/underfitting';
import { evaluateWhatIf } from './checks/whatIf';
import type { Remedy } from './remedies';
import { Rng } from './rng';
import { clearSign, pctSpread } from './spread';
import { clearlyRose, stopRule } from './stopping';
import type { Dataset } from './data';
import type { Task } from './task';
import type { TrainRun } from './trainRun';

/** A run evaluated every 2 steps (1 step per epoch... ×2), curves as given. */
function run(train: number[], val: number[], extra: Partial<TrainRun> = {}): TrainRun {
  const steps = train.map((_, i) => 2 * (i + 1));
  return {
    epochsPlanned: 10000, epochsRun: steps.at(-1)! / 2, stepsPlanned: 20000, stepsRun: steps.at(-1)!, stepsPerEpoch: 2,
    initial: { train: 2.3, val: 2.3 }, curves: { train, val }, steps,
    score: { train: 1, val: 0.5 }, msPerStep: 1, msPerEpoch: 2, ...extra,
  };
}

function runs(extra: Partial<Runs>): Runs {
  return {
    task: { kind: 'regression', units: 1, loss: 'meanSquaredError', activation: 'linear', sparse: false },
    baselines: [], yardsticks: [0, 1, 2].map(() => ({ chance: 1, linear: 0.8 })), remedies: [], synthetic: false,
    budget: { seconds: 10, workers: 2, startupMs: 500 },
    whatIfChanges: [], errors: {}, chanceLoss: 1, ...extra,
  };
}

/** A deterministic wiggle, so curves have noise but tests stay exact. */
const wiggle = (i: number, seed: number, size: number) => size * Math.sin(1.7 * i + seed);

/** Val falls to `floor` at eval `turn`, then rises by `rise` per eval; train keeps falling. */
function overfitting(seed: number, n = 80, turn = 20, rise = 0.01): TrainRun {
  const val = Array.from({ length: n }, (_, i) => (i < turn ? 0.9 - (0.6 * i) / turn : 0.3 + rise * (i - turn)) + wiggle(i, seed, 0.004));
  const train = Array.from({ length: n }, (_, i) => 0.9 * Math.exp(-i / 15) + 0.01);
  return run(train, val, { stopped: 'turned' });
}

/** Val and train fall to a plateau and stay there. */
function settling(seed: number, n = 100, floor = 0.4): TrainRun {
  const val = Array.from({ length: n }, (_, i) => floor + 0.5 * Math.exp(-i / 8) + wiggle(i, seed, 0.003));
  const train = Array.from({ length: n }, (_, i) => floor - 0.05 + 0.5 * Math.exp(-i / 8));
  return run(train, val, { stopped: 'converged' });
}

const seeds = (make: (k: number) => TrainRun): SeedRun[] => [0, 1, 2].map((k) => ({ seedIndex: k, run: make(k) }));

describe('curve statistics', () => {
  it('smooths with a trailing mean, and measures noise around the local trend (not the trend)', () => {
    assert.deepStrictEqual(smooth([1, 3, 5, 7], 3), [2, 3, 5, 6]);
    const line = Array.from({ length: 200 }, (_, i) => 1 - i / 300);
    assert.ok(curveNoise(line) < 1e-12, 'a straight line has no noise');
    const rng = new Rng(3);
    const noisy = line.map((v) => v + 0.01 * rng.normal());
    assert.ok(Math.abs(curveNoise(noisy) - 0.01) < 0.0025, String(curveNoise(noisy)));
  });

  it('summarizes the best point, the rise (relative and in noise units) and the training plateau', () => {
    const r = overfitting(0);
    const s = summarizeCurve(r.steps, r.curves.train, r.curves.val);
    assert.ok(s.bestIndex >= 19 && s.bestIndex <= 23, String(s.bestIndex));
    assert.ok(s.relRise > 1.5 && s.riseZ > 100, JSON.stringify(s));
    assert.ok(s.trainFall > 0.5);
  });

  it('the stopping rule stops at a clear turn, and otherwise waits as long again as the minimum took', () => {
    const h = (r: TrainRun, n: number) => ({ steps: r.steps.slice(0, n), train: r.curves.train.slice(0, n), val: r.curves.val.slice(0, n), stepsPerEpoch: 2 });
    const o = overfitting(1);
    assert.strictEqual(stopRule(2)(h(o, 22)), undefined, 'minimum at eval ~20: no material rise yet');
    assert.strictEqual(stopRule(2)(h(o, 45)), 'turned');
    const slow = settling(4, 100);
    assert.strictEqual(stopRule(2)(h(slow, 50)), undefined, 'reached its floor near eval 40: not patient at 50');
    assert.strictEqual(stopRule(2)(h(slow, 100)), 'converged');
    const rule = stopRule(2);
    const flat = run(Array(60).fill(0.3).map((v, i) => v + wiggle(i, 2, 0.0001)), Array(60).fill(0.5).map((v, i) => v + wiggle(i, 3, 0.002)));
    assert.strictEqual(rule(h(flat, 60)), 'converged');
  });

  it('a rise is a turn once it has lasted as long again as the minimum took, or at the step cap', () => {
    const h = (r: TrainRun, n: number) => ({ steps: r.steps.slice(0, n), train: r.curves.train.slice(0, n), val: r.curves.val.slice(0, n), stepsPerEpoch: 2 });
    // Minimum at eval 40, then +0.02 per eval: twenty evaluations on, the rise is material and far beyond the noise.
    const o = overfitting(1, 100, 40, 0.02);
    const early = summarizeCurve(o.steps.slice(0, 60), o.curves.train.slice(0, 60), o.curves.val.slice(0, 60));
    assert.ok(early.relRise >= 0.1 && early.riseZ > 10, JSON.stringify(early));
    assert.strictEqual(clearlyRose(early), false, 'half as long past the minimum as it took to get there: not yet a trend');
    assert.strictEqual(clearlyRose(early, true), true, 'at the step cap the rise counts as it stands');
    assert.strictEqual(stopRule(2)(h(o, 60)), undefined);
    assert.strictEqual(stopRule(2)(h(o, 84)), 'turned', 'still up as long again past the minimum: a turn');
  });

  it('a change is claimed only when every seed agrees and it exceeds the spread', () => {
    assert.strictEqual(clearSign([-0.2, -0.18, -0.22], 0.02), -1);
    assert.strictEqual(clearSign([-0.2, 0.01, -0.22], 0.02), 0, 'one seed disagrees');
    assert.strictEqual(clearSign([-0.01, -0.012, -0.011], 0.02), 0, 'too small to act on');
    assert.strictEqual(clearSign([-0.02, -0.3, -0.01], 0.02), 0, 'mean within the spread');
    assert.strictEqual(pctSpread([-0.2, -0.18, -0.22]), '−20% ± 2%');
  });
});

describe('generalization-gap and underfitting', () => {
  it('overfits when the seeds rise materially, with the rise and its spread in the message', () => {
    const r = evaluateGeneralizationGap(runs({ baselines: seeds((k) => overfitting(k, 80, 20, 0.01 + 0.001 * k)) }));
    assert.strictEqual(r.verdict, 'warn');
    assert.strictEqual(r.outcome, 'overfits');
    assert.match(r.message, /^overfits: validation loss rose \+\d+% ± \d+% over 3 seeds from its minimum near epoch \d+/);
  });

  it('a seed the budget cut short is missing evidence, not evidence against; a settled one is', () => {
    const short = (k: number) => run(Array.from({ length: 30 }, (_, i) => 1 - i / 40), Array.from({ length: 30 }, (_, i) => 1 - i / 50 + wiggle(i, k, 0.001)), { stopped: 'budget' });
    const twoRoseOneOpen = evaluateGeneralizationGap(runs({ baselines: seeds((k) => (k === 2 ? short(k) : overfitting(k, 80, 20, 0.01))) }));
    assert.strictEqual(twoRoseOneOpen.outcome, 'overfits', twoRoseOneOpen.message);
    assert.match(twoRoseOneOpen.message, /rose \+\d+% ± \d+% over 2 of 3 seeds .*the other seed was still training when the budget ended/);
    const twoRoseOneSettled = evaluateGeneralizationGap(runs({ baselines: seeds((k) => (k === 2 ? settling(k) : overfitting(k, 80, 20, 0.01))) }));
    assert.strictEqual(twoRoseOneSettled.outcome, 'inconclusive');
    assert.match(twoRoseOneSettled.message, /the seeds disagree \(2 rose, 1 settled\)/);
  });

  it('fits when every seed settles below the yardsticks, and says how it compares with them', () => {
    const r = evaluateGeneralizationGap(runs({ baselines: seeds((k) => settling(k)) }));
    assert.strictEqual(r.outcome, 'fits', r.message);
    assert.strictEqual(r.verdict, 'pass');
    assert.match(r.message, /^fits: validation loss settled at 0\.4\d* ± [\d.e-]+ over 3 seeds \(best validation loss .* vs chance 1\.00, linear model 0\.80\)/);
    assert.strictEqual(evaluateUnderfitting(runs({ baselines: seeds((k) => settling(k)) })).verdict, 'pass');
  });

  it('a model no better than the linear model underfits, and never reads "no overfitting"', () => {
    const r = runs({ baselines: seeds((k) => settling(k, 100, 0.79)) });
    const gap = evaluateGeneralizationGap(r);
    assert.strictEqual(gap.outcome, 'underfits');
    assert.strictEqual(gap.verdict, 'skipped');
    const u = evaluateUnderfitting(r);
    assert.strictEqual(u.verdict, 'warn');
    assert.match(u.message, /^learns nothing a linear model does not/);
    const above = evaluateUnderfitting(runs({ baselines: seeds((k) => settling(k, 100, 1.1)) }));
    assert.match(above.message, /^learns nothing: .* not clearly below chance/);
    for (const c of [gap, u, above]) assert.doesNotMatch(c.message, /no overfitting/);
  });

  it('"learns nothing" rests on the seeds that ran their course when a seed was cut short', () => {
    const short = (k: number) => run(Array.from({ length: 30 }, (_, i) => 1 - i / 40), Array.from({ length: 30 }, (_, i) => 1 - i / 50 + wiggle(i, k, 0.001)), { stopped: 'budget' });
    const r = runs({ baselines: seeds((k) => (k === 2 ? short(k) : settling(k, 100, 0.79))) });
    const u = evaluateUnderfitting(r);
    assert.strictEqual(u.verdict, 'warn', u.message);
    assert.match(u.message, /^learns nothing a linear model does not: .*over 2 seeds .*\(the 2 seeds that ran their course; 1 more was still training\)/);
    const slowShort = (k: number) => run(Array.from({ length: 30 }, (_, i) => 1 - i / 40), Array.from({ length: 30 }, (_, i) => 1 - i / 200 + wiggle(i, k, 0.001)), { stopped: 'budget' });
    const fewFinished = evaluateUnderfitting(runs({ baselines: seeds((k) => (k === 0 ? settling(k, 100, 0.79) : slowShort(k))) }));
    assert.strictEqual(fewFinished.verdict, 'inconclusive', 'one finished seed of three is not a majority');
  });

  it('is inconclusive, with the budget that would settle it, when the runs were still improving', () => {
    const falling = (k: number) => run(Array.from({ length: 30 }, (_, i) => 1 - i / 40), Array.from({ length: 30 }, (_, i) => 1 - i / 50 + wiggle(i, k, 0.001)), { stopped: 'budget', stepsPlanned: 20000 });
    const r = evaluateGeneralizationGap(runs({ baselines: seeds(falling) }));
    assert.strictEqual(r.verdict, 'inconclusive');
    assert.strictEqual(r.outcome, 'inconclusive');
    assert.match(r.message, /still improving .*needs ~\d+ s: run with a budget of \d+ s/);
    assert.strictEqual(typeof r.metrics.neededBudgetSeconds, 'number');
  });

  it('says the overfitting verdict needs data when the data was synthetic', () => {
    const r = evaluateGeneralizationGap(runs({ synthetic: true, baselines: seeds((k) => overfitting(k)) }));
    assert.strictEqual(r.verdict, 'skipped');
    assert.match(r.message, /^needs your data/);
  });
});

describe('what-if', () => {
  const remedy = (id: string, description: string): Remedy => ({ id, kind: 'dropout', settings: {}, description, configured: id === 'dropout-0.5' });
  const remedyRuns = (id: string, make: (k: number) => TrainRun): RemedyRuns => ({ remedy: remedy(id, id), seeds: seeds(make) });

  it('ranks the remedies by final validation loss and claims only clear changes', () => {
    const r = evaluateWhatIf(runs({
      baselines: seeds((k) => overfitting(k)),
      remedies: [
        remedyRuns('dropout-0.5', (k) => settling(k, 100, 0.32)),
        remedyRuns('l2-0.0001', (k) => overfitting(k + 5)),
        remedyRuns('dropout-0.2', (k) => settling(k, 100, 0.45)),
      ],
    }));
    assert.strictEqual(r.verdict, 'pass');
    const ids = r.remedies!.map((e) => `${e.id}:${e.claim}`);
    assert.deepStrictEqual(ids, ['dropout-0.5:better', 'dropout-0.2:better', 'l2-0.0001:none']);
    assert.strictEqual(r.metrics.bestRemedy, 'dropout-0.5');
    assert.ok((r.metrics.valLossChange as number) < -0.3);
    assert.match(r.message, /^best remedy measured: dropout-0\.5, val loss −\d+% ± \d+% over 3 seeds/);
  });

  it('reports remedies the budget left unmeasured, and needs data on synthetic runs', () => {
    const r = evaluateWhatIf(runs({
      baselines: seeds((k) => overfitting(k)),
      remedies: [{ remedy: remedy('dropout-0.5', 'dropout-0.5'), seeds: [], notMeasured: 'needs ~4 s per seed, 1 s were left' }],
    }));
    assert.strictEqual(r.verdict, 'inconclusive');
    assert.match(r.remedies![0].notMeasured!, /needs ~4 s/);
    assert.strictEqual(evaluateWhatIf(runs({ synthetic: true, remedies: [remedyRuns('dropout-0.5', settling)] })).verdict, 'skipped');
  });
});

describe('other checks on step-counted runs', () => {
  it('divergence fails on NaN and on a loss far above chance', () => {
    assert.strictEqual(evaluateDivergence(runs({ baseline: run([1, NaN], [1, NaN], { stopped: 'nonfinite' }) })).verdict, 'fail');
    const high = evaluateDivergence(runs({ chanceLoss: 2.3, userOptimizer: run([13.7, 13.7], [14, 14]), userOptimizerSpec: { name: 'sgd', learningRate: 50 } }));
    assert.strictEqual(high.verdict, 'fail');
    assert.match(high.message, /with sgd\(50\): training loss rose from 2\.30 to 13\.70/);
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
