// Check results: plain JSON, the shape the CLI prints and the server turns into diagnostics.
import type { TrainRun } from '../trainRun';
import type { WhatIfChange } from '../whatIf';
import type { Task } from '../task';
import type { FitOneBatchRun } from './fitOneBatch';
import type { OptimizerSpec } from '../optimizer';

export type CheckId = 'fit-one-batch' | 'generalization-gap' | 'memorization' | 'what-if' | 'divergence' | 'dead-relu';
export type Verdict = 'pass' | 'warn' | 'fail' | 'skipped';

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
}

/** Everything the jobs measured; checks are pure functions of it. */
export interface Runs {
  task: Task;
  fitOneBatch?: FitOneBatchRun;
  baseline?: TrainRun;
  whatIf?: TrainRun;
  whatIfChanges: WhatIfChange[];
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
