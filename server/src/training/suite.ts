// The sanity-train suite as jobs (each a training run) and checks (pure functions of
// the runs). Jobs run in workers, possibly two at once; checks run wherever the
// results meet.
import { buildModel } from './buildModel';
import { evaluateDeadRelu } from './checks/deadRelu';
import { evaluateDivergence } from './checks/divergence';
import { evaluateFitOneBatch, runFitOneBatch, type FitOneBatchRun } from './checks/fitOneBatch';
import { evaluateGeneralizationGap } from './checks/generalizationGap';
import { evaluateMemorization } from './checks/memorization';
import type { CheckResult, JobName, Runs } from './checks/types';
import { evaluateWhatIf } from './checks/whatIf';
import { makeData, shuffleTargets, sliceData, type Dataset } from './data';
import { chanceLoss } from './losses';
import type { ModelSpec } from './modelSpec';
import type { OptimizerSpec } from './optimizer';
import { RECIPE } from './recipe';
import { subSeed } from './rng';
import { inferTask, type Task } from './task';
import type { Tf } from './tf';
import { trainRun, type EpochInfo, type TrainRun } from './trainRun';
import { applyWhatIf, type WhatIfSettings } from './whatIf';
import { LabelMismatch, userDatasets, type UserDataSummary, type UserTable } from './userData';

export interface Prepared {
  spec: ModelSpec;
  task: Task;
  train: Dataset;
  val: Dataset;
  chanceLoss: number;
  /** Set when the user's data replaced the synthetic data. */
  data?: UserDataSummary;
  /** Why the user's labels cannot be this model's targets (then there is no data and no job runs). */
  labelProblem?: string;
  /** The memorization probe's training set (its labels get shuffled): the training split, or `samples` synthetic rows. */
  memorization: Dataset;
}

/** Builds the model once to learn its output, then makes the seeded data. */
export function prepare(tf: Tf, spec: ModelSpec, seed: number, userTable?: UserTable, samples: number = RECIPE.nTrain): Prepared {
  const { model } = buildModel(tf, spec);
  const shape = model.outputs[0].shape;
  model.dispose();
  if (model.outputs.length !== 1 || shape.length !== 2 || typeof shape[1] !== 'number') {
    throw new Error(`the model's output has shape [${shape.map((d) => d ?? 'null').join(', ')}]; ` +
      'the sanity-train handles one output of shape [batch, units]');
  }
  const task = inferTask(spec, shape[1]);
  if ('error' in task) throw new Error(task.error);
  if (userTable) {
    let user;
    try {
      user = userDatasets(userTable, spec, task, subSeed(seed, 0));
    } catch (e) {
      if (!(e instanceof LabelMismatch)) throw e;
      const none: Dataset = { x: new Float32Array(0), y: new Float32Array(0), xShape: [0, ...spec.inputShape], yShape: [0, 1], n: 0 };
      return { spec, task, train: none, val: none, chanceLoss: NaN, labelProblem: e.message, memorization: none };
    }
    return {
      spec, task, train: user.train, val: user.val, chanceLoss: chanceLoss(task, user.train.y, user.train.n), data: user.summary,
      memorization: user.train,
    };
  }
  const all = makeData(spec, task, {
    n: RECIPE.nTrain + RECIPE.nVal, seed: subSeed(seed, 0), noise: RECIPE.noise, labelNoise: RECIPE.labelNoise,
  });
  const train = sliceData(all, 0, RECIPE.nTrain);
  // reglint.train.samples: how many random labels the model should be able to memorize.
  const memorization = samples === RECIPE.nTrain ? train
    : makeData(spec, task, { n: samples, seed: subSeed(seed, 3), noise: RECIPE.noise, labelNoise: RECIPE.labelNoise });
  return {
    spec, task, train, val: sliceData(all, RECIPE.nTrain, all.n),
    chanceLoss: chanceLoss(task, train.y, train.n), memorization,
  };
}

/** The user's optimizer when it differs from the recipe's, else undefined. */
export function userOptimizer(spec: ModelSpec): OptimizerSpec | undefined {
  const c = spec.compile;
  if (!c?.optimizer) return undefined;
  const o = { name: c.optimizer, learningRate: c.learningRate };
  const r = RECIPE.optimizer;
  return o.name.toLowerCase() === r.name && (o.learningRate ?? r.learningRate) === r.learningRate ? undefined : o;
}

export interface JobOptions {
  seed: number;
  deadline?: number;
  whatIf?: WhatIfSettings;
  onEpoch?: (e: EpochInfo) => void;
}

export type JobResult = TrainRun | FitOneBatchRun;

export async function runJob(tf: Tf, p: Prepared, job: JobName, opts: JobOptions): Promise<JobResult> {
  const seed = subSeed(opts.seed, 1);
  const base = {
    epochs: RECIPE.epochs, batchSize: RECIPE.batchSize, optimizer: RECIPE.optimizer, seed,
    deadline: opts.deadline, onEpoch: opts.onEpoch,
  };
  switch (job) {
    case 'fit-one-batch':
      return runFitOneBatch(tf, p.spec, p.task, p.train, seed, opts.deadline);
    case 'baseline':
      return trainRun(tf, p.spec, p.task, p.train, p.val, { ...base, deadRelu: true });
    case 'what-if':
      return trainRun(tf, applyWhatIf(p.spec, opts.whatIf).spec, p.task, p.train, p.val, base);
    case 'random-labels':
      return trainRun(tf, p.spec, p.task, shuffleTargets(p.memorization, subSeed(opts.seed, 2)), p.val, { ...base, measureAtEndOnly: true });
    case 'user-optimizer': {
      const optimizer = userOptimizer(p.spec);
      if (!optimizer) throw new Error('no user optimizer that differs from the recipe');
      return trainRun(tf, p.spec, p.task, p.train, p.val, { ...base, optimizer, epochs: RECIPE.divergenceEpochs });
    }
  }
}

/** All checks, in report order. */
export function evaluateAll(runs: Runs): CheckResult[] {
  const results = [
    evaluateFitOneBatch(runs),
    evaluateGeneralizationGap(runs),
    evaluateMemorization(runs),
    evaluateWhatIf(runs),
    evaluateDivergence(runs),
    evaluateDeadRelu(runs),
  ];
  // The gap verdict carries the what-if's outcome, as users read it in one place.
  const gap = results[1], whatIf = results[3];
  if (gap.verdict === 'warn' && whatIf.verdict !== 'skipped') gap.message += `; ${whatIf.message}`;
  return results;
}
