// The sanity-train suite as jobs (each one training run) and checks (pure functions of
// the runs). Jobs run in workers, two at once; the runner decides which job comes next
// (runner.ts); checks run wherever the results meet.
import { buildModel } from './buildModel';
import { measureBaselines } from './baselines';
import { evaluateDeadRelu } from './checks/deadRelu';
import { evaluateDivergence } from './checks/divergence';
import { evaluateFitOneBatch, runFitOneBatch, type FitOneBatchRun } from './checks/fitOneBatch';
import { evaluateGeneralizationGap } from './checks/generalizationGap';
import { evaluateMemorization } from './checks/memorization';
import type { CheckResult, JobName, Runs } from './checks/types';
import { evaluateUnderfitting } from './checks/underfitting';
import { evaluateWhatIf } from './checks/whatIf';
import { makeData, shuffleTargets, sliceData, type Dataset } from './data';
import { chanceLoss } from './losses';
import type { ModelSpec } from './modelSpec';
import { layerOf, outputsOf } from './specTopology';
import type { OptimizerSpec } from './optimizer';
import { RECIPE } from './recipe';
import { applyRemedy, type Remedy } from './remedies';
import { subSeed } from './rng';
import { stopRule } from './stopping';
import { inferTask, type Task } from './task';
import type { Tf } from './tf';
import { trainRun, type EvalInfo, type TrainRun } from './trainRun';
import { LabelMismatch, userDatasets, type UserDataSummary, type UserTable } from './userData';

/** One train/validation split with its yardsticks (chance and a linear model on the same split). */
export interface SeedSplit {
  train: Dataset;
  val: Dataset;
  /** Validation loss of the best constant prediction and of the linear baseline (undefined: not applicable). */
  chance: number;
  linear?: number;
}

export interface Prepared {
  spec: ModelSpec;
  task: Task;
  /** The first split (fit-one-batch, memorization and the user-optimizer run use it). */
  train: Dataset;
  val: Dataset;
  /** One split per seed: the user's rows reshuffled (each seed holds out different rows); synthetic data: one. */
  splits: SeedSplit[];
  /** Chance-level loss on the first split's training rows. */
  chanceLoss: number;
  /** Set when the user's data replaced the synthetic data. */
  data?: UserDataSummary;
  /** Why there is no linear baseline, when there is none. */
  linearNote?: string;
  /** Why the user's labels cannot be this model's targets (then there is no data and no job runs). */
  labelProblem?: string;
}

export interface PrepareOptions {
  /** The user's table; without it the data is synthetic. */
  table?: UserTable;
  /** Synthetic training samples (reglint.train.samples; default RECIPE.nTrain). */
  samples?: number;
}

/**
 * Builds the model once to learn its outputs, then makes the seeded data and the per-seed
 * splits. A model with several outputs trains every head (each with its own loss); the
 * checks judge the first.
 */
export function prepare(tf: Tf, spec: ModelSpec, seed: number, opts: PrepareOptions = {}): Prepared {
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
  if (opts.table && (inputs > 1 || moreTasks.length)) {
    throw new Error(`${spec.name} has ${inputs} inputs and ${tasks.length} outputs; a data file (one table, one label column) feeds a model with one of each`);
  }
  const tokens = spec.inputDtype === 'int32';
  const withBaselines = (train: Dataset, val: Dataset): SeedSplit & { note?: string } => {
    const b = measureBaselines(task, train, val, tokens);
    return { train, val, chance: b.chance.valLoss, linear: b.linear?.valLoss, note: b.linearNote };
  };
  if (opts.table) {
    const table = opts.table;
    let splits;
    try {
      splits = RECIPE.seeds.map((_, k) => {
        const user = userDatasets(table, spec, task, subSeed(seed + k, 0));
        return { ...withBaselines(user.train, user.val), summary: user.summary };
      });
    } catch (e) {
      // Labels the model's output cannot produce: fit-one-batch says so, and no job runs.
      if (!(e instanceof LabelMismatch)) throw e;
      const none: Dataset = { x: new Float32Array(0), y: new Float32Array(0), xShape: [0, ...spec.inputShape], yShape: [0, 1], n: 0 };
      return { spec, task, train: none, val: none, splits: [{ train: none, val: none, chance: NaN }], chanceLoss: NaN, labelProblem: (e as Error).message };
    }
    const first = splits[0];
    return {
      spec, task, train: first.train, val: first.val, splits: splits.map(({ summary: _, note: __, ...s }) => s),
      chanceLoss: chanceLoss(task, first.train.y, first.train.n), data: first.summary, linearNote: first.note,
    };
  }
  const nTrain = opts.samples ?? RECIPE.nTrain;
  const all = makeData(spec, task, {
    n: nTrain + RECIPE.nVal, seed: subSeed(seed, 0), noise: RECIPE.noise, labelNoise: RECIPE.labelNoise,
    ...(moreTasks.length ? { moreTasks } : {}),
  });
  const train = sliceData(all, 0, nTrain), val = sliceData(all, nTrain, all.n);
  const { note, ...split } = withBaselines(train, val);
  return { spec, task, train, val, splits: [split], chanceLoss: chanceLoss(task, train.y, train.n), linearNote: note };
}

/** The user's optimizer when it differs from the recipe's, else undefined. */
export function userOptimizer(spec: ModelSpec): OptimizerSpec | undefined {
  const c = spec.compile;
  if (!c?.optimizer) return undefined;
  const o = { name: c.optimizer, learningRate: c.learningRate };
  const r = RECIPE.optimizer;
  return o.name.toLowerCase() === r.name && (o.learningRate ?? r.learningRate) === r.learningRate ? undefined : o;
}

/** What the model is trained with: its compiled optimizer when known (what the user gets), else the recipe's. */
export function trainingOptimizer(spec: ModelSpec): OptimizerSpec {
  return userOptimizer(spec) ?? RECIPE.optimizer;
}

/** One job: a training run of the model (or of a remedy) on one seed's split. */
export interface JobSpec {
  name: JobName;
  /** Which seed (and split) of RECIPE.seeds. */
  seedIndex: number;
  /** For 'what-if': the remedy to train. */
  remedy?: Remedy;
  /** For 'what-if': exactly this many steps (its seed's baseline run's length), compared at equal steps. */
  maxSteps?: number;
}

export function jobKey(j: JobSpec): string {
  return `${j.name}${j.remedy ? `:${j.remedy.id}` : ''}#${j.seedIndex}`;
}

export interface JobOptions {
  seed: number;
  deadline?: number;
  onEval?: (e: EvalInfo) => void;
}

export type JobResult = TrainRun | FitOneBatchRun;

/**
 * Steps between evaluations: about two per epoch, and at least 4 steps (an evaluation is a
 * forward pass over up to 256 training and all validation rows, a few steps' worth; the
 * curve needs resolution, not every step).
 */
export function evalCadence(trainRows: number): number {
  return Math.max(4, Math.ceil(Math.ceil(trainRows / RECIPE.batchSize) / 2));
}

/**
 * The step cap of a baseline or remedy run (the stopping rule or the budget usually ends it
 * first): the ground truth's training length, max(300 epochs, 6,000 steps) of batch 32 over
 * all `dataRows` of the user's data (what a user who trains on does), as the same number of
 * epochs over the `trainRows` this run trains on: each row is seen as often.
 */
export function stepCap(trainRows: number, dataRows = trainRows): number {
  const perEpochAll = Math.ceil(dataRows / RECIPE.batchSize);
  const epochs = Math.min(RECIPE.maxSteps, Math.max(RECIPE.maxEpochs * perEpochAll, RECIPE.minStepCap)) / perEpochAll;
  return Math.ceil(epochs * Math.ceil(trainRows / RECIPE.batchSize));
}

export async function runJob(tf: Tf, p: Prepared, job: JobSpec, opts: JobOptions): Promise<JobResult> {
  const k = job.seedIndex;
  const split = p.splits[k] ?? p.splits[0];
  const seed = subSeed(opts.seed + k, 1);
  const every = evalCadence(split.train.n);
  const judged = {
    batchSize: RECIPE.batchSize, optimizer: trainingOptimizer(p.spec), seed, deadline: opts.deadline, onEval: opts.onEval,
    maxSteps: stepCap(split.train.n, split.train.n + split.val.n), evalEvery: every, stopRule: stopRule(every),
  };
  const fixed = { batchSize: RECIPE.batchSize, optimizer: RECIPE.optimizer, seed, deadline: opts.deadline, onEval: opts.onEval };
  switch (job.name) {
    case 'fit-one-batch':
      return runFitOneBatch(tf, p.spec, p.task, p.train, seed, opts.deadline);
    case 'baseline':
      // Synthetic data answers only what does not depend on the data (dead units, divergence): a short fixed run.
      if (!p.data) return trainRun(tf, p.spec, p.task, split.train, split.val, { ...fixed, optimizer: judged.optimizer, epochs: RECIPE.epochs, deadRelu: true });
      return trainRun(tf, p.spec, p.task, split.train, split.val, { ...judged, deadRelu: k === 0 });
    case 'what-if': {
      if (!job.remedy) throw new Error('a what-if job needs a remedy');
      // As long as its seed's baseline ran, no stopping rule: both are compared at the same step.
      const { stopRule: _, ...sameLength } = judged;
      return trainRun(tf, applyRemedy(p.spec, job.remedy), p.task, split.train, split.val, job.maxSteps ? { ...sameLength, maxSteps: job.maxSteps } : judged);
    }
    case 'random-labels':
      return trainRun(tf, p.spec, p.task, shuffleTargets(p.train, subSeed(opts.seed, 2)), p.val, { ...fixed, epochs: RECIPE.epochs, measureAtEndOnly: true });
    case 'user-optimizer': {
      const optimizer = userOptimizer(p.spec);
      if (!optimizer) throw new Error('no user optimizer that differs from the recipe');
      return trainRun(tf, p.spec, p.task, p.train, p.val, { ...fixed, optimizer, epochs: RECIPE.divergenceEpochs });
    }
  }
}

/** All checks, in report order. */
export function evaluateAll(runs: Runs): CheckResult[] {
  const results = [
    evaluateFitOneBatch(runs),
    evaluateGeneralizationGap(runs),
    evaluateUnderfitting(runs),
    evaluateMemorization(runs),
    evaluateWhatIf(runs),
    evaluateDivergence(runs),
    evaluateDeadRelu(runs),
  ];
  // The gap verdict carries the what-if's best remedy, as users read it in one place.
  const gap = results[1], whatIf = results[4];
  if (gap.metrics.outcome === 'overfits' && whatIf.verdict !== 'skipped' && typeof whatIf.metrics.bestRemedy === 'string') {
    gap.message += `; ${whatIf.metrics.summary}`;
  }
  return results;
}
