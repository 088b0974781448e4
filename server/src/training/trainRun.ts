// One training run, counted in optimizer steps: shuffled mini-batches (a new seeded order
// every epoch, the last batch partial, as model.fit does), train and validation data loss
// measured in inference mode every `evalEvery` steps, and an optional stopping rule that
// ends the run once the validation curve has said what it will say. Steps go through the
// model's own compiled train function (what fit() calls per batch: the same loss,
// regularization penalties and optimizer) without fit()'s per-batch callbacks and
// bookkeeping, which cost more than the step itself for small models (docs/training.md).
import { buildModel } from './buildModel';
import { compileLoss, toTensors, type Dataset } from './data';
import { dataLoss, fitScore } from './losses';
import type { ModelSpec } from './modelSpec';
import { makeOptimizer, type OptimizerSpec } from './optimizer';
import { Rng, withSeededMathRandom } from './rng';
import { outputsOf } from './specTopology';
import type { Task } from './task';
import type { LayersModel, Tensor, Tf } from './tf';

/** What the stopping rule sees after each evaluation. */
export interface RunHistory {
  /** Optimizer steps at each evaluation. */
  steps: number[];
  train: number[];
  val: number[];
  stepsPerEpoch: number;
}

/** Why a run ended. */
export type StopReason = 'max-steps' | 'budget' | 'nonfinite' | 'turned' | 'converged';

export interface EvalInfo {
  step: number;
  maxSteps: number;
  /** Completed epochs, fractional. */
  epoch: number;
  trainLoss: number;
  valLoss: number;
}

export interface RunOptions {
  batchSize: number;
  optimizer: OptimizerSpec;
  /** Seed for weight init, dropout masks and the batch order. */
  seed: number;
  /** Length of the run: `maxSteps` optimizer steps, or `epochs` passes over the training set. */
  maxSteps?: number;
  epochs?: number;
  /** Steps between evaluations (default: one epoch). */
  evalEvery?: number;
  /** Called after each evaluation; a reason ends the run there. */
  stopRule?: (h: RunHistory) => StopReason | undefined;
  /** Wall-clock limit (Date.now() value): the run stops at the first step past it. */
  deadline?: number;
  onEval?: (e: EvalInfo) => void;
  /** Measure dead ReLU units on the validation inputs at the end. */
  deadRelu?: boolean;
  /** Measure losses only after the last step (curves then hold one point). */
  measureAtEndOnly?: boolean;
  /** Training rows whose loss is measured at each evaluation (default 256; 0 = all). */
  trainEvalRows?: number;
}

export interface DeadReluLayer {
  label: string;
  /** Fraction of all outputs (samples x units) that are <= 0. */
  zeroFraction: number;
  /** Fraction of units that are <= 0 for every validation sample. */
  deadUnits: number;
}

export interface TrainRun {
  /** Whole epochs the run was planned for / ran (steps / steps per epoch, rounded down). */
  epochsPlanned: number;
  epochsRun: number;
  stepsPlanned: number;
  stepsRun: number;
  stepsPerEpoch: number;
  /** Why the run ended before its planned length, if it did. */
  stopped?: Exclude<StopReason, 'max-steps'>;
  /** Data loss before any training. */
  initial: { train: number; val: number };
  /** Data loss at each evaluation, and the optimizer step it was taken at. */
  curves: { train: number[]; val: number[] };
  steps: number[];
  /** Accuracy (classification) or R^2 (regression) at the end. */
  score: { train: number; val: number };
  msPerStep: number;
  msPerEpoch: number;
  deadRelu?: DeadReluLayer[];
}

const DEFAULT_TRAIN_EVAL_ROWS = 256;

export async function trainRun(
  tf: Tf, spec: ModelSpec, task: Task, train: Dataset, val: Dataset, opts: RunOptions,
): Promise<TrainRun> {
  return withSeededMathRandom(opts.seed, async () => {
    const { model, layers } = buildModel(tf, spec);
    const optimizer = makeOptimizer(tf, opts.optimizer);
    model.compile({ optimizer, loss: compileLoss(task, train) });
    const step = trainFunction(model);
    const t = toTensors(tf, spec, train), v = toTensors(tf, spec, val);
    const evalRows = Math.min(train.n, opts.trainEvalRows === 0 ? train.n : opts.trainEvalRows ?? DEFAULT_TRAIN_EVAL_ROWS);
    // Train rows (the first `evalRows`; the data is shuffled already) and validation inputs in
    // one forward pass: RNNs pay per batch and time step.
    const tx = asList(t.x), ty = asList(t.y), vx = asList(v.x);
    const bothList = tx.map((x, i) => (evalRows === train.n ? tf.concat([x, vx[i]]) : tf.concat([x.slice(0, evalRows), vx[i]])));
    const both = bothList.length === 1 ? bothList[0] : bothList;
    const nBoth = evalRows + val.n;
    const trainY = train.y.subarray(0, (train.y.length / train.n) * evalRows);
    const stepsPerEpoch = Math.ceil(train.n / opts.batchSize);
    const maxSteps = opts.maxSteps ?? (opts.epochs ?? 1) * stepsPerEpoch;
    const evalEvery = Math.max(1, opts.evalEvery ?? stepsPerEpoch);
    const order = new Rng(opts.seed ^ 0x5bd1e995);
    try {
      const measure = () => {
        const pred = predict(tf, model, both, nBoth);
        const k = pred.length / nBoth;
        const pt = pred.subarray(0, evalRows * k), pv = pred.subarray(evalRows * k);
        return {
          train: { loss: dataLoss(task, pt, trainY, evalRows), score: fitScore(task, pt, trainY, evalRows) },
          val: { loss: dataLoss(task, pv, val.y, val.n), score: fitScore(task, pv, val.y, val.n) },
        };
      };
      const first = measure();
      const initial = { train: first.train.loss, val: first.val.loss };
      const history: RunHistory = { steps: [], train: [], val: [], stepsPerEpoch };
      let score = { train: NaN, val: NaN };
      let stopped: TrainRun['stopped'];
      let steps = 0;
      let epochX: Tensor[] = [], epochY: Tensor[] = [];
      const start = Date.now();
      const record = () => {
        const m = measure();
        history.steps.push(steps);
        history.train.push(m.train.loss);
        history.val.push(m.val.loss);
        score = { train: m.train.score, val: m.val.score };
        opts.onEval?.({ step: steps, maxSteps, epoch: steps / stepsPerEpoch, trainLoss: m.train.loss, valLoss: m.val.loss });
        if (!Number.isFinite(m.train.loss) || !Number.isFinite(m.val.loss)) return 'nonfinite' as const;
        return opts.stopRule?.(history);
      };
      while (steps < maxSteps) {
        const inEpoch = steps % stepsPerEpoch;
        if (inEpoch === 0) {
          tf.dispose([...epochX, ...epochY]);
          const idx = tf.tensor1d(Int32Array.from(order.permutation(train.n)), 'int32');
          epochX = tx.map((x) => tf.gather(x, idx));
          epochY = ty.map((y) => tf.gather(y, idx));
          idx.dispose();
        }
        const from = inEpoch * opts.batchSize, size = Math.min(opts.batchSize, train.n - from);
        tf.tidy(() => {
          step(epochX.map((x) => x.slice(from, size)), epochY.map((y) => y.slice(from, size)));
        });
        steps++;
        if (opts.deadline !== undefined && Date.now() > opts.deadline) {
          stopped = 'budget';
          break;
        }
        if (opts.measureAtEndOnly ? steps < maxSteps : steps % evalEvery !== 0 && steps < maxSteps) continue;
        const reason = record();
        if (reason && reason !== 'max-steps') {
          stopped = reason;
          break;
        }
      }
      tf.dispose([...epochX, ...epochY]);
      const elapsed = Date.now() - start;
      const run: TrainRun = {
        epochsPlanned: Math.floor(maxSteps / stepsPerEpoch),
        epochsRun: Math.floor(steps / stepsPerEpoch),
        stepsPlanned: maxSteps,
        stepsRun: steps,
        stepsPerEpoch,
        initial,
        curves: { train: history.train, val: history.val },
        steps: history.steps,
        score,
        msPerStep: steps ? elapsed / steps : 0,
        msPerEpoch: steps ? (elapsed / steps) * stepsPerEpoch : 0,
      };
      if (stopped) run.stopped = stopped;
      if (opts.deadRelu) run.deadRelu = measureDeadRelu(tf, model, spec, layers, v.x);
      return run;
    } finally {
      tf.dispose([tx, ty, vx, asList(v.y), bothList].flat());
      model.dispose();
      optimizer.dispose();
    }
  });
}

type StepFunction = (xs: Tensor[], ys: Tensor[]) => void;

/**
 * The compiled model's per-batch train function: fit()'s own step (loss, regularization
 * penalties, optimizer) without its callbacks. A Sequential model keeps it on its inner model.
 */
function trainFunction(model: LayersModel): StepFunction {
  const inner = (model.getClassName() === 'Sequential' ? (model as unknown as { model: LayersModel }).model : model) as unknown as {
    makeTrainFunction(): (data: Tensor[]) => Tensor[];
  };
  const f = inner.makeTrainFunction();
  // Its data: every input, then every target (tfjs-layers' LayersModel.makeTrainFunction).
  return (xs, ys) => void f([...xs, ...ys]);
}

export { toTensors } from './data';

/** One tensor or several (a model with several inputs or heads) as a list. */
function asList(t: Tensor | Tensor[]): Tensor[] {
  return Array.isArray(t) ? t : [t];
}

/** The (first) output's predictions: the one the checks judge. */
export function predict(tf: Tf, model: LayersModel, x: Tensor | Tensor[], batchSize = 512): Float32Array {
  return tf.tidy(() => {
    const out = model.predict(x, { batchSize });
    return (Array.isArray(out) ? out[0] : out).dataSync() as Float32Array;
  });
}

/** Dead-ReLU statistics on (up to) 128 validation inputs, one forward pass for all layers. */
function measureDeadRelu(tf: Tf, model: LayersModel, spec: ModelSpec, layers: unknown[], x: Tensor | Tensor[]): DeadReluLayer[] {
  const modelOutputs = new Set(outputsOf(spec).map((o) => ('layer' in o ? o.layer : '')));
  const picked = spec.layers
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => (l.config.activation === 'relu' || l.factory === 'reLU') && !modelOutputs.has(l.label) && (l.inbound?.length ?? 1) === 1);
  if (picked.length === 0) return [];
  const outputs = picked.map(({ i }) => (layers[i] as { output: unknown }).output);
  const probe = tf.model({ inputs: model.inputs, outputs: outputs as never });
  const n = Math.min(128, (Array.isArray(x) ? x[0] : x).shape[0]);
  return tf.tidy(() => {
    const sample = Array.isArray(x) ? x.map((t) => t.slice(0, n)) : x.slice(0, n);
    const res = probe.predict(sample, { batchSize: n });
    const arr = (Array.isArray(res) ? res : [res]) as Tensor[];
    return picked.map(({ l }, k) => {
      const values = arr[k].dataSync();
      const units = arr[k].shape[arr[k].shape.length - 1] as number;
      const rows = values.length / units;
      let zeros = 0;
      const alive = new Uint8Array(units);
      for (let r = 0; r < rows; r++) {
        for (let u = 0; u < units; u++) {
          if (values[r * units + u] <= 0) zeros++;
          else alive[u] = 1;
        }
      }
      return { label: l.label, zeroFraction: zeros / values.length, deadUnits: 1 - alive.reduce((a, b) => a + b, 0) / units };
    });
  });
}
