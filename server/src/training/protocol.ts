// Messages between the runner (language server or CLI) and a training worker.
import type { BackendName } from './backend';
import type { BuilderSource } from './builder';
import type { JobName } from './checks/types';
import type { ModelSpec } from './modelSpec';
import type { JobResult } from './suite';
import type { Task } from './task';
import type { UserDataSource, UserDataSummary } from './userData';
import type { WhatIfSettings } from './whatIf';

export const WORKER_MARK = 'reglint-train-worker';

export interface WorkerInput {
  mark: typeof WORKER_MARK;
  /** Static mode: the spec. Builder mode: the source to run (only sent when trusted). */
  spec?: ModelSpec;
  builder?: BuilderSource;
  trusted: boolean;
  jobs: JobName[];
  seed: number;
  /** Absolute Date.now() deadline shared by all workers. */
  deadline: number;
  /** Deadline for fit-one-batch (it gets a share of the budget). */
  fitOneBatchDeadline: number;
  whatIf?: WhatIfSettings;
  /** The user's data file instead of synthetic data (read in the worker). */
  data?: UserDataSource;
  /** Synthetic runs: rows of random labels the memorization probe trains on (default RECIPE.nTrain). */
  samples?: number;
  backend?: BackendName;
  wasmDir?: string;
  /** Test hook: misbehave to exercise the runner's error paths. */
  chaos?: 'throw' | 'hang' | 'oom' | 'exit';
}

export type WorkerMessage =
  | {
    type: 'ready'; backend: BackendName; fallbackReason?: string; spec: ModelSpec; task: Task; chanceLoss: number; data?: UserDataSummary;
    /** The user's labels cannot be this model's targets (no job runs). */
    labelProblem?: string;
  }
  | { type: 'progress'; job: JobName; epoch: number; epochs: number; trainLoss: number; valLoss: number }
  | { type: 'result'; job: JobName; result: JobResult }
  | { type: 'job-error'; job: JobName; error: string }
  | { type: 'fatal'; error: string }
  | { type: 'done' };
