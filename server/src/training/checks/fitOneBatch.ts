// fit-one-batch (Karpathy, "A recipe for training neural networks", 2019): train on one
// small batch of distinct inputs and watch the loss. No model whose output ignores its
// input can get below the batch's chance level (the loss of the best constant
// prediction), so a model that stays there after hundreds of steps does not learn from
// its inputs at all: broken. A model whose loss falls well below chance but that does not
// memorise the batch in the step budget is *limited* (small, regularized, or classes that
// overlap in the batch), which is not a bug. Output/loss pairings that cannot work, labels
// the output cannot produce, tfjs refusing the pairing and a model with nothing to train
// are broken whatever the run shows.
import { buildModel } from '../buildModel';
import { compileLoss, type Dataset } from '../data';
import { chanceLoss, dataLoss, fitScore } from '../losses';
import type { ModelSpec } from '../modelSpec';
import { RECIPE } from '../recipe';
import { withSeededMathRandom } from '../rng';
import { outputRange, type Task } from '../task';
import type { Tf } from '../tf';
import { predict, toTensors } from '../trainRun';
import { fmt, pct, type CheckResult, type Runs } from './types';
import { pickBatch } from './distinctBatch';

export interface FitOneBatchRun {
  /** Samples in the batch (fewer than the recipe's when the data has fewer distinct inputs). */
  batch: number;
  /** Training rows passed over because their input was already in the batch with another label. */
  conflicts: number;
  /** Distinct labels (target rows) in the batch. */
  labels: number;
  steps: number;
  /** Weight tensors the optimizer may change (0: every layer is frozen). */
  trainableWeights: number;
  initialLoss: number;
  finalLoss: number;
  /** Lowest loss seen at any check (the batch loss is exact, but Adam at 1e-2 can oscillate). */
  bestLoss: number;
  /** Loss of the best constant prediction on this batch: no input-blind model gets below it. */
  chanceLoss: number;
  /** Loss of the output a freshly initialised model should give (uniform probabilities, 0.5, zero), when defined. */
  uninformedLoss?: number;
  initialScore: number;
  finalScore: number;
  /** Steps after which the loss was first at or below `learnsBelow` x chance level, if it was. */
  learnedAt?: number;
  /** Steps after which the batch was memorised (accuracy / R² goal reached), if it was. */
  memorisedAt?: number;
  /** Share of the training labels outside what a bounded regression output can produce. */
  labelsOutOfRange?: number;
  /** Loss every `stepsPerCheck` steps. */
  curve: number[];
  stopped?: 'budget' | 'nonfinite';
  /** The error tfjs raised while training, if any (e.g. loss/target shape mismatch). */
  error?: string;
}

export async function runFitOneBatch(tf: Tf, spec: ModelSpec, task: Task, train: Dataset, seed: number, deadline?: number): Promise<FitOneBatchRun> {
  const R = RECIPE.fitOneBatch;
  const { batch, conflicts, labels } = pickBatch(train, R.batch, task.kind !== 'regression');
  return withSeededMathRandom(seed, async () => {
    const { model } = buildModel(tf, spec);
    const optimizer = tf.train.adam(R.learningRate);
    const { x, y } = toTensors(tf, spec, batch);
    const measure = () => {
      const p = predict(tf, model, x);
      return { loss: dataLoss(task, p, batch.y, batch.n), score: fitScore(task, p, batch.y, batch.n) };
    };
    const goal = task.kind === 'regression' ? R.minR2 : R.minAccuracy;
    const init = measure();
    const run: FitOneBatchRun = {
      batch: batch.n, conflicts, labels, steps: 0, trainableWeights: model.trainableWeights.length,
      initialLoss: init.loss, finalLoss: init.loss, bestLoss: init.loss, chanceLoss: chanceLoss(task, batch.y, batch.n),
      initialScore: init.score, finalScore: init.score, curve: [init.loss],
    };
    const uninformed = uninformedLoss(task, batch);
    if (uninformed !== undefined) run.uninformedLoss = uninformed;
    const outside = labelsOutOfRange(task, train);
    if (outside !== undefined) run.labelsOutOfRange = outside;
    const learnsBelow = RECIPE.fitOneBatch.learnsBelow * run.chanceLoss;
    try {
      model.compile({ optimizer, loss: compileLoss(task, batch) });
      // trainOnBatch: half the per-step overhead of fit() on a batch this small.
      while (run.trainableWeights > 0 && run.memorisedAt === undefined && run.steps < R.maxSteps) {
        const out = deadline !== undefined && Date.now() > deadline;
        if (!out) {
          await model.trainOnBatch(x, y);
          run.steps++;
        }
        if (!out && run.steps % R.stepsPerCheck !== 0 && run.steps < R.maxSteps) continue;
        const m = measure();
        run.curve.push(m.loss);
        run.finalLoss = m.loss;
        run.finalScore = m.score;
        if (!Number.isFinite(m.loss)) {
          run.stopped = 'nonfinite';
          break;
        }
        run.bestLoss = Math.min(run.bestLoss, m.loss);
        if (run.learnedAt === undefined && m.loss <= learnsBelow) run.learnedAt = run.steps;
        if (m.score >= goal) run.memorisedAt = run.steps;
        else if (out) {
          run.stopped = 'budget';
          break;
        }
      }
    } catch (e) {
      run.error = (e as Error).message;
    } finally {
      tf.dispose([x, y].flat());
      model.dispose();
      optimizer.dispose();
    }
    return run;
  });
}

/** The loss of what an untrained model should output: uniform class probabilities, 0.5, or 0 for a linear/tanh regression. */
function uninformedLoss(task: Task, batch: Dataset): number | undefined {
  const a = task.activation;
  const k = batch.y.length / batch.n;
  let value: number;
  if (task.kind === 'multiclass' && a === 'softmax' && task.units > 1) value = 1 / task.units;
  else if (task.kind === 'binary' && a === 'sigmoid') value = 0.5;
  else if (task.kind === 'regression' && (a === 'linear' || a === 'tanh')) value = 0;
  else return undefined;
  const pred = new Float32Array(batch.n * (task.sparse ? task.units : k)).fill(value);
  return dataLoss(task, pred, batch.y, batch.n);
}

/** For a regression with a bounded output, the share of training labels it cannot produce. */
function labelsOutOfRange(task: Task, train: Dataset): number | undefined {
  const range = task.kind === 'regression' ? outputRange(task.activation) : undefined;
  if (!range || train.y.length === 0) return undefined;
  let out = 0;
  for (const v of train.y) if (v < range[0] || v > range[1]) out++;
  return out / train.y.length;
}

/** Output/loss pairings that cannot work whatever the weights (the first that applies). */
export function pairingProblem(task: Task): string | undefined {
  const a = task.activation;
  const probabilityLoss = task.loss !== 'meanSquaredError' && task.loss !== 'meanAbsoluteError';
  if (task.kind === 'multiclass' && task.units === 1) {
    return `${task.loss} over a single output unit is always 0 (tfjs normalises the outputs to sum to 1): ` +
      'use one unit per class with softmax, or sigmoid with binaryCrossentropy for two classes';
  }
  if (a === 'softmax' && task.units === 1) return 'softmax over a single unit always outputs 1 (use sigmoid with binaryCrossentropy)';
  if (probabilityLoss && a !== 'softmax' && a !== 'sigmoid') {
    return `${task.loss} expects probabilities, but the output activation is ${a}: ` +
      `use ${task.kind === 'binary' ? 'sigmoid' : 'softmax'} on the output layer (tfjs losses take probabilities, not logits)`;
  }
  if (task.kind === 'multiclass' && a === 'sigmoid') {
    return `${task.loss} expects one distribution over the ${task.units} classes, but sigmoid gives ${task.units} independent ` +
      'probabilities: use softmax (or binaryCrossentropy if an example may have several labels)';
  }
  if (task.kind === 'multiclass' && !probabilityLoss) {
    return `a softmax classifier trained with ${task.loss}: its gradient vanishes when a prediction is confidently wrong, ` +
      'so training stalls; use categoricalCrossentropy';
  }
  return undefined;
}

export function evaluateFitOneBatch(runs: Runs): CheckResult {
  const id = 'fit-one-batch';
  const task = runs.task;
  const metrics: CheckResult['metrics'] = { outputActivation: task.activation, loss: task.loss, units: task.units };
  if (runs.labelProblem) {
    return {
      id, verdict: 'fail', metrics: { ...metrics, outcome: 'broken' },
      message: `the model's output cannot produce these labels: ${runs.labelProblem} (fix the output layer or the label column)`,
    };
  }
  const r = runs.fitOneBatch;
  const pairing = pairingProblem(task);
  if (!r) {
    if (pairing) return { id, verdict: 'fail', metrics: { ...metrics, outcome: 'broken' }, message: `broken output/loss pairing: ${pairing}` };
    return { id, verdict: 'skipped', message: `not run: ${runs.errors['fit-one-batch'] ?? 'no result'}`, metrics };
  }
  const R = RECIPE.fitOneBatch;
  const scoreName = task.kind === 'regression' ? 'R²' : 'accuracy';
  const show = (s: number) => (task.kind === 'regression' ? fmt(s) : pct(s));
  Object.assign(metrics, {
    batch: r.batch, conflicts: r.conflicts, steps: r.steps, trainableWeights: r.trainableWeights,
    initialLoss: r.initialLoss, finalLoss: r.finalLoss, bestLoss: r.bestLoss, chanceLoss: r.chanceLoss,
    lossVsChance: r.bestLoss / r.chanceLoss, initialScore: r.initialScore, finalScore: r.finalScore,
    memorisedAt: r.memorisedAt ?? null, learnedAt: r.learnedAt ?? null, expectedInitialLoss: r.uninformedLoss ?? null,
  });
  const broken = (why: string): CheckResult => ({ id, verdict: 'fail', metrics: { ...metrics, outcome: 'broken' }, message: why });
  const seen = `loss ${fmt(r.initialLoss)} → ${fmt(r.finalLoss)} in ${r.steps} steps on one batch of ${r.batch} (chance level ${fmt(r.chanceLoss)})`;
  if (pairing) return broken(`broken output/loss pairing: ${pairing}; ${seen}`);
  if (r.labelsOutOfRange) {
    const [lo, hi] = outputRange(task.activation)!;
    return broken(`a ${task.activation} output produces values in [${lo}, ${hi}], but ${pct(r.labelsOutOfRange)} of the training labels ` +
      'lie outside it: use a linear output (no activation) or scale the labels into that range');
  }
  if (r.error) return broken(`tfjs rejects training this model with ${task.loss}: ${r.error}`);
  if (r.trainableWeights === 0) {
    return broken('nothing to train: every layer is frozen (trainable: false), so the loss cannot fall; unfreeze at least the output layer');
  }
  if (r.stopped === 'nonfinite') return broken(`the loss became ${r.finalLoss} after ${r.steps} steps on one batch of ${r.batch}`);
  if (!(r.chanceLoss > 0)) {
    return {
      id, verdict: 'skipped', metrics: { ...metrics, outcome: 'unknown' },
      message: `nothing to learn: every label in the batch of ${r.batch} is the same (${r.labels} distinct)`,
    };
  }
  // Reaching 100% accuracy on a batch of several classes proves learning too: no constant
  // output gets there (and accuracy can get there while the loss is still soft).
  const memorisedByTraining = r.memorisedAt !== undefined && (task.kind === 'regression' || r.labels > 1);
  const learns = memorisedByTraining || r.bestLoss <= R.learnsBelow * r.chanceLoss;
  const initFactor = task.kind === 'regression' ? R.initFactorRegression : R.initFactorProbability;
  const initFar = r.uninformedLoss !== undefined && r.initialLoss > initFactor * r.uninformedLoss;
  const initNote = initFar
    ? `; the loss at initialisation, ${fmt(r.initialLoss)}, is ${fmt(r.initialLoss / r.uninformedLoss!, 1)}x what an untrained ` +
      `${task.activation} output should give (${fmt(r.uninformedLoss!)}): inputs far from unit scale or a large weight initialiser`
    : '';
  if (!learns) {
    // Judged before the step budget only when healthy models would long have learned
    // (all of them within 30 steps in the calibration; unscaled inputs within 160).
    if (r.stopped === 'budget' && (r.steps < R.minStepsToJudge || initFar)) {
      return {
        id, verdict: 'skipped', metrics: { ...metrics, outcome: 'unknown' },
        message: `ran out of budget after ${r.steps} of ${R.maxSteps} steps on one batch; ${seen}`,
      };
    }
    return broken(`the model does not learn from its inputs: ${seen}; its best, ${fmt(r.bestLoss)}, is ` +
      `${pct(r.bestLoss / r.chanceLoss)} of what a constant prediction reaches. Look for frozen or dead layers, ` +
      `a zero initialiser, or an output that ignores its input${initNote}`);
  }
  if (r.memorisedAt !== undefined) {
    return {
      id, verdict: initFar ? 'warn' : 'pass', metrics: { ...metrics, outcome: 'memorises' },
      message: `fits one batch of ${r.batch} in ${r.memorisedAt} steps: loss ${fmt(r.initialLoss)} → ${fmt(r.finalLoss)}, ` +
        `${scoreName} ${show(r.finalScore)}${initNote}`,
    };
  }
  const limited = `learns, but did not memorise one batch of ${r.batch} in ${r.steps} steps: loss ${fmt(r.initialLoss)} → ` +
    `${fmt(r.finalLoss)} (${pct(r.bestLoss / r.chanceLoss)} of chance level at best), ${scoreName} ${show(r.finalScore)}`;
  if (initFar) return { id, verdict: 'warn', metrics: { ...metrics, outcome: 'limited' }, message: `${limited}${initNote}` };
  const why = task.kind === 'regression' ? 'a small or strongly regularized model, or noisy targets'
    : 'a small or strongly regularized model, or classes that overlap in the batch';
  return {
    id, verdict: 'pass', metrics: { ...metrics, outcome: 'limited' },
    message: `${limited}. Not a bug: ${why}` +
      (r.conflicts > 0 ? ` (the batch left out ${r.conflicts} row${r.conflicts > 1 ? 's' : ''} whose input it already held with another label)` : ''),
  };
}
