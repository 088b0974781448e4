// What one seed's run says about overfitting, and what it would take to settle it: the
// per-seed reading shared by generalization-gap, underfitting and the what-if.
import { STOPPING, clearlyRose, longEnough, patient } from '../stopping';
import type { TrainRun } from '../trainRun';
import { summarizeCurve, type CurveSummary } from './curveStats';
import type { Runs, SeedRun } from './types';

export type SeedState =
  /** The smoothed validation loss rose materially, beyond its noise. */
  | 'rose'
  /** Waited past its minimum as long as it took to get there (and 50 epochs): no material rise, training loss flat; or the step cap. */
  | 'settled'
  /** Still improving, or the wait after the minimum was cut short (budget). */
  | 'open';

export interface SeedReading {
  seedIndex: number;
  run: TrainRun;
  summary: CurveSummary;
  state: SeedState;
  /** Steps this seed would need to be judged, when open. */
  neededSteps?: number;
}

export function readSeed(s: SeedRun): SeedReading | undefined {
  const run = s.run;
  if (!run || run.curves.val.length === 0 || run.stopped === 'nonfinite') return undefined;
  const summary = summarizeCurve(run.steps, run.curves.train, run.curves.val);
  const every = run.steps.length > 1 ? run.steps[1] - run.steps[0] : 1;
  const waited = patient(summary, every) && longEnough(summary, run.stepsPerEpoch);
  // Trained to the step cap (the ground truth's own training length) without a material rise:
  // a user who trains that long sees no overfitting, even if the curve still creeps down.
  const atCap = !run.stopped && run.stepsRun >= run.stepsPlanned;
  let state: SeedState;
  if (clearlyRose(summary, atCap)) state = 'rose';
  else if (atCap || (waited && (run.stopped === 'converged' || summary.trainFall < STOPPING.plateau))) state = 'settled';
  else state = 'open';
  const reading: SeedReading = { seedIndex: s.seedIndex, run, summary, state };
  if (state === 'open') {
    // Past the minimum as long again as it took to reach it; a curve still falling at the end needs at least twice its length.
    const atEnd = summary.reachedStep >= summary.steps - every;
    const patience = Math.max(STOPPING.patienceFactor * summary.reachedStep, STOPPING.minPatienceEvals * every);
    const needed = Math.max(atEnd ? 2 * Math.max(summary.steps, STOPPING.minEvals * every) : summary.reachedStep + patience, STOPPING.minEpochsToSettle * run.stepsPerEpoch);
    reading.neededSteps = Math.min(run.stepsPlanned, needed);
  }
  return reading;
}

export function readSeeds(seeds: SeedRun[]): SeedReading[] {
  return seeds.map(readSeed).filter((r): r is SeedReading => !!r);
}

/**
 * Wall time to train the given steps per run on this machine (the runs' own ms per step),
 * over the runner's workers, plus start-up; rounded up to a budget worth suggesting.
 */
export function budgetFor(runs: Runs, stepsPerRun: number[], msPerStep: number): number {
  const work = stepsPerRun.reduce((a, b) => a + b, 0) * msPerStep;
  return niceBudget((runs.budget.startupMs + (1.3 * work) / Math.max(1, runs.budget.workers)) / 1000);
}

/** A budget worth suggesting: the next of 15, 20, 30, 45, 60, 90, ... seconds at or above `seconds`. */
export function niceBudget(seconds: number): number {
  return [15, 20, 30, 45, 60, 90, 120, 180, 300, 600].find((n) => n >= seconds) ?? Math.ceil(seconds / 60) * 60;
}

export function budgetAdvice(seconds: number): string {
  return `needs ~${seconds} s: run with a budget of ${seconds} s (reglint train --budget ${seconds}, or reglint.train.budgetSeconds)`;
}
