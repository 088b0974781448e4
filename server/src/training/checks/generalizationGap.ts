// generalization-gap: does validation loss rise from its minimum when the model is trained
// on? Read from each seed's curve (stopping.ts trained it until the curve turned or
// settled), then over the seeds: a verdict only when the seeds agree and the effect is
// larger than their spread. Outcomes: overfits (warn), fits (pass), underfits (the model
// learns nothing; reported by the underfitting check), inconclusive (with what would
// settle it). Synthetic data cannot answer the question: without a data file it says so.
import { RECIPE } from '../recipe';
import { STOPPING } from '../stopping';
import { mean, numSpread, pctSpread, sd, seedsText } from '../spread';
import { fmt, pct, type CheckResult, type Runs } from './types';
import { budgetAdvice, budgetFor, niceBudget, readSeeds, type SeedReading } from './seedJudgement';
import { learnsSomething } from './underfitting';

export type GapOutcome = 'overfits' | 'fits' | 'underfits' | 'inconclusive';

/** Epoch (1-based, rounded) of an optimizer step. */
export function epochOf(r: SeedReading, step: number): number {
  return Math.max(1, Math.round(step / r.run.stepsPerEpoch));
}

export function evaluateGeneralizationGap(runs: Runs): CheckResult {
  const id = 'generalization-gap';
  if (runs.synthetic) {
    return {
      id, verdict: 'skipped', metrics: {},
      message: 'needs your data: whether a model overfits depends on the data it is trained on, and synthetic data cannot say ' +
        'that (choose a CSV or JSON file: reglint.train.data, or reglint train --data <file>)',
    };
  }
  const first = runs.baselines.find((s) => s.run)?.run;
  const curves = first ? { train: first.curves.train, val: first.curves.val } : undefined;
  if (runs.baselines.some((s) => s.run?.stopped === 'nonfinite')) {
    return { id, verdict: 'skipped', metrics: {}, curves, message: 'the loss became non-finite while training; see divergence' };
  }
  const readings = readSeeds(runs.baselines);
  if (readings.length < 2) {
    const why = runs.baselines.map((s) => s.error).find(Boolean) ?? 'no result';
    if (runs.baselines.some((s) => s.run?.stopped === 'budget' || s.error === 'not run')) {
      // Too little training to read a curve: at least twice this budget, more if the model is slow.
      const needed = niceBudget(2 * runs.budget.seconds);
      return {
        id, verdict: 'inconclusive', outcome: 'inconclusive', curves, metrics: { outcome: 'inconclusive', neededBudgetSeconds: needed },
        message: `inconclusive: the budget ended before the model was trained on 2 seeds; ${budgetAdvice(needed)}`,
      };
    }
    return { id, verdict: 'skipped', metrics: {}, curves, message: `not run: ${why}` };
  }
  const rises = readings.map((r) => r.summary.relRise);
  const rose = readings.filter((r) => r.state === 'rose');
  const settled = readings.filter((r) => r.state === 'settled');
  const learns = learnsSomething(runs, readings);
  const open = readings.filter((r) => r.state === 'open');
  const n = readings.length;
  const majority = Math.floor(n / 2) + 1;
  // A settled seed (trained on past its minimum without a material rise) is evidence against
  // overfitting; an open one (cut short by the budget) is missing evidence, not evidence
  // against: its rise so far is a lower bound. So the claim rests on the seeds that rose, and
  // "rose X% ± Y%" must itself be material (10%, as each seed's) and exceed their spread.
  const roseRises = rose.map((r) => r.summary.relRise);
  const overfits = rose.length >= majority && settled.length === 0 &&
    mean(roseRises) >= STOPPING.materialRise && mean(roseRises) > sd(roseRises);
  const fits = !overfits && settled.length >= majority && rose.length === 0;
  const outcome: GapOutcome = overfits ? 'overfits' : learns.answer === 'no' ? 'underfits' : fits && learns.answer === 'yes' ? 'fits' : 'inconclusive';
  const best = readings.map((r) => r.summary.best), end = readings.map((r) => r.summary.end);
  const bestEpochs = readings.map((r) => epochOf(r, r.summary.bestStep)), endEpochs = readings.map((r) => epochOf(r, r.summary.steps));
  const gapAtBest = readings.map((r) => r.summary.best - r.summary.trainAtBest), gapAtEnd = readings.map((r) => r.summary.end - r.summary.trainEnd);
  const msPerStep = mean(readings.map((r) => r.run.msPerStep));
  const metrics: CheckResult['metrics'] = {
    outcome, seeds: n, seedsRose: rose.length, seedsSettled: settled.length,
    valRise: mean(rises), valRiseSd: sd(rises), bestValLoss: mean(best), bestValLossSd: sd(best), finalValLoss: mean(end), finalValLossSd: sd(end),
    bestEpoch: Math.round(mean(bestEpochs)), endEpoch: Math.round(mean(endEpochs)),
    bestStep: Math.round(mean(readings.map((r) => r.summary.bestStep))), steps: Math.round(mean(readings.map((r) => r.summary.steps))),
    gapAtBest: mean(gapAtBest), gapAtEnd: mean(gapAtEnd), finalTrainLoss: mean(readings.map((r) => r.summary.trainEnd)),
    chanceLoss: mean(runs.yardsticks.map((y) => y.chance)), linearLoss: runs.yardsticks.every((y) => y.linear !== undefined) ? mean(runs.yardsticks.map((y) => y.linear!)) : null,
    msPerStep, materialRise: STOPPING.materialRise,
  };
  const where = `minimum near epoch ${metrics.bestEpoch} (${median3(bestEpochs)}), run to epoch ${metrics.endEpoch}`;
  const gaps = `gap val − train ${fmt(mean(gapAtBest))} at the minimum, ${fmt(mean(gapAtEnd))} at the end`;
  const base = { id, metrics, curves, outcome } as const;
  switch (outcome) {
    case 'overfits':
      return {
        ...base, verdict: 'warn',
        message: `overfits: validation loss rose ${pctSpread(roseRises)} over ${rose.length < n ? `${rose.length} of ${n} seeds` : seedsText(n)} from its ${where}, ` +
          `${numSpread(best)} → ${numSpread(end)}, while training loss fell to ${fmt(mean(readings.map((r) => r.summary.trainEnd)))} (${gaps})` +
          (open.length ? `; ${open.length === 1 ? 'the other seed was' : `${open.length} seeds were`} still training when the budget ended (its rise so far: ${open.map((r) => pct(r.summary.relRise)).join(', ')})` : '') +
          (learns.answer === 'no' ? `; and it ${learns.text}` : ''),
      };
    case 'fits':
      return {
        ...base, verdict: 'pass',
        message: `fits: validation loss settled at ${numSpread(end)} over ${seedsText(n)} (${learns.text}), ` +
          `${pctSpread(rises)} above its ${where} — no material rise (10%)`,
      };
    case 'underfits':
      return {
        ...base, verdict: 'skipped',
        message: `underfits: the model ${learns.text}; see underfitting` +
          (rose.length ? ` (validation loss also rose ${pctSpread(rises)} from its minimum)` : ''),
      };
    default: {
      const needed = open.length ? budgetFor(runs, RECIPE.seeds.map((_, k) => open.find((r) => r.seedIndex === k)?.neededSteps ?? readings.find((r) => r.seedIndex === k)?.summary.steps ?? 0), msPerStep) : undefined;
      if (needed) metrics.neededBudgetSeconds = needed;
      const why = rose.length && settled.length ? `the seeds disagree (${rose.length} rose, ${settled.length} settled)`
        : rose.length >= majority ? `the rise ${pctSpread(rises)} is ${mean(rises) < STOPPING.materialRise ? 'not material (10%) over the seeds' : 'within the seeds\' spread'}`
        : open.length ? `${open.length} of ${n} seeds ${open.length === 1 ? 'was' : 'were'} still ${open.some((r) => r.summary.bestStep >= r.summary.steps - 2 * r.run.stepsPerEpoch) ? 'improving' : 'inside their patience'} when the budget ended (epoch ${metrics.endEpoch})`
        : learns.answer === 'unsure' ? learns.text
        : 'the seeds do not agree';
      return {
        ...base, verdict: 'inconclusive',
        message: `inconclusive: ${why}; validation loss ${numSpread(best)} at its ${where}, ${numSpread(end)} at the end` +
          (needed ? `; ${budgetAdvice(needed)}` : ''),
      };
    }
  }
}

function median3(v: number[]): string {
  const s = [...v].sort((a, b) => a - b);
  return s.length > 1 ? `epochs ${s.join(', ')} per seed` : `epoch ${s[0]}`;
}
