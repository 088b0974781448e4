// The yardsticks a trained model must beat on the same split: the best constant prediction
// (chance: the training targets' mean, or class frequencies) and a linear model (least
// squares for regression, logistic or softmax regression for classification) on the
// flattened inputs, ridge-penalized with the penalty chosen on the validation split, the
// same favour the network gets by being judged at its best evaluation. Plain JS in float64:
// exact solutions in milliseconds for tabular data, no training run.
import type { Dataset } from './data';
import { dataLoss } from './losses';
import type { Task } from './task';

export interface Baseline {
  /** Validation data loss. */
  valLoss: number;
  /** Per-sample validation losses (for paired comparisons with the network). */
  perSample: Float64Array;
}

export interface Baselines {
  chance: Baseline;
  /** Undefined when a linear model does not apply (token inputs) or the inputs are too wide. */
  linear?: Baseline & { penalty: number };
  /** Why there is no linear baseline, when there is none. */
  linearNote?: string;
}

/** Widest input (features x outputs) the linear baseline solves exactly. */
const MAX_PARAMS = 200;
const PENALTIES = [1e-4, 1e-2, 1, 100];

export function measureBaselines(task: Task, train: Dataset, val: Dataset, tokens: boolean): Baselines {
  const out: Baselines = { chance: constantBaseline(task, train, val) };
  if (tokens) out.linearNote = 'inputs are token ids: no linear baseline';
  else {
    const d = train.x.length / train.n, k = train.y.length / train.n;
    if ((d + 1) * k > MAX_PARAMS) out.linearNote = `${d} inputs x ${k} outputs is too wide for the exact linear baseline`;
    else out.linear = linearBaseline(task, train, val);
  }
  return out;
}

/** Per-sample data losses of predictions `pred` (n x k) against `y`. */
export function perSampleLoss(task: Task, pred: ArrayLike<number>, y: ArrayLike<number>, n: number): Float64Array {
  const k = pred.length / n, ky = y.length / n;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = dataLoss(task, Array.prototype.slice.call(pred, i * k, (i + 1) * k), Array.prototype.slice.call(y, i * ky, (i + 1) * ky), 1);
  }
  return out;
}

function constantBaseline(task: Task, train: Dataset, val: Dataset): Baseline {
  const k = train.y.length / train.n;
  const c = new Float64Array(task.sparse ? Math.max(2, task.units) : k);
  for (let i = 0; i < train.n; i++) {
    if (task.sparse) c[train.y[i]] += 1 / train.n;
    else for (let j = 0; j < k; j++) c[j] += train.y[i * k + j] / train.n;
  }
  const pred = new Float32Array(val.n * c.length);
  for (let i = 0; i < val.n; i++) pred.set(c, i * c.length);
  return baselineOf(task, pred, val);
}

function baselineOf(task: Task, pred: Float32Array, val: Dataset): Baseline {
  const perSample = perSampleLoss(task, pred, val.y, val.n);
  return { valLoss: perSample.reduce((a, b) => a + b, 0) / val.n, perSample };
}

/** Standardized design matrix with a leading 1 column (float64, row-major). */
function design(d: Dataset, mean: Float64Array, sd: Float64Array): Float64Array {
  const p = mean.length;
  const x = new Float64Array(d.n * (p + 1));
  for (let i = 0; i < d.n; i++) {
    x[i * (p + 1)] = 1;
    for (let j = 0; j < p; j++) x[i * (p + 1) + j + 1] = (d.x[i * p + j] - mean[j]) / sd[j];
  }
  return x;
}

function linearBaseline(task: Task, train: Dataset, val: Dataset): Baseline & { penalty: number } {
  const p = train.x.length / train.n;
  const mean = new Float64Array(p), sd = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < train.n; i++) mean[j] += train.x[i * p + j] / train.n;
    for (let i = 0; i < train.n; i++) sd[j] += (train.x[i * p + j] - mean[j]) ** 2 / train.n;
    sd[j] = Math.sqrt(sd[j]) || 1;
  }
  const xt = design(train, mean, sd), xv = design(val, mean, sd);
  let best: (Baseline & { penalty: number }) | undefined;
  for (const penalty of PENALTIES) {
    const predict = task.kind === 'regression' ? ridge(xt, train, p + 1, penalty) : softmaxRegression(task, xt, train, p + 1, penalty);
    const b = baselineOf(task, predict(xv, val.n), val);
    if (Number.isFinite(b.valLoss) && (!best || b.valLoss < best.valLoss)) best = { ...b, penalty };
  }
  return best ?? { ...constantBaseline(task, train, val), penalty: Infinity };
}

type Predictor = (x: Float64Array, n: number) => Float32Array;

/** Least squares with a ridge penalty on the weights (not the intercept), per output column. */
function ridge(x: Float64Array, d: Dataset, q: number, penalty: number): Predictor {
  const k = d.y.length / d.n;
  const a = new Float64Array(q * q);
  for (let i = 0; i < d.n; i++) {
    for (let r = 0; r < q; r++) {
      const xr = x[i * q + r];
      for (let c = r; c < q; c++) a[r * q + c] += xr * x[i * q + c];
    }
  }
  for (let r = 0; r < q; r++) for (let c = 0; c < r; c++) a[r * q + c] = a[c * q + r];
  for (let r = 1; r < q; r++) a[r * q + r] += penalty;
  const w = new Float64Array(q * k);
  for (let o = 0; o < k; o++) {
    const b = new Float64Array(q);
    for (let i = 0; i < d.n; i++) for (let r = 0; r < q; r++) b[r] += x[i * q + r] * d.y[i * k + o];
    const sol = solve(a, b, q);
    for (let r = 0; r < q; r++) w[r * k + o] = sol[r];
  }
  return (xv, n) => {
    const out = new Float32Array(n * k);
    for (let i = 0; i < n; i++) for (let o = 0; o < k; o++) {
      let s = 0;
      for (let r = 0; r < q; r++) s += xv[i * q + r] * w[r * k + o];
      out[i * k + o] = s;
    }
    return out;
  };
}

/**
 * Logistic (one sigmoid output) or softmax regression by Newton's method with a ridge
 * penalty: the exact penalized maximum-likelihood linear classifier.
 */
function softmaxRegression(task: Task, x: Float64Array, d: Dataset, q: number, penalty: number): Predictor {
  const sigmoid = task.kind === 'binary' || d.y.length / d.n === 1;
  const classes = sigmoid ? 1 : task.sparse ? Math.max(2, task.units) : d.y.length / d.n;
  const target = (i: number, c: number) => sigmoid ? d.y[i] : task.sparse ? (d.y[i] === c ? 1 : 0) : d.y[i * classes + c];
  const m = q * classes;
  const w = new Float64Array(m);
  const probs = (xs: Float64Array, i: number, out: Float64Array) => {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) {
      let s = 0;
      for (let r = 0; r < q; r++) s += xs[i * q + r] * w[r * classes + c];
      out[c] = s;
      max = Math.max(max, s);
    }
    if (sigmoid) {
      out[0] = 1 / (1 + Math.exp(-out[0]));
      return;
    }
    let z = 0;
    for (let c = 0; c < classes; c++) z += (out[c] = Math.exp(out[c] - max));
    for (let c = 0; c < classes; c++) out[c] /= z;
  };
  const pr = new Float64Array(classes);
  for (let iter = 0; iter < 25; iter++) {
    const g = new Float64Array(m), h = new Float64Array(m * m);
    for (let i = 0; i < d.n; i++) {
      probs(x, i, pr);
      for (let c = 0; c < classes; c++) {
        const e = pr[c] - target(i, c);
        for (let r = 0; r < q; r++) g[r * classes + c] += e * x[i * q + r];
        for (let c2 = 0; c2 < classes; c2++) {
          const s = sigmoid ? pr[0] * (1 - pr[0]) : pr[c] * ((c === c2 ? 1 : 0) - pr[c2]);
          if (s === 0) continue;
          for (let r = 0; r < q; r++) {
            const xr = s * x[i * q + r];
            for (let r2 = 0; r2 < q; r2++) h[(r * classes + c) * m + r2 * classes + c2] += xr * x[i * q + r2];
          }
        }
      }
    }
    for (let r = 1; r < q; r++) for (let c = 0; c < classes; c++) {
      const j = r * classes + c;
      g[j] += penalty * w[j];
      h[j * m + j] += penalty;
    }
    // The softmax is invariant to a shift of all classes' intercepts: a tiny ridge keeps H invertible.
    for (let j = 0; j < m; j++) h[j * m + j] += 1e-8;
    const step = solve(h, g, m);
    let size = 0;
    for (let j = 0; j < m; j++) {
      w[j] -= step[j];
      size = Math.max(size, Math.abs(step[j]));
    }
    if (!(size > 1e-6)) break;
  }
  return (xv, n) => {
    const out = new Float32Array(n * classes);
    for (let i = 0; i < n; i++) {
      probs(xv, i, pr);
      for (let c = 0; c < classes; c++) out[i * classes + c] = pr[c];
    }
    return out;
  };
}

/** Solves A x = b for a symmetric positive definite A (Cholesky; A is not modified). */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j * n + j];
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}
