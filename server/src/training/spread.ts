// Seed-to-seed statistics: every number that is a claim carries its spread over the seeds
// ("val loss −18% ± 4% over 3 seeds"), and an effect is claimed only when it is larger
// than that spread.

export function mean(v: readonly number[]): number {
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
}

/** Sample standard deviation (n - 1); 0 for one value. */
export function sd(v: readonly number[]): number {
  if (v.length < 2) return 0;
  const m = mean(v);
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
}

/**
 * A change measured on several seeds is claimed when every seed moves the same way, its
 * mean is larger than the seed-to-seed spread (sd), and it is at least `minSize` (smaller
 * changes are not worth acting on). Returns the sign claimed, or 0.
 */
export function clearSign(changes: readonly number[], minSize: number): -1 | 0 | 1 {
  if (changes.length < 2 || changes.some((c) => !Number.isFinite(c))) return 0;
  const m = mean(changes);
  const sameWay = changes.every((c) => Math.sign(c) === Math.sign(m) && c !== 0);
  return sameWay && Math.abs(m) > sd(changes) && Math.abs(m) >= minSize ? (Math.sign(m) as -1 | 1) : 0;
}

/** "−18% ± 4%" (mean ± sd of relative changes). */
export function pctSpread(changes: readonly number[]): string {
  return pctMeanSd(mean(changes), sd(changes));
}

export function pctMeanSd(m: number, s: number): string {
  const p = (x: number) => `${Math.round(Math.abs(100 * x))}%`;
  return `${m < 0 ? '−' : '+'}${p(m)} ± ${p(s)}`;
}

/** "0.231 ± 0.012" (mean ± sd of values). */
export function numSpread(values: readonly number[], digits = 3): string {
  const m = mean(values), s = sd(values);
  const f = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(1) : x.toPrecision(digits));
  return `${f(m)} ± ${f(s)}`;
}

export function seedsText(n: number): string {
  return `${n} seed${n === 1 ? '' : 's'}`;
}
