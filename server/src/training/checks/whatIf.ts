// what-if: the same run with reglint's fixes applied. Reports how much the gap shrinks
// and how validation loss itself changed: a fix can shrink the gap mostly by raising
// training loss, which is not by itself better generalization (NOTES.md calibration).
import { RECIPE } from '../recipe';
import { fmt, pct, type CheckResult, type Runs } from './types';

export function evaluateWhatIf(runs: Runs): CheckResult {
  const id = 'what-if';
  const changes = runs.whatIfChanges;
  const related = changes.map((c) => ({ label: c.label, line: c.line, graphIndex: c.graphIndex, message: c.description }));
  if (changes.length === 0) {
    return { id, verdict: 'skipped', message: 'nothing to try: every hidden weighted layer is already regularized', metrics: {} };
  }
  const b = runs.baseline, w = runs.whatIf;
  const err = !w ? runs.errors['what-if'] : !b ? runs.errors.baseline : undefined;
  if (!b || !w) return { id, verdict: 'skipped', message: `not run: ${err ?? 'no result'}`, metrics: {}, related };
  const curves = { train: w.curves.train, val: w.curves.val };
  if (w.stopped || b.stopped || w.epochsRun < w.epochsPlanned || b.epochsRun < b.epochsPlanned) {
    return {
      id, verdict: 'skipped', curves, related, metrics: { epochs: w.epochsRun },
      message: `incomplete: the what-if ran ${w.epochsRun} and the baseline ${b.epochsRun} of ${w.epochsPlanned} epochs` +
        (w.stopped === 'nonfinite' || b.stopped === 'nonfinite' ? ' (loss became non-finite)' : ' in the budget'),
    };
  }
  const bt = b.curves.train.at(-1)!, bv = b.curves.val.at(-1)!;
  const wt = w.curves.train.at(-1)!, wv = w.curves.val.at(-1)!;
  const gap0 = bv - bt, gap1 = wv - wt;
  const shrink = gap0 > 0 ? (gap0 - gap1) / gap0 : 0;
  const valChange = (wv - bv) / bv;
  const what = changes.map((c) => c.description).join(', ');
  const metrics = {
    baselineGap: gap0, whatIfGap: gap1, gapShrink: shrink, baselineValLoss: bv, whatIfValLoss: wv, valLossChange: valChange,
    baselineTrainLoss: bt, whatIfTrainLoss: wt, whatIfRatio: wv / wt,
  };
  const valText = `val loss ${fmt(bv)} → ${fmt(wv)} (${valChange <= 0 ? '' : '+'}${pct(valChange)})`;
  if (gap0 <= 0) {
    return { id, verdict: 'pass', metrics, curves, related, message: `with ${what}: no gap to shrink; ${valText}` };
  }
  const shrinks = shrink >= 0.05;
  const mostlyTrain = shrinks && valChange > -0.05;
  return {
    // Only a warning when there is overfitting to fix and the fix does not touch it.
    id, verdict: shrinks || b.curves.val.at(-1)! / bt < RECIPE.ratioThreshold ? 'pass' : 'warn', metrics, curves, related,
    message: shrinks
      ? `with ${what} the gap shrinks by ${pct(shrink)} (${fmt(gap0)} → ${fmt(gap1)}); ${valText}` +
        (mostlyTrain ? ', so mostly by raising train loss' : '')
      : `with ${what} the gap ${shrink > -0.05 ? 'barely changes' : 'grows'} (${fmt(gap0)} → ${fmt(gap1)}); ${valText}`,
  };
}
