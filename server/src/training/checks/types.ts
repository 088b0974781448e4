// Check results: plain JSON, the shape the CLI prints and the server turns into diagnostics.
import type { TrainRun } from '../trainRun';
import type { WhatIfChange } from '../whatIf';
import type { Task } from '../task';
import type { FitOneBatchRun } from './fitOneBatch';
import type { OptimizerSpec } from '../optimizer';
import type { Remedy } from '../remedies';

export type CheckId = 'fit-one-batch' | 'generalization-gap' | 'underfitting' | 'memorization' | 'what-if' | 'divergence' | 'dead-relu';
/** `inconclusive`: the check ran but its numbers do not settle the question (the message says what would). */
export type Verdict = 'pass' | 'warn' | 'fail' | 'inconclusive' | 'skipped';

export interface RelatedLayer {
  label: string;
  line?: number;
  graphIndex?: number;
  message: string;
}

export interface CheckResult {
  id: CheckId;
  verdict: Verdict;
  message: string;
  metrics: Record<string, number | string | boolean | null>;
  curves?: { train: number[]; val: number[] };
  related?: RelatedLayer[];
  /** generalization-gap: what the curves say (overfits → warn, fits → pass, underfits → skipped, inconclusive). */
  outcome?: 'overfits' | 'fits' | 'underfits' | 'inconclusive';
  /** what-if: every remedy tried, best first, with its measured effect. */
  remedies?: RemedyEffect[];
}

/** A remedy's measured effect on validation loss, paired per seed with the unchanged model. */
export interface RemedyEffect {
  id: string;
  /** Which quick fix it is, at which dropout rate or L2 factor. */
  kind: Remedy['kind'];
  strength?: number;
  description: string;
  /** Relative change of the final (smoothed) validation loss: mean and sd over the seeds. */
  valLossChange: number;
  valLossChangeSd: number;
  /** The same at each run's best evaluation. */
  bestValLossChange: number;
  bestValLossChangeSd: number;
  seeds: number;
  /** better / worse when every seed agrees and the mean exceeds the spread (and 2%); none otherwise. */
  claim: 'better' | 'worse' | 'none';
  /** Rank by mean final validation loss (1 = lowest); absent when not measured. */
  rank?: number;
  /** Why it was not measured. */
  notMeasured?: string;
}

/** One seed's run of the model (or of a remedy) on its own split, with that split's yardsticks. */
export interface SeedRun {
  seedIndex: number;
  run?: TrainRun;
  /** Why there is no (complete) run. */
  error?: string;
}

export interface RemedyRuns {
  remedy: Remedy;
  seeds: SeedRun[];
  /** Why it was not (fully) measured, e.g. the budget. */
  notMeasured?: string;
}

/** Everything the jobs measured; checks are pure functions of it. */
export interface Runs {
  task: Task;
  fitOneBatch?: FitOneBatchRun;
  /** The first seed's baseline run (dead ReLUs, divergence). */
  baseline?: TrainRun;
  /** Every seed's baseline run. */
  baselines: SeedRun[];
  /** Per seed: validation loss of the best constant prediction and of the linear baseline on that seed's split. */
  yardsticks: { chance: number; linear?: number }[];
  /** Why there is no linear baseline, when there is none. */
  linearNote?: string;
  /** The remedies measured (or not) by the what-if, in the order they were tried. */
  remedies: RemedyRuns[];
  /** The first remedy's first run (divergence looks at it too). */
  whatIf?: TrainRun;
  /** What the preferred quick fixes change (the configured remedy). */
  whatIfChanges: WhatIfChange[];
  /** No data file: the runs used synthetic data, which cannot say whether the model overfits the user's data. */
  synthetic: boolean;
  /** The time budget and how fast this machine trained, for "needs ~N s". */
  budget: { seconds: number; workers: number; startupMs: number };
  randomLabels?: TrainRun;
  /** Short run with the user's own optimizer, when known and different from the recipe's. */
  userOptimizer?: TrainRun;
  userOptimizerSpec?: OptimizerSpec;
  /** The optimizer compile() names, when known (whether or not it differs from the recipe's). */
  compiledOptimizer?: OptimizerSpec;
  /** Jobs that failed (threw, crashed, timed out), with why. */
  errors: Partial<Record<JobName, string>>;
  /** Chance-level train loss (best constant prediction), for memorization. */
  chanceLoss: number;
  /** The user's labels cannot be this model's targets (fit-one-batch fails, nothing ran). */
  labelProblem?: string;
  /** Rows of shuffled labels the memorization probe trained on. */
  memorizationSamples?: number;
}

export type JobName = 'fit-one-batch' | 'baseline' | 'what-if' | 'random-labels' | 'user-optimizer';

export function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 0.01 || a >= 1e4)) return x.toExponential(1);
  return x.toFixed(digits);
}

export function pct(x: number): string {
  const p = x * 100;
  return Math.abs(p) < 10 && p !== 0 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}
