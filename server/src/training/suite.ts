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
import { layerOf, outputsOf } from './specTopology';
import type { OptimizerSpec } from './optimizer';
import { RECIPE } from './recipe';
import { subSeed } from './rng';
import { inferTask, type Task } from './task';
import type { Tf } from './tf';
import { trainRun, type EpochInfo, type TrainRun } from './trainRun';
import { applyWhatIf, type WhatIfSettings } from './whatIf';
import { userDatasets, type UserDataSummary, type UserTable } from './userData';

export interface Prepared {
  spec: ModelSpec;
  task: Task;
  train: Dataset;
  val: Dataset;
  chanceLoss: number;
  /** Set when the user's data replaced the synthetic data. */
  data?: UserDataSummary;
}

/**
 * Builds the model once to learn its outputs, then makes the seeded data. A model with
 * several outputs trains every head (each with its own loss); the checks judge the first.
 */
export function prepare(tf: Tf, spec: ModelSpec, seed: number, userTable?: UserTable): Prepared {
  const { model } = buildModel(tf, spec);
  const shapes = model.outputs.map((o) => o.shape);
  const inputs = model.inputs.length;
  model.dispose();
  const tasks = shapes.map((shape, k) => {
    const dims = shape.slice(1);
    const out = outputsOf(spec)[k];
    const layer = out && layerOf(spec, out);
    const which = `the model's ${shapes.length > 1 ? `output ${k + 1}` : 'output'}${layer ? ` (${layer.label}${layer.line ? `, line ${layer.line}` : ''})` : ''}`;
    const shapeText = `[${shape.map((d) => d ?? 'null').join(', ')}]`;
    if (dims.length === 0 || dims.some((d) => typeof d !== 'number')) {
      throw new Error(`${which} has shape ${shapeText}; the sanity-train handles outputs whose dimensions are all known`);
    }
    const t = inferTask(spec, (dims as number[]).reduce((a, b) => a * b, 1), k);
    if ('error' in t) throw new Error(t.error);
    if (dims.length > 1) {
      // An image or a sequence: per-element targets for regression and binary outputs.
      if (t.kind === 'multiclass') throw new Error(`${which} has shape ${shapeText}: a ${t.loss} over each position, which the sanity-train does not handle yet (outputs of shape [batch, classes] it does)`);
      t.outputShape = dims as number[];
    }
    return t;
  });
  const [task, ...moreTasks] = tasks;
  if (userTable && (inputs > 1 || moreTasks.length)) {
    throw new Error(`${spec.name} has ${inputs} inputs and ${tasks.length} outputs; a data file (one table, one label column) feeds a model with one of each`);
  }
  if (userTable) {
    const user = userDatasets(userTable, spec, task, subSeed(seed, 0));
    return { spec, task, train: user.train, val: user.val, chanceLoss: chanceLoss(task, user.train.y, user.train.n), data: user.summary };
  }
  const all = makeData(spec, task, {
    n: RECIPE.nTrain + RECIPE.nVal, seed: subSeed(seed, 0), noise: RECIPE.noise, labelNoise: RECIPE.labelNoise,
    ...(moreTasks.length ? { moreTasks } : {}),
  });
  const train = sliceData(all, 0, RECIPE.nTrain);
  return {
    spec, task, train, val: sliceData(all, RECIPE.nTrain, all.n),
    chanceLoss: chanceLoss(task, train.y, train.n),
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
      return runFitOneBatch(tf, p.spec, p.task, sliceData(p.train, 0, RECIPE.fitOneBatch.batch), seed, opts.deadline);
    case 'baseline':
      return trainRun(tf, p.spec, p.task, p.train, p.val, { ...base, deadRelu: true });
    case 'what-if':
      return trainRun(tf, applyWhatIf(p.spec, opts.whatIf).spec, p.task, p.train, p.val, base);
    case 'random-labels':
      return trainRun(tf, p.spec, p.task, shuffleTargets(p.train, subSeed(opts.seed, 2)), p.val, { ...base, measureAtEndOnly: true });
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
