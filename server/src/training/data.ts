// Seeded synthetic data: inputs of the model's input shape, targets from a random
// "teacher" network (d -> 32 tanh -> k) plus noise, matched to the task. A learnable
// but noisy signal: a model that generalizes fits the teacher, one that memorizes
// also fits the noise, and the gap between train and validation loss shows it.
import { argmax } from './losses';
import type { ModelSpec } from './modelSpec';
import { Rng } from './rng';
import { classCount, outputRange, type Task } from './task';

export interface Dataset {
  x: Float32Array | Int32Array;
  y: Float32Array;
  /** Full shapes including the sample dimension. */
  xShape: number[];
  yShape: number[];
  n: number;
}

export interface DataOptions {
  n: number;
  seed: number;
  /** Gaussian noise added to standardized regression targets. */
  noise?: number;
  /** Fraction of class labels replaced by a uniformly random class. */
  labelNoise?: number;
}

const HIDDEN = 32;
const TOKEN_DIM = 16;

export function makeData(spec: ModelSpec, task: Task, opts: DataOptions): Dataset {
  const rng = new Rng(opts.seed);
  const n = opts.n;
  const perSample = spec.inputShape.reduce((a, b) => a * b, 1);
  const tokens = spec.inputDtype === 'int32';
  const vocab = tokens ? vocabOf(spec) : 0;
  const x = tokens ? new Int32Array(n * perSample) : new Float32Array(n * perSample);
  for (let i = 0; i < x.length; i++) x[i] = tokens ? rng.int(vocab) : rng.normal();

  // Teacher features: the raw inputs, or for tokens the mean of random token embeddings.
  const d = tokens ? TOKEN_DIM : perSample;
  const embed = tokens ? randomMatrix(rng, vocab, TOKEN_DIM, 1) : undefined;
  const feature = (i: number, out: Float32Array) => {
    if (!embed) {
      for (let j = 0; j < d; j++) out[j] = x[i * perSample + j];
      return;
    }
    out.fill(0);
    for (let t = 0; t < perSample; t++) {
      const tok = x[i * perSample + t];
      for (let j = 0; j < d; j++) out[j] += embed[tok * d + j] / perSample;
    }
    for (let j = 0; j < d; j++) out[j] *= Math.sqrt(perSample);
  };
  const k = task.kind === 'multiclass' ? (task.units >= 2 ? task.units : 1) : task.units;
  const w1 = randomMatrix(rng, d, HIDDEN, 1 / Math.sqrt(d));
  const w2 = randomMatrix(rng, HIDDEN, k, 1 / Math.sqrt(HIDDEN));
  const o = new Float32Array(n * k);
  const f = new Float32Array(d);
  const h = new Float32Array(HIDDEN);
  for (let i = 0; i < n; i++) {
    feature(i, f);
    for (let u = 0; u < HIDDEN; u++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += f[j] * w1[j * HIDDEN + u];
      h[u] = Math.tanh(s);
    }
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let u = 0; u < HIDDEN; u++) s += h[u] * w2[u * k + c];
      o[i * k + c] = s;
    }
  }
  standardize(o, n, k);
  return { x, xShape: [n, ...spec.inputShape], n, ...targets(task, o, n, k, rng, opts) };
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
  const xs = d.x.length / d.n, ys = d.y.length / d.n;
  return {
    x: d.x.slice(from * xs, to * xs),
    y: d.y.slice(from * ys, to * ys),
    xShape: [to - from, ...d.xShape.slice(1)],
    yShape: [to - from, ...d.yShape.slice(1)],
    n: to - from,
  };
}

/** The same inputs with the targets randomly permuted across samples (Zhang et al. 2017). */
export function shuffleTargets(d: Dataset, seed: number): Dataset {
  const ys = d.y.length / d.n;
  const perm = new Rng(seed).permutation(d.n);
  const y = new Float32Array(d.y.length);
  perm.forEach((src, i) => y.set(d.y.subarray(src * ys, (src + 1) * ys), i * ys));
  return { ...d, y };
}

/** A standardized target squashed into [lo, hi] (sigmoid) or [max(lo, 0), ∞) (softplus). */
function intoRange(v: number, range: [number, number] | undefined): number {
  if (!range) return v;
  const [lo, hi] = range;
  if (Number.isFinite(hi)) return lo + (hi - lo) / (1 + Math.exp(-v));
  return Math.max(lo, 0) + Math.log1p(Math.exp(v));
}

function vocabOf(spec: ModelSpec): number {
  const v = spec.layers[0]?.config.inputDim;
  return typeof v === 'number' && v > 0 ? v : 1000;
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
