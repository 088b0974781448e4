// memorization (Zhang et al. 2017): the same run on shuffled labels. A model that fits
// random labels nearly as well as real ones has the capacity to memorize this much data.
import { RECIPE } from '../recipe';
import { fmt, pct, type CheckResult, type Runs } from './types';

export function evaluateMemorization(runs: Runs): CheckResult {
  const id = 'memorization';
  const r = runs.randomLabels;
  if (!r) return { id, verdict: 'skipped', message: `not run: ${runs.errors['random-labels'] ?? 'no result'}`, metrics: {} };
  const curves = { train: r.curves.train, val: r.curves.val };
  if (r.stopped || r.epochsRun < r.epochsPlanned) {
    return {
      id, verdict: 'skipped', curves, metrics: { epochs: r.epochsRun },
      message: r.stopped === 'nonfinite' ? 'loss became non-finite on random labels' : `only ${r.epochsRun} of ${r.epochsPlanned} epochs fit in the budget`,
    };
  }
  const random = r.curves.train.at(-1)! / runs.chanceLoss;
  const real = runs.baseline?.curves.train.length ? runs.baseline.curves.train.at(-1)! / runs.chanceLoss : undefined;
  // As many rows as the model trains on: the training split of the user's data, or reglint.train.samples.
  const n = runs.memorizationSamples ?? RECIPE.nTrain;
  const metrics = {
    randomLabelTrainLoss: r.curves.train.at(-1)!, chanceLoss: runs.chanceLoss, randomFit: random, realFit: real ?? null,
    threshold: RECIPE.memorizationThreshold, samples: n,
  };
  const realText = real !== undefined ? ` (real labels: ${pct(real)})` : '';
  const memorizes = random < RECIPE.memorizationThreshold;
  return {
    id, verdict: memorizes ? 'warn' : 'pass', metrics, curves,
    message: memorizes
      ? `memorizes ${n} shuffled labels: train loss fell to ${pct(random)} of chance level${realText} in ${r.epochsRun} epochs, ` +
        `so it can learn ${n} examples by heart and overfit data of this size unless regularized`
      : `does not memorize ${n} shuffled labels in ${r.epochsRun} epoch${r.epochsRun === 1 ? '' : 's'}: train loss ${fmt(r.curves.train.at(-1)!)} ` +
        `is ${pct(random)} of chance level${realText}`,
  };
}
