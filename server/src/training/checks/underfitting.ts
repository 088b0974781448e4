// underfitting ("learns nothing"): is the model's validation loss at its best clearly below
// what needs no network at all, the best constant prediction (chance) and a linear model
// trained on the same split? Compared per seed (each on its own split), and claimed only
// when the seeds agree by more than their spread; a model that is not clearly better is
// reported plainly, whatever its curves do.
import { mean, numSpread, pctSpread, sd, seedsText } from '../spread';
import { fmt, type CheckResult, type Runs } from './types';
import { readSeeds, type SeedReading } from './seedJudgement';

/** Relative margin by which the best validation loss must beat a yardstick (the ground truth's bar too). */
export const LEARNS_MARGIN = 0.02;
/** Below this share of chance the predictions are near-perfect: nothing is left to learn, whatever a linear model also does. */
export const NEAR_PERFECT = 0.02;

export interface Learning {
  answer: 'yes' | 'no' | 'unsure';
  /** "learns: best validation loss 0.23 ± 0.02 vs chance 0.96, linear model 0.25", or why not. */
  text: string;
  /** Mean difference of the best validation loss vs chance and vs the linear model, in units of chance loss (negative: better). */
  vsChance: number;
  vsLinear?: number;
  /** Per seed, the relative difference the answer rests on (vs chance, or vs the linear model). */
  perSeed: number[];
}

/**
 * Against a yardstick, from the per-seed differences best − yardstick in units of chance loss
 * (stable when a yardstick is near 0; negative: the model is better), with the margin (2% of
 * the yardstick) in the same units: clearly better when the median seed beats it by the
 * margin and the mean by more than the spread; clearly not when even the mean minus the
 * spread falls short of the margin; else unsure.
 */
function versus(diff: number[], margin: number): 'better' | 'not' | 'unsure' {
  const sorted = [...diff].sort((a, b) => a - b);
  if (sorted[Math.floor((sorted.length - 1) / 2)] <= -margin && mean(diff) + sd(diff) < 0) return 'better';
  return mean(diff) - sd(diff) > -margin ? 'not' : 'unsure';
}

export function learnsSomething(runs: Runs, readings: SeedReading[]): Learning {
  const all = compare(runs, readings);
  if (all.vsChance === 'better' && all.vsLinear === 'better') return { ...all.summary, answer: 'yes', text: `${all.bestText} vs ${all.yard}` };
  // "Learns nothing" is a verdict on training that ran its course. A run the budget cut short
  // (open) may yet learn: its best so far only bounds its best from above, so it is left out
  // of a "no", which then rests on the seeds that finished, when they are a majority.
  const finished = readings.filter((r) => r.state !== 'open');
  const stillFalling = finished.length < readings.length;
  const judged = stillFalling && finished.length > readings.length / 2 ? compare(runs, finished) : all;
  if (judged.verdict === 'not' && (judged !== all || !stillFalling)) {
    const onFinished = judged !== all ? ` (the ${seedsText(finished.length)} that ran their course; ${stillTraining(readings.length - finished.length)})` : '';
    const text = judged.against === 'chance'
      ? `learns nothing: its ${judged.bestText} is not clearly below chance (the best constant prediction, ${fmt(judged.chance)})${onFinished}`
      : `learns nothing a linear model does not: its ${judged.bestText} is not clearly below a linear model's ${fmt(judged.linear!)} on the same splits${onFinished}`;
    return { ...judged.summary, perSeed: judged.perSeedAgainst, answer: 'no', text };
  }
  const unsure = all.against === 'chance'
    ? `unsure whether it learns anything: its ${all.bestText} is ${pctSpread(all.perSeedAgainst)} from chance (${fmt(all.chance)})`
    : `unsure whether it learns more than a linear model: its ${all.bestText} differs from a linear model's ${fmt(all.linear!)} by ${pctSpread(all.perSeedAgainst)} of chance loss`;
  return { ...all.summary, perSeed: all.perSeedAgainst, answer: 'unsure', text: unsure + (stillFalling ? ', and the budget ended before its training ran its course' : '') };
}

function stillTraining(k: number): string {
  return `${k} more ${k === 1 ? 'was' : 'were'} still training`;
}

/** The seeds' best validation losses against chance and the linear model (versus() each). */
function compare(runs: Runs, readings: SeedReading[]) {
  const best = readings.map((r) => r.summary.best);
  const chance = readings.map((r) => runs.yardsticks[r.seedIndex]?.chance ?? NaN);
  const linear = readings.map((r) => runs.yardsticks[r.seedIndex]?.linear);
  const relChance = readings.map((_, i) => (best[i] - chance[i]) / chance[i]);
  const hasLinear = linear.every((l) => l !== undefined);
  const relLinear = hasLinear ? readings.map((_, i) => (best[i] - linear[i]!) / chance[i]) : undefined;
  const vsChance = versus(relChance, LEARNS_MARGIN);
  const nearPerfect = mean(best) <= NEAR_PERFECT * mean(chance);
  const linearMargin = hasLinear ? LEARNS_MARGIN * mean(readings.map((_, i) => linear[i]! / chance[i])) : 0;
  const vsLinear = relLinear && !nearPerfect ? versus(relLinear, linearMargin) : 'better';
  // The yardstick a "no" or "unsure" is about: chance when the model does not clearly beat it, else the linear model.
  const against = vsChance !== 'better' ? 'chance' : 'linear';
  const summary = { vsChance: mean(relChance), vsLinear: relLinear ? mean(relLinear) : undefined, perSeed: relChance };
  return {
    vsChance, vsLinear, against, verdict: against === 'chance' ? vsChance : vsLinear, summary,
    /** Per seed, the difference from the yardstick a "no" or "unsure" is about. */
    perSeedAgainst: against === 'linear' && relLinear ? relLinear : relChance,
    chance: mean(chance), linear: hasLinear ? mean(linear as number[]) : undefined,
    yard: `chance ${fmt(mean(chance))}${hasLinear ? `, linear model ${fmt(mean(linear as number[]))}` : ''}`,
    bestText: `best validation loss ${numSpread(best)} over ${seedsText(readings.length)}`,
  };
}

export function evaluateUnderfitting(runs: Runs): CheckResult {
  const id = 'underfitting';
  if (runs.synthetic) return { id, verdict: 'skipped', metrics: {}, message: 'needs your data (synthetic data says nothing about what your data holds)' };
  const readings = readSeeds(runs.baselines);
  if (readings.length < 2) return { id, verdict: 'skipped', metrics: {}, message: 'not enough completed runs' };
  const l = learnsSomething(runs, readings);
  const metrics: CheckResult['metrics'] = {
    bestValLoss: mean(readings.map((r) => r.summary.best)), chanceLoss: mean(readings.map((r) => runs.yardsticks[r.seedIndex].chance)),
    linearLoss: l.vsLinear === undefined ? null : mean(readings.map((r) => runs.yardsticks[r.seedIndex].linear!)),
    vsChance: l.vsChance, vsLinear: l.vsLinear ?? null, margin: LEARNS_MARGIN,
  };
  if (runs.linearNote) metrics.linearNote = runs.linearNote;
  if (l.answer === 'yes') return { id, verdict: 'pass', metrics, message: `learns: ${l.text}` };
  if (l.answer === 'unsure') return { id, verdict: 'inconclusive', metrics, message: l.text };
  return { id, verdict: 'warn', metrics, message: l.text };
}
