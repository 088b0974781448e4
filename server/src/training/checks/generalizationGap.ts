// generalization-gap: train and validation loss after equal epochs. The final val/train
// ratio is the verdict (calibrated, docs/training.md); GL(t), P_k and the epoch where
// validation loss turned up are reported alongside.
import { RECIPE } from '../recipe';
import { generalizationLoss, trainingProgress, turnUpEpoch } from './curveStats';
import { fmt, type CheckResult, type Runs } from './types';

export function evaluateGeneralizationGap(runs: Runs): CheckResult {
  const id = 'generalization-gap';
  const r = runs.baseline;
  if (!r) return { id, verdict: 'skipped', message: `not run: ${runs.errors.baseline ?? 'no result'}`, metrics: {} };
  const curves = { train: r.curves.train, val: r.curves.val };
  if (r.stopped === 'nonfinite') {
    return { id, verdict: 'skipped', message: `loss became non-finite at epoch ${r.epochsRun}; see divergence`, metrics: {}, curves };
  }
  if (r.epochsRun < r.epochsPlanned) {
    return {
      id, verdict: 'skipped', curves, metrics: { epochs: r.epochsRun, msPerEpoch: r.msPerEpoch },
      message: `only ${r.epochsRun} of ${r.epochsPlanned} epochs fit in the time budget ` +
        `(${fmt(r.msPerEpoch / 1000)} s per epoch); raise reglint.train.budgetSeconds for a verdict`,
    };
  }
  const train = r.curves.train.at(-1)!, val = r.curves.val.at(-1)!;
  const ratio = val / train;
  const gl = generalizationLoss(r.curves.val);
  const up = turnUpEpoch(r.curves.val);
  const minVal = Math.min(...r.curves.val);
  const metrics = {
    epochs: r.epochsRun, finalTrainLoss: train, finalValLoss: val, ratio, gap: val - train,
    gl: gl.at(-1)!, pk: trainingProgress(r.curves.train), valTurnedUpAtEpoch: up ?? null,
    trainScore: r.score.train, valScore: r.score.val, msPerEpoch: r.msPerEpoch, threshold: RECIPE.ratioThreshold,
  };
  const curve = up !== undefined
    ? `val loss rose from ${fmt(minVal)} to ${fmt(val)} after epoch ${up} while train loss fell to ${fmt(train)}`
    : `after ${r.epochsRun} epochs val loss is ${fmt(val)}, train loss ${fmt(train)}`;
  const overfits = ratio >= RECIPE.ratioThreshold;
  return {
    id, verdict: overfits ? 'warn' : 'pass', metrics, curves,
    message: overfits
      ? `overfits: ${curve} (val/train ${fmt(ratio, 1)}, threshold ${RECIPE.ratioThreshold})`
      : `no overfitting seen: ${curve} (val/train ${fmt(ratio, 1)}, below ${RECIPE.ratioThreshold})`,
  };
}
