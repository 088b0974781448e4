// The stopping rule: train as long as the data needs, not a fixed epoch count. After each
// evaluation it asks whether the smoothed validation curve has said what it will say:
// - turned: the smoothed loss has risen a material amount (10%, the ground truth's own bar)
//   from its minimum, by more than 3 standard deviations of its noise beyond the luck of
//   that minimum (the minimum of many noisy points sits below the curve's true floor:
//   curveStats' minBiasZ);
// - converged: trained on for as long again as it took to reach its best level (patience
//   scales with where the minimum is, so an 84-row file and a 2,000-row file are judged
//   alike) and for at least 50 epochs (the ground truth's own minimum: big models reach a
//   first plateau within a few epochs and overfit later), with no material rise, and the
//   training loss has stopped falling (under 1% over the second half of the run).
// A rise counts only while the training loss keeps falling (both curves bumping up together
// is the optimizer, not memorization) and once it has lasted as long again as the minimum
// took (the same wait as "converged"): overfitting keeps drifting up, while a bump some
// epochs past an early minimum can be a transient that a longer run descends past. At the
// step cap (the ground truth's own length) a rise counts as it stands.
// Otherwise it trains on, until the step cap or the time budget.
import { summarizeCurve, type CurveSummary } from './checks/curveStats';
import type { RunHistory, StopReason } from './trainRun';

export const STOPPING = {
  /** Evaluations before any decision. */
  minEvals: 12,
  /** Steps since the best evaluation, as a multiple of the steps to reach it... */
  patienceFactor: 1,
  /** ...and at least this many evaluations. */
  minPatienceEvals: 10,
  /** A rise counts when it is this large relative to the best... */
  materialRise: 0.1,
  /** ...and this many noise standard deviations of the smoothed curve. */
  riseZ: 3,
  /** Training loss falling less than this (relative) over the second half: a plateau. */
  plateau: 0.01,
  /**
   * A rise is overfitting only while training loss keeps falling (by at least this, relative,
   * since the validation minimum): a bump in both curves is the optimizer, not memorization.
   */
  trainFallSinceBest: 0.01,
  /** Never call a curve converged before this many epochs (the ground truth's own minimum length). */
  minEpochsToSettle: 50,
  /** A rise counts once the run has gone this multiple of the minimum's own step count past it. */
  sustainFactor: 1,
};

/** Whether the curve has waited long enough past the point where it reached its best level. */
export function patient(s: CurveSummary, evalEvery: number): boolean {
  const since = s.steps - s.reachedStep;
  return s.evals >= STOPPING.minEvals && since >= Math.max(STOPPING.patienceFactor * s.reachedStep, STOPPING.minPatienceEvals * evalEvery);
}

/**
 * A material rise, larger than 3 noise sd beyond what the minimum's own luck explains,
 * while the training loss kept falling: validation up and training down, the gap widening;
 * and sustained (sustainFactor) unless the run is at its step cap: not a bump past the minimum.
 */
export function clearlyRose(s: CurveSummary, atCap = false): boolean {
  return s.relRise >= STOPPING.materialRise && s.riseZ >= STOPPING.riseZ + s.minBiasZ &&
    s.trainEnd <= s.trainAtBest * (1 - STOPPING.trainFallSinceBest) &&
    (atCap || s.steps - s.bestStep >= STOPPING.sustainFactor * s.bestStep);
}

/** Long enough to call converged: past the patience, at least minEpochsToSettle epochs. */
export function longEnough(s: CurveSummary, stepsPerEpoch: number): boolean {
  return s.steps >= STOPPING.minEpochsToSettle * stepsPerEpoch;
}

export function stopRule(evalEvery: number): (h: RunHistory) => StopReason | undefined {
  // Summarizing costs O(n log n) in the evaluations so far: look again only after the run
  // has grown by 2% (a stop comes at most 2% late; the whole rule costs O(n log n) per run).
  let next = 0;
  return (h) => {
    if (h.val.length < next) return undefined;
    next = h.val.length + Math.max(1, Math.floor(h.val.length / 50));
    const s = summarizeCurve(h.steps, h.train, h.val);
    // A material rise beyond the noise and the minimum's luck is the turn itself: no need to wait.
    if (s.evals >= STOPPING.minEvals && clearlyRose(s)) return 'turned';
    if (!patient(s, evalEvery) || !longEnough(s, h.stepsPerEpoch)) return undefined;
    if (s.trainFall < STOPPING.plateau) return 'converged';
    return undefined;
  };
}
