// What a learning curve says, with its noise: the validation loss smoothed over a few
// evaluations, where it was lowest, how far it has risen since (relative, and in units of
// the curve's own noise), and whether the training loss has stopped falling. Shared by the
// stopping rule (during a run) and the verdicts (after it).

/** Evaluations averaged by the smoother (a centred mean; fewer points at the ends). */
export const SMOOTHING_WINDOW = 5;

/** Centred running mean over `w` points (w odd), truncated at both ends: no lag in the middle. */
export function smooth(v: readonly number[], w = SMOOTHING_WINDOW): number[] {
  const h = Math.floor(w / 2);
  const prefix = [0];
  for (const x of v) prefix.push(prefix[prefix.length - 1] + x);
  return v.map((_, i) => {
    const from = Math.max(0, i - h), to = Math.min(v.length, i + h + 1);
    return (prefix[to] - prefix[from]) / (to - from);
  });
}

export function median(v: readonly number[]): number {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The standard deviation of one evaluation's deviation from the curve's local trend: from
 * second differences (v[i] - (v[i-1] + v[i+1]) / 2 removes a locally linear trend; its
 * variance is 1.5 sd^2 for independent noise), as a median absolute value scaled to a
 * Gaussian sd, so single spikes do not inflate it.
 */
export function curveNoise(v: readonly number[]): number {
  if (v.length < 3) return 0;
  const d: number[] = [];
  for (let i = 1; i < v.length - 1; i++) d.push(Math.abs(v[i] - (v[i - 1] + v[i + 1]) / 2));
  return (1.4826 * median(d)) / Math.sqrt(1.5);
}

export interface CurveSummary {
  evals: number;
  steps: number;
  /** Lowest smoothed validation loss, its evaluation index and optimizer step. */
  best: number;
  bestIndex: number;
  bestStep: number;
  /**
   * The first step at which the smoothed curve came within its noise (or 1%) of the best:
   * where the plateau or the valley floor begins. On a flat curve the exact minimum wanders
   * with the noise; waiting is measured from here.
   */
  reachedStep: number;
  /** Validation loss at the end: the mean of the last SMOOTHING_WINDOW evaluations. */
  end: number;
  /** end - best, and relative to best. */
  rise: number;
  relRise: number;
  /** The rise in units of the smoothed curve's noise (noise / sqrt(window)). */
  riseZ: number;
  /**
   * How far below its true level the minimum of the smoothed curve is expected to fall by
   * chance alone, in the same units: the best of n/window roughly independent points of a
   * Gaussian, sqrt(2 ln(n / window)). A rise must exceed this before it counts.
   */
  minBiasZ: number;
  /** Noise (sd) of one evaluation of the validation loss. */
  noise: number;
  /** Training loss (smoothed) at the best evaluation and at the end. */
  trainAtBest: number;
  trainEnd: number;
  /** Relative fall of the smoothed training loss over the second half of the run (0 = plateau). */
  trainFall: number;
  /** Raw validation loss at the end (last evaluation). */
  lastVal: number;
}

export function summarizeCurve(steps: readonly number[], train: readonly number[], val: readonly number[], w = SMOOTHING_WINDOW): CurveSummary {
  const sv = smooth(val, w), st = smooth(train, w);
  let bestIndex = 0;
  for (let i = 1; i < sv.length; i++) if (sv[i] < sv[bestIndex]) bestIndex = i;
  const tail = val.slice(-w);
  const best = sv[bestIndex], end = tail.reduce((a, b) => a + b, 0) / tail.length;
  const noise = curveNoise(val);
  const half = st[Math.floor((st.length - 1) / 2)];
  const trainEnd = st[st.length - 1];
  const rise = end - best;
  const sdSmoothed = noise / Math.sqrt(Math.min(w, val.length)) || Number.EPSILON;
  const tolerance = Math.max(0.01 * Math.abs(best), 2 * sdSmoothed);
  const reached = sv.findIndex((v) => v <= best + tolerance);
  return {
    evals: val.length, steps: steps[steps.length - 1] ?? 0,
    best, bestIndex, bestStep: steps[bestIndex] ?? 0, reachedStep: steps[reached] ?? 0, end, rise, relRise: best > 0 ? rise / best : 0,
    riseZ: rise / sdSmoothed, minBiasZ: Math.sqrt(2 * Math.log(Math.max(1, val.length / w))), noise,
    trainAtBest: st[bestIndex], trainEnd, trainFall: half > 0 ? (half - trainEnd) / half : 0,
    lastVal: val[val.length - 1],
  };
}
