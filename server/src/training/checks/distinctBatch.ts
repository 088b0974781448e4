// The batch fit-one-batch memorises: rows of the (already shuffled) training set whose
// inputs are all different, classes taken in turn so that every class of the data is in
// it when it can be. Two equal inputs with different labels cannot both be fitted by any
// model, and a batch of one class can be "fitted" by a constant: either would blame the
// model for the data.
import { selectRows, type Dataset } from '../data';

export interface PickedBatch {
  batch: Dataset;
  /** Rows passed over because their input was already in the batch with another label. */
  conflicts: number;
  /** Distinct labels in the batch. */
  labels: number;
}

/** `classes`: the targets are class labels (take the classes in turn); otherwise rows in order. */
export function pickBatch(train: Dataset, size: number, classes: boolean): PickedBatch {
  const n = train.n;
  const ys = n ? train.y.length / n : 0;
  const labelOf = (i: number) => train.y.subarray(i * ys, (i + 1) * ys).join(',');
  const order = classes ? classesInTurn(n, labelOf) : Array.from({ length: n }, (_, i) => i);
  const seen = new Map<string, string>();
  const rows: number[] = [];
  let conflicts = 0;
  for (const i of order) {
    if (rows.length >= size) break;
    // Every input of the row (a model may have several), so two rows differ if any input does.
    const input = [train.x, ...(train.moreX ?? []).map((m) => m.x)].map((x) => x.subarray(i * (x.length / n), (i + 1) * (x.length / n)).join(',')).join('|');
    const before = seen.get(input);
    if (before !== undefined) {
      if (before !== labelOf(i)) conflicts++;
      continue;
    }
    seen.set(input, labelOf(i));
    rows.push(i);
  }
  const batch = selectRows(train, rows);
  return { batch, conflicts, labels: new Set(rows.map(labelOf)).size };
}

/** Row indices, one of each label in turn (labels in order of first appearance). */
function classesInTurn(n: number, labelOf: (i: number) => string): number[] {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = labelOf(i);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const lists = [...groups.values()];
  const out: number[] = [];
  for (let k = 0; out.length < n; k++) for (const g of lists) if (k < g.length) out.push(g[k]);
  return out;
}
