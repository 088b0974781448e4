// fit-one-batch (Karpathy's recipe): a sound model drives the loss on one small batch
// near zero. If it cannot, the model or its output/loss pairing is broken. Also checks
// the loss at initialisation (softmax cross-entropy starts near ln K).
import { buildModel } from '../buildModel';
import { compileLoss, type Dataset } from '../data';
import { dataLoss, fitScore } from '../losses';
import type { ModelSpec } from '../modelSpec';
import { RECIPE } from '../recipe';
import { withSeededMathRandom } from '../rng';
import type { Task } from '../task';
import type { Tf } from '../tf';
import { predict, toTensors } from '../trainRun';
import { fmt, pct, type CheckResult, type Runs } from './types';

export interface FitOneBatchRun {
  steps: number;
  initialLoss: number;
  finalLoss: number;
  initialScore: number;
  finalScore: number;
  /** Loss every `stepsPerCheck` steps. */
  curve: number[];
  fitted: boolean;
  stopped?: 'budget' | 'nonfinite';
  /** The error tfjs raised while training, if any (e.g. loss/target shape mismatch). */
  error?: string;
}

export async function runFitOneBatch(tf: Tf, spec: ModelSpec, task: Task, batch: Dataset, seed: number, deadline?: number): Promise<FitOneBatchRun> {
  const R = RECIPE.fitOneBatch;
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
      steps: 0, initialLoss: init.loss, finalLoss: init.loss, initialScore: init.score, finalScore: init.score,
      curve: [init.loss], fitted: false,
    };
    try {
      model.compile({ optimizer, loss: compileLoss(task, batch) });
      while (run.steps < R.maxSteps) {
        let done = 0;
        await model.fit(x, y, {
          epochs: R.stepsPerCheck, batchSize: batch.n, shuffle: false, verbose: 0,
          callbacks: {
            onEpochEnd: async () => {
              done++;
              if (deadline !== undefined && Date.now() > deadline) model.stopTraining = true;
            },
          },
        });
        run.steps += done;
        if (deadline !== undefined && Date.now() > deadline) run.stopped = 'budget';
        const m = measure();
        run.curve.push(m.loss);
        run.finalLoss = m.loss;
        run.finalScore = m.score;
        if (!Number.isFinite(m.loss)) {
          run.stopped = 'nonfinite';
          break;
        }
        if (m.score >= goal) {
          run.fitted = true;
          delete run.stopped;
          break;
        }
        if (run.stopped) break;
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

/** Output/loss pairings that cannot work, whatever the weights. */
export function pairingProblem(task: Task): string | undefined {
  const a = task.activation;
  if (a === 'softmax' && task.units === 1) return 'softmax over a single unit always outputs 1 (use sigmoid with binaryCrossentropy)';
  if (task.kind !== 'regression' && a !== 'softmax' && a !== 'sigmoid') {
    return `${task.loss} expects probabilities, but the output activation is ${a}`;
  }
  if (task.kind === 'regression' && (a === 'relu' || a === 'sigmoid' || a === 'softmax')) {
    return `a ${a} output cannot produce the full range of regression targets`;
  }
  return undefined;
}

export function evaluateFitOneBatch(runs: Runs): CheckResult {
  const r = runs.fitOneBatch;
  const id = 'fit-one-batch';
  const task = runs.task;
  const hint = pairingProblem(task);
  if (!r) {
    return { id, verdict: 'skipped', message: `not run: ${runs.errors['fit-one-batch'] ?? 'no result'}`, metrics: {} };
  }
  const n = RECIPE.fitOneBatch.batch;
  const scoreName = task.kind === 'regression' ? 'R²' : 'accuracy';
  const show = (s: number) => (task.kind === 'regression' ? fmt(s) : pct(s));
  const metrics: CheckResult['metrics'] = {
    steps: r.steps, initialLoss: r.initialLoss, finalLoss: r.finalLoss, initialScore: r.initialScore, finalScore: r.finalScore,
    outputActivation: task.activation, loss: task.loss,
  };
  const notes: string[] = [];
  if (hint) notes.push(hint);
  if (task.kind === 'multiclass' && task.activation === 'softmax' && task.units > 1) {
    const expected = Math.log(task.units);
    metrics.expectedInitialLoss = expected;
    if (r.initialLoss > 2 * expected) {
      notes.push(`loss at initialisation was ${fmt(r.initialLoss)}, expected about ln ${task.units} = ${fmt(expected)}`);
    }
  }
  const tail = notes.length ? `; ${notes.join('; ')}` : '';
  if (r.error) {
    return { id, verdict: 'fail', message: `training on one batch of ${n} failed: ${r.error}${tail}`, metrics };
  }
  if (r.fitted) {
    return {
      id, verdict: hint ? 'warn' : 'pass', metrics,
      message: `fits one batch of ${n} in ${r.steps} steps: loss ${fmt(r.initialLoss)} → ${fmt(r.finalLoss)}, ` +
        `${scoreName} ${show(r.finalScore)}${tail}`,
    };
  }
  if (r.stopped === 'budget' && r.steps < 100 && !hint) {
    return {
      id, verdict: 'skipped', metrics,
      message: `ran out of budget after ${r.steps} steps on one batch (loss ${fmt(r.initialLoss)} → ${fmt(r.finalLoss)})`,
    };
  }
  const how = r.stopped === 'nonfinite' ? `loss became ${r.finalLoss} after ${r.steps} steps`
    : `after ${r.steps} steps loss went ${fmt(r.initialLoss)} → ${fmt(r.finalLoss)}, ${scoreName} only ${show(r.finalScore)}`;
  return {
    id, verdict: 'fail', metrics,
    message: `cannot fit even one batch of ${n}: ${how}; the model or its output/loss pairing is broken${tail}`,
  };
}
