// Loss and accuracy computed in plain JS from predictions, in inference mode and
// without regularization penalties: the data loss, comparable across the baseline
// and the what-if (whose dropout and L2 would otherwise inflate training loss).
import type { Task } from './task';

const EPS = 1e-7;

export function dataLoss(task: Task, pred: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  const k = pred.length / n;
  let total = 0;
  switch (task.loss) {
    case 'meanSquaredError':
      for (let i = 0; i < pred.length; i++) total += (pred[i] - y[i]) ** 2;
      return total / pred.length;
    case 'meanAbsoluteError':
      for (let i = 0; i < pred.length; i++) total += Math.abs(pred[i] - y[i]);
      return total / pred.length;
    case 'binaryCrossentropy':
      for (let i = 0; i < pred.length; i++) {
        const p = clip(pred[i]);
        total -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
      }
      return total / pred.length;
    case 'categoricalCrossentropy':
    case 'sparseCategoricalCrossentropy': {
      // tfjs normalizes the outputs to sum 1 before the log; so do we.
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let c = 0; c < k; c++) sum += pred[i * k + c];
        for (let c = 0; c < k; c++) {
          const t = task.sparse ? (y[i] === c ? 1 : 0) : y[i * k + c];
          if (t) total -= t * Math.log(clip(pred[i * k + c] / sum));
        }
      }
      return total / n;
    }
    default:
      throw new Error(`unsupported loss ${task.loss}`);
  }
}

/** Classification accuracy, or for regression R^2 (1 = perfect). */
export function fitScore(task: Task, pred: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  const k = pred.length / n;
  if (task.kind === 'regression') {
    let mean = 0;
    for (let i = 0; i < y.length; i++) mean += y[i] / y.length;
    let ss = 0, res = 0;
    for (let i = 0; i < y.length; i++) {
      ss += (y[i] - mean) ** 2;
      res += (y[i] - pred[i]) ** 2;
    }
    return ss > 0 ? 1 - res / ss : 0;
  }
  let right = 0;
  if (task.kind === 'binary' || k === 1) {
    for (let i = 0; i < pred.length; i++) right += (pred[i] > 0.5 ? 1 : 0) === (y[i] > 0.5 ? 1 : 0) ? 1 : 0;
    return right / pred.length;
  }
  for (let i = 0; i < n; i++) {
    const best = argmax(pred, i * k, k);
    const label = task.sparse ? y[i] : argmax(y, i * k, k);
    right += best === label ? 1 : 0;
  }
  return right / n;
}

/** Loss of the best constant prediction (class frequencies, target means): "learned nothing". */
export function chanceLoss(task: Task, y: ArrayLike<number>, n: number): number {
  if (task.sparse) {
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) counts.set(y[i], (counts.get(y[i]) ?? 0) + 1);
    return -[...counts.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  }
  const k = y.length / n;
  const means = new Float64Array(k);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) means[c] += y[i * k + c] / n;
  const pred = new Float32Array(n * k);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) pred[i * k + c] = means[c];
  return dataLoss(task, pred, y, n);
}

/** Index (0..k-1) of the largest of a[from], ..., a[from + k - 1]; the first one on ties. */
export function argmax(a: ArrayLike<number>, from: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (a[from + c] > a[from + best]) best = c;
  return best;
}

function clip(p: number): number {
  return Math.min(Math.max(p, EPS), 1 - EPS);
}
