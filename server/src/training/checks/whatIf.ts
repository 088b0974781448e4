// what-if: the remedies the quick fixes offer, each trained like the model itself (same
// seeds, same splits, same stopping rule), compared per seed at the final and at the best
// validation loss. A change is claimed only when every seed agrees and the mean exceeds
// the spread; the remedies are ranked by final validation loss, and the quick fixes follow
// that ranking. `metrics.valLossChange` is the change for the remedy the preferred quick fix applies.
import { clearSign, mean, pctMeanSd, sd, seedsText } from '../spread';
import { budgetAdvice, budgetFor, readSeeds } from './seedJudgement';
import type { CheckResult, RemedyEffect, Runs } from './types';

/** Smallest relative change worth claiming. */
export const MIN_CLAIM = 0.02;

export function evaluateWhatIf(runs: Runs): CheckResult {
  const id = 'what-if';
  const related = runs.whatIfChanges.map((c) => ({ label: c.label, line: c.line, graphIndex: c.graphIndex, message: c.description }));
  if (runs.remedies.length === 0) {
    return { id, verdict: 'skipped', message: 'nothing to try: every hidden weighted layer is already regularized', metrics: {} };
  }
  if (runs.synthetic) {
    return { id, verdict: 'skipped', metrics: {}, related, message: 'needs your data: what a fix does to validation loss depends on the data' };
  }
  const base = new Map(readSeeds(runs.baselines).map((r) => [r.seedIndex, r]));
  const effects: RemedyEffect[] = runs.remedies.map(({ remedy, seeds, notMeasured }) => {
    const pairs = readSeeds(seeds).filter((r) => base.has(r.seedIndex)).map((r) => ({ r, b: base.get(r.seedIndex)! }));
    const effect: RemedyEffect = {
      id: remedy.id, kind: remedy.kind, description: remedy.description, seeds: pairs.length, claim: 'none',
      valLossChange: NaN, valLossChangeSd: NaN, bestValLossChange: NaN, bestValLossChangeSd: NaN,
    };
    if (remedy.strength !== undefined) effect.strength = remedy.strength;
    if (pairs.length < 2 || notMeasured) {
      effect.notMeasured = notMeasured ?? 'fewer than 2 seeds completed';
      return effect;
    }
    const end = pairs.map(({ r, b }) => (r.summary.end - b.summary.end) / b.summary.end);
    const best = pairs.map(({ r, b }) => (r.summary.best - b.summary.best) / b.summary.best);
    const sign = clearSign(end, MIN_CLAIM);
    return {
      ...effect, valLossChange: mean(end), valLossChangeSd: sd(end), bestValLossChange: mean(best), bestValLossChangeSd: sd(best),
      claim: sign < 0 ? 'better' : sign > 0 ? 'worse' : 'none',
    };
  });
  const measured = effects.filter((e) => !e.notMeasured).sort((a, b) => a.valLossChange - b.valLossChange);
  measured.forEach((e, i) => (e.rank = i + 1));
  const ordered = [...measured, ...effects.filter((e) => e.notMeasured)];
  if (measured.length === 0) {
    const ms = mean(readSeeds(runs.baselines).map((r) => r.run.msPerStep));
    const steps = readSeeds(runs.baselines).map((r) => r.summary.steps);
    const need = Number.isFinite(ms) ? budgetFor(runs, [...steps, ...steps.flatMap((s) => Array(Math.min(2, runs.remedies.length)).fill(s))], ms) : undefined;
    return {
      id, verdict: 'inconclusive', related, remedies: ordered, metrics: need ? { neededBudgetSeconds: need } : {},
      message: 'no remedy could be measured on enough seeds in the budget' + (need ? `; ${budgetAdvice(need)}` : ''),
    };
  }
  const top = measured[0];
  const describe = (e: RemedyEffect) => `${e.description}: val loss ${pctMeanSd(e.valLossChange, e.valLossChangeSd)}` +
    (e.claim === 'none' ? ' (no clear change)' : '');
  const summary = top.claim === 'better'
    ? `best remedy measured: ${top.description}, val loss ${pctMeanSd(top.valLossChange, top.valLossChangeSd)} over ${seedsText(top.seeds)}`
    : `no remedy clearly lowered validation loss (best: ${top.description}, ${pctMeanSd(top.valLossChange, top.valLossChangeSd)} over ${seedsText(top.seeds)})`;
  const others = ordered.slice(1).map((e) => (e.notMeasured ? `${e.description}: not measured (${e.notMeasured})` : describe(e)));
  return {
    id, verdict: 'pass', related, remedies: ordered,
    metrics: {
      bestRemedy: top.id, valLossChange: top.valLossChange, valLossChangeSd: top.valLossChangeSd, bestValLossChange: top.bestValLossChange,
      claim: top.claim, remediesMeasured: measured.length, summary,
    },
    message: `${summary}${others.length ? `; then ${others.join('; ')}` : ''}`,
  };
}
