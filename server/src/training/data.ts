// Seeded synthetic data: inputs of the model's input shape, targets from a random
// "teacher" network (d -> 32 tanh -> k) plus noise, matched to the task. A learnable
// but noisy signal: a model that generalizes fits the teacher, one that memorizes
// also fits the noise, and the gap between train and validation loss shows it.
import { argmax } from './losses';
import type { ModelSpec } from './modelSpec';
import { Rng } from './rng';
import { applicationsOf, inputsOf } from './specTopology';
import { classCount, outputRange, type Task } from './task';
import type { Tensor, Tf } from './tf';

export interface Dataset {
  /** The (first) input, row-major. */
  x: Float32Array | Int32Array;
  /** The (first) head's targets: the ones the checks judge. */
  y: Float32Array;
  /** Full shapes including the sample dimension. */
  xShape: number[];
  yShape: number[];
  n: number;
  /** The model's further inputs, in order, when it has several. */
  moreX?: { x: Float32Array | Int32Array; shape: number[]; dtype: 'float32' | 'int32' }[];
  /** The model's further heads (trained with their own losses, not judged), when it has several outputs. */
  moreY?: { y: Float32Array; shape: number[]; loss: string }[];
}

export interface DataOptions {
  n: number;
  seed: number;
  /** Gaussian noise added to standardized regression targets. */
  noise?: number;
  /** Fraction of class labels replaced by a uniformly random class. */
  labelNoise?: number;
  /** The tasks of the model's further outputs (a multi-head model), after the first. */
  moreTasks?: Task[];
}

const HIDDEN = 32;
const TOKEN_DIM = 16;

/**
 * Random inputs for every model input (token ids below the embedding's inputDim for an
 * int32 input), and one teacher per head reading all inputs: a learnable but noisy target
 * for each output.
 */
export function makeData(spec: ModelSpec, task: Task, opts: DataOptions): Dataset {
  const rng = new Rng(opts.seed);
  const n = opts.n;
  const features = inputsOf(spec).map((input, k) => {
    const perSample = input.shape.reduce((a, b) => a * b, 1);
    const tokens = input.dtype === 'int32';
    const vocab = tokens ? vocabOf(spec, k) : 0;
    const x = tokens ? new Int32Array(n * perSample) : new Float32Array(n * perSample);
    for (let i = 0; i < x.length; i++) x[i] = tokens ? rng.int(vocab) : rng.normal();
    // Teacher features: the raw inputs, or for tokens the mean of random token embeddings.
    const embed = tokens ? randomMatrix(rng, vocab, TOKEN_DIM, 1) : undefined;
    return { x, perSample, shape: input.shape, dtype: input.dtype, embed, d: tokens ? TOKEN_DIM : perSample };
  });
  const d = features.reduce((a, f) => a + f.d, 0);
  const feature = (i: number, out: Float32Array) => {
    let at = 0;
    for (const f of features) {
      const { x, perSample, embed } = f;
      if (!embed) {
        for (let j = 0; j < f.d; j++) out[at + j] = x[i * perSample + j];
      } else {
        out.fill(0, at, at + f.d);
        for (let t = 0; t < perSample; t++) {
          const tok = x[i * perSample + t];
          for (let j = 0; j < f.d; j++) out[at + j] += embed[tok * f.d + j] / perSample;
        }
        for (let j = 0; j < f.d; j++) out[at + j] *= Math.sqrt(perSample);
      }
      at += f.d;
    }
  };
  const w1 = randomMatrix(rng, d, HIDDEN, 1 / Math.sqrt(d));
  const h = new Float32Array(n * HIDDEN);
  const f = new Float32Array(d);
  for (let i = 0; i < n; i++) {
    feature(i, f);
    for (let u = 0; u < HIDDEN; u++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += f[j] * w1[j * HIDDEN + u];
      h[i * HIDDEN + u] = Math.tanh(s);
    }
  }
  const head = (t: Task) => {
    const k = t.kind === 'multiclass' ? (t.units >= 2 ? t.units : 1) : t.units;
    const w2 = randomMatrix(rng, HIDDEN, k, 1 / Math.sqrt(HIDDEN));
    const o = new Float32Array(n * k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let u = 0; u < HIDDEN; u++) s += h[i * HIDDEN + u] * w2[u * k + c];
        o[i * k + c] = s;
      }
    }
    standardize(o, n, k);
    const made = targets(t, o, n, k, rng, opts);
    return t.outputShape ? { ...made, yShape: [n, ...t.outputShape] } : made;
  };
  const [first, ...rest] = features;
  const data: Dataset = { x: first.x, xShape: [n, ...first.shape], n, ...head(task) };
  if (rest.length) data.moreX = rest.map((r) => ({ x: r.x, shape: [n, ...r.shape], dtype: r.dtype }));
  if (opts.moreTasks?.length) {
    data.moreY = opts.moreTasks.map((t) => {
      const { y, yShape } = head(t);
      return { y, shape: yShape, loss: t.loss };
    });
  }
  return data;
}

function targets(task: Task, o: Float32Array, n: number, k: number, rng: Rng, opts: DataOptions) {
  const p = opts.labelNoise ?? 0.2;
  if (task.kind === 'regression') {
    const sigma = opts.noise ?? 0.3;
    const y = new Float32Array(n * k);
    // Targets a bounded output can reach (a relu regression predicts counts, prices...).
    const range = outputRange(task.activation);
    for (let i = 0; i < y.length; i++) y[i] = intoRange(o[i] + sigma * rng.normal(), range);
    return { y, yShape: [n, k] };
  }
  if (task.kind === 'binary' || k === 1) {
    // Binary labels per output unit (also what a user feeds a 1-unit softmax).
    const y = new Float32Array(n * k);
    for (let i = 0; i < y.length; i++) y[i] = (o[i] > 0) !== rng.uniform() < p ? 1 : 0;
    return { y, yShape: [n, k] };
  }
  const classes = classCount(task);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = rng.uniform() < p ? rng.int(classes) : argmax(o, i * k, k);
  }
  if (task.sparse) return { y: Float32Array.from(labels), yShape: [n, 1] };
  const y = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) y[i * classes + labels[i]] = 1;
  return { y, yShape: [n, classes] };
}

/** Rows [from, to) of a dataset. */
export function sliceData(d: Dataset, from: number, to: number): Dataset {
  const rows = <T extends Float32Array | Int32Array>(a: T): T => {
    const per = a.length / d.n;
    return a.slice(from * per, to * per) as T;
  };
  const out: Dataset = {
    x: rows(d.x),
    y: rows(d.y),
    xShape: [to - from, ...d.xShape.slice(1)],
    yShape: [to - from, ...d.yShape.slice(1)],
    n: to - from,
  };
  if (d.moreX) out.moreX = d.moreX.map((m) => ({ ...m, x: rows(m.x), shape: [to - from, ...m.shape.slice(1)] }));
  if (d.moreY) out.moreY = d.moreY.map((m) => ({ ...m, y: rows(m.y), shape: [to - from, ...m.shape.slice(1)] }));
  return out;
}

/** The rows `rows` of `d` (every input and head), in that order. */
export function selectRows(d: Dataset, rows: readonly number[]): Dataset {
  const pick = <T extends Float32Array | Int32Array>(a: T): T => {
    const per = d.n ? a.length / d.n : 0;
    const out = new (a.constructor as { new (n: number): T })(rows.length * per);
    rows.forEach((src, i) => out.set(a.subarray(src * per, (src + 1) * per), i * per));
    return out;
  };
  const out: Dataset = {
    x: pick(d.x), y: pick(d.y),
    xShape: [rows.length, ...d.xShape.slice(1)], yShape: [rows.length, ...d.yShape.slice(1)], n: rows.length,
  };
  if (d.moreX) out.moreX = d.moreX.map((m) => ({ ...m, x: pick(m.x), shape: [rows.length, ...m.shape.slice(1)] }));
  if (d.moreY) out.moreY = d.moreY.map((m) => ({ ...m, y: pick(m.y), shape: [rows.length, ...m.shape.slice(1)] }));
  return out;
}

/** The same inputs with the targets (every head's) randomly permuted across samples (Zhang et al. 2017). */
export function shuffleTargets(d: Dataset, seed: number): Dataset {
  const perm = new Rng(seed).permutation(d.n);
  const permute = (src: Float32Array): Float32Array => {
    const per = src.length / d.n;
    const y = new Float32Array(src.length);
    perm.forEach((from, i) => y.set(src.subarray(from * per, (from + 1) * per), i * per));
    return y;
  };
  const out: Dataset = { ...d, y: permute(d.y) };
  if (d.moreY) out.moreY = d.moreY.map((m) => ({ ...m, y: permute(m.y) }));
  return out;
}

/** The dataset as the tensors `fit` and `predict` take: one per input and per head (arrays when several). */
export function toTensors(tf: Tf, spec: ModelSpec, d: Dataset): { x: Tensor | Tensor[]; y: Tensor | Tensor[] } {
  const x = tf.tensor(d.x, d.xShape, inputsOf(spec)[0]?.dtype ?? spec.inputDtype);
  const y = tf.tensor(d.y, d.yShape, 'float32');
  return {
    x: d.moreX ? [x, ...d.moreX.map((m) => tf.tensor(m.x, m.shape, m.dtype))] : x,
    y: d.moreY ? [y, ...d.moreY.map((m) => tf.tensor(m.y, m.shape, 'float32'))] : y,
  };
}

/** The loss to compile with: the judged task's, and each further head's own. */
export function compileLoss(task: Task, d: Dataset): string | string[] {
  return d.moreY ? [task.loss, ...d.moreY.map((m) => m.loss)] : task.loss;
}

/** Token ids for the k-th input: below the inputDim of the embedding that reads it (1000 when not known). */
function vocabOf(spec: ModelSpec, k: number): number {
  for (let i = 0; i < spec.layers.length; i++) {
    const l = spec.layers[i];
    if (l.factory !== 'embedding') continue;
    const reads = applicationsOf(spec, i).some((args) => args.some((a) => 'input' in a && a.input === k));
    const v = l.config.inputDim;
    if (reads) return typeof v === 'number' && v > 0 ? v : 1000;
  }
  return 1000;
}

/** A standardized target squashed into [lo, hi] (sigmoid) or [max(lo, 0), ∞) (softplus). */
function intoRange(v: number, range: [number, number] | undefined): number {
  if (!range) return v;
  const [lo, hi] = range;
  if (Number.isFinite(hi)) return lo + (hi - lo) / (1 + Math.exp(-v));
  return Math.max(lo, 0) + Math.log1p(Math.exp(v));
}

function randomMatrix(rng: Rng, rows: number, cols: number, scale: number): Float32Array {
  const m = new Float32Array(rows * cols);
  for (let i = 0; i < m.length; i++) m[i] = rng.normal() * scale;
  return m;
}

function standardize(o: Float32Array, n: number, k: number): void {
  for (let c = 0; c < k; c++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += o[i * k + c] / n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (o[i * k + c] - mean) ** 2 / n;
    const sd = Math.sqrt(v) || 1;
    for (let i = 0; i < n; i++) o[i * k + c] = (o[i * k + c] - mean) / sd;
  }
}
