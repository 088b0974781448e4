// Curve statistics from Prechelt, "Early stopping - but when?" (1998).

/** GL(t) = 100 * (E_va(t) / min_{t'<=t} E_va(t') - 1), for every t. */
export function generalizationLoss(val: number[]): number[] {
  let min = Infinity;
  return val.map((v) => {
    min = Math.min(min, v);
    return 100 * (v / min - 1);
  });
}

/** P_k(t) = 1000 * (sum of the last k train losses / (k * their min) - 1), at the end. */
export function trainingProgress(train: number[], k = 5): number {
  const last = train.slice(-k);
  if (last.length === 0) return NaN;
  const min = Math.min(...last);
  return 1000 * (last.reduce((a, b) => a + b, 0) / (last.length * min) - 1);
}

/** 1-based epoch of the lowest val loss, when val then rose by more than `tolerance`. */
export function turnUpEpoch(val: number[], tolerance = 0.05): number | undefined {
  if (val.length < 2) return undefined;
  let best = 0;
  val.forEach((v, i) => (v < val[best] ? (best = i) : undefined));
  const final = val[val.length - 1];
  return best < val.length - 1 && final > val[best] * (1 + tolerance) ? best + 1 : undefined;
}
