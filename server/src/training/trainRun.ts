// One training run: a fixed number of epochs on seeded data, measuring train and
// validation data loss in inference mode after every epoch. The time budget only caps
// the run (it stops early and says so): curves are compared at equal epochs.
import { buildModel } from './buildModel';
import { compileLoss, toTensors, type Dataset } from './data';
import { dataLoss, fitScore } from './losses';
import type { ModelSpec } from './modelSpec';
import { makeOptimizer, type OptimizerSpec } from './optimizer';
import { withSeededMathRandom } from './rng';
import { outputsOf } from './specTopology';
import type { Task } from './task';
import type { LayersModel, Tensor, Tf } from './tf';

export interface EpochInfo {
  epoch: number;
  epochs: number;
  trainLoss: number;
  valLoss: number;
}

export interface RunOptions {
  epochs: number;
  batchSize: number;
  optimizer: OptimizerSpec;
  /** Seed for weight init, dropout masks and shuffling. */
  seed: number;
  /** Wall-clock limit (Date.now() value): the run stops before an epoch that would pass it. */
  deadline?: number;
  onEpoch?: (e: EpochInfo) => void;
  /** Measure dead ReLU units on the validation inputs at the end. */
  deadRelu?: boolean;
  /** Measure losses only after the last epoch (curves then hold one point): half the cost. */
  measureAtEndOnly?: boolean;
}

export interface DeadReluLayer {
  label: string;
  /** Fraction of all outputs (samples x units) that are <= 0. */
  zeroFraction: number;
  /** Fraction of units that are <= 0 for every validation sample. */
  deadUnits: number;
}

export interface TrainRun {
  epochsPlanned: number;
  epochsRun: number;
  /** Why the run ended early, if it did. */
  stopped?: 'budget' | 'nonfinite';
  /** Data loss before any training. */
  initial: { train: number; val: number };
  curves: { train: number[]; val: number[] };
  /** Accuracy (classification) or R^2 (regression) at the end. */
  score: { train: number; val: number };
  msPerEpoch: number;
  deadRelu?: DeadReluLayer[];
}

export async function trainRun(
  tf: Tf, spec: ModelSpec, task: Task, train: Dataset, val: Dataset, opts: RunOptions,
): Promise<TrainRun> {
  return withSeededMathRandom(opts.seed, async () => {
    const { model, layers } = buildModel(tf, spec);
    const optimizer = makeOptimizer(tf, opts.optimizer);
    model.compile({ optimizer, loss: compileLoss(task, train) });
    const t = toTensors(tf, spec, train), v = toTensors(tf, spec, val);
    // Train and validation inputs in one forward pass: RNNs pay per batch and time step.
    const both = Array.isArray(t.x) ? t.x.map((x, i) => tf.concat([x, (v.x as Tensor[])[i]])) : tf.concat([t.x, v.x as Tensor]);
    const nBoth = train.n + val.n;
    try {
      const measureBoth = () => {
        const pred = predict(tf, model, both, nBoth);
        const k = pred.length / nBoth;
        const pt = pred.subarray(0, train.n * k), pv = pred.subarray(train.n * k);
        return [
          { loss: dataLoss(task, pt, train.y, train.n), score: fitScore(task, pt, train.y, train.n) },
          { loss: dataLoss(task, pv, val.y, val.n), score: fitScore(task, pv, val.y, val.n) },
        ];
      };
      const [it, iv] = measureBoth();
      const initial = { train: it.loss, val: iv.loss };
      const curves = { train: [] as number[], val: [] as number[] };
      let score = { train: NaN, val: NaN };
      let stopped: TrainRun['stopped'];
      let epochsRun = 0;
      const start = Date.now();
      for (let e = 0; e < opts.epochs; e++) {
        // Stop before an epoch that cannot finish in time (the first epoch is slower:
        // warm-up), and cut an epoch at the deadline; partial curves say so.
        const perEpoch = e > 1 ? (Date.now() - start) / e : 0;
        if (opts.deadline !== undefined && Date.now() + perEpoch > opts.deadline) {
          stopped = 'budget';
          break;
        }
        let cut = false;
        await model.fit(t.x, t.y, {
          epochs: 1, batchSize: opts.batchSize, shuffle: true, verbose: 0,
          callbacks: {
            onBatchEnd: async () => {
              if (opts.deadline !== undefined && Date.now() > opts.deadline) {
                cut = true;
                model.stopTraining = true;
              }
            },
          },
        });
        if (cut) {
          stopped = 'budget';
          break;
        }
        epochsRun++;
        if (opts.measureAtEndOnly && e < opts.epochs - 1) continue;
        const [mt, mv] = measureBoth();
        curves.train.push(mt.loss);
        curves.val.push(mv.loss);
        score = { train: mt.score, val: mv.score };
        opts.onEpoch?.({ epoch: e + 1, epochs: opts.epochs, trainLoss: mt.loss, valLoss: mv.loss });
        if (!Number.isFinite(mt.loss) || !Number.isFinite(mv.loss)) {
          stopped = 'nonfinite';
          break;
        }
      }
      const run: TrainRun = {
        epochsPlanned: opts.epochs,
        epochsRun,
        initial,
        curves,
        score,
        msPerEpoch: epochsRun ? (Date.now() - start) / epochsRun : 0,
      };
      if (stopped) run.stopped = stopped;
      if (opts.deadRelu) run.deadRelu = measureDeadRelu(tf, model, spec, layers, v.x);
      return run;
    } finally {
      tf.dispose([t.x, t.y, v.x, v.y, both].flat());
      model.dispose();
      optimizer.dispose();
    }
  });
}

export { toTensors } from './data';

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
