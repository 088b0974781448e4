// divergence: NaN/Inf or exploding training loss, with the user's own optimizer when we
// know it (a huge learning rate), otherwise in any of the recipe's runs.
import { describeOptimizer } from '../optimizer';
import { RECIPE } from '../recipe';
import type { TrainRun } from '../trainRun';
import { fmt, type CheckResult, type Runs } from './types';

export function evaluateDivergence(runs: Runs): CheckResult {
  const id = 'divergence';
  const user = runs.userOptimizerSpec ? describeOptimizer(runs.userOptimizerSpec) : 'your optimizer';
  const candidates: [string, TrainRun | undefined][] = [
    [`with ${user}`, runs.userOptimizer],
    ['in the baseline run', runs.baseline],
    ['in the what-if run', runs.whatIf],
    ['on shuffled labels', runs.randomLabels],
  ];
  const seen = candidates.filter(([, r]) => r && r.curves.train.length > 0);
  let unstable: CheckResult | undefined;
  for (const [where, r] of seen) {
    const curves = { train: r!.curves.train, val: r!.curves.val };
    if (r!.stopped === 'nonfinite') {
      const bad = [...r!.curves.train, ...r!.curves.val].find((v) => !Number.isFinite(v));
      return {
        id, verdict: 'fail', curves,
        metrics: { epoch: r!.epochsRun, initialLoss: r!.initial.train },
        message: `diverges: training loss became ${bad} at epoch ${r!.epochsRun} ${where} (initial loss ${fmt(r!.initial.train)})`,
      };
    }
    // Softmax cross-entropy is clipped in tfjs, so a diverging classifier shows as a
    // loss far above "predict the class frequencies", not as NaN.
    const ref = Math.max(r!.initial.train, runs.chanceLoss || 0);
    const final = r!.curves.train.at(-1)!;
    const peak = Math.max(...r!.curves.train);
    const metrics = { initialLoss: r!.initial.train, chanceLoss: runs.chanceLoss, finalLoss: final, peakLoss: peak, epochs: r!.epochsRun };
    if (final > RECIPE.divergenceFactor * ref) {
      return {
        id, verdict: 'fail', curves, metrics,
        message: `diverges ${where}: training loss rose from ${fmt(r!.initial.train)} to ${fmt(final)} ` +
          `(chance level ${fmt(runs.chanceLoss)})`,
      };
    }
    // The user's optimizer, on the model and data where the recipe's trains: ending above
    // both where it started and what a constant prediction reaches is no training at all.
    if (r === runs.userOptimizer && final > RECIPE.userOptimizerWorseFactor * ref) {
      const recipe = runs.baseline?.curves.train[r!.epochsRun - 1];
      return {
        id, verdict: 'fail', curves, metrics,
        message: `does not train ${where}: after ${r!.epochsRun} epochs training loss is ${fmt(final)}, above where it started ` +
          `(${fmt(r!.initial.train)}) and above chance level (${fmt(runs.chanceLoss)})` +
          (recipe !== undefined ? `; with ${describeOptimizer(RECIPE.optimizer)} it is ${fmt(recipe)} after as many epochs` : '') +
          ': the learning rate is too large',
      };
    }
    if (peak > RECIPE.instabilityFactor * ref) {
      unstable ??= {
        id, verdict: 'warn', curves, metrics,
        message: `unstable ${where}: training loss jumped from ${fmt(r!.initial.train)} to ${fmt(peak)} ` +
          `at epoch ${r!.curves.train.indexOf(peak) + 1} before settling at ${fmt(final)}`,
      };
    }
  }
  const fob = runs.fitOneBatch;
  if (fob?.stopped === 'nonfinite') {
    return { id, verdict: 'fail', metrics: { steps: fob.steps }, message: `diverges: loss became ${fob.finalLoss} while fitting one batch` };
  }
  if (unstable) return unstable;
  if (seen.length === 0) return { id, verdict: 'skipped', message: 'no training run completed an epoch', metrics: {} };
  const which = runs.userOptimizerSpec && runs.userOptimizer ? ` (including ${user})`
    : runs.compiledOptimizer ? ` (with ${describeOptimizer(runs.compiledOptimizer)}, as compiled)`
    : ' (no compile() found: used adam(0.001))';
  const u = runs.userOptimizer;
  return {
    id, verdict: 'pass',
    metrics: { runs: seen.length, ...(u?.curves.train.length ? { userInitialLoss: u.initial.train, userFinalLoss: u.curves.train.at(-1)! } : {}) },
    message: `loss stayed finite and did not explode in ${seen.length} run${seen.length > 1 ? 's' : ''}${which}`,
  };
}
