// Messages between the runner (language server or CLI) and a training worker. The worker
// prepares the model and the data once, says `ready`, then asks for work (`idle`); the
// runner hands it one job at a time (`job`), so two workers share whatever is left to do
// and the runner decides what is worth starting in the time that remains.
import type { BackendName } from './backend';
import type { BuilderSource } from './builder';
import type { JobName } from './checks/types';
import type { ModelSpec } from './modelSpec';
import type { JobResult, JobSpec } from './suite';
import type { Task } from './task';
import type { UserDataSource, UserDataSummary } from './userData';

export const WORKER_MARK = 'reglint-train-worker';

export interface WorkerInput {
  mark: typeof WORKER_MARK;
  /** Static mode: the spec. Builder mode: the source to run (only sent when trusted). */
  spec?: ModelSpec;
  builder?: BuilderSource;
  trusted: boolean;
  seed: number;
  /** The user's data file instead of synthetic data (read in the worker). */
  data?: UserDataSource;
  /** Synthetic data: training rows (reglint.train.samples), also the rows of shuffled labels the memorization probe trains on. */
  samples?: number;
  backend?: BackendName;
  wasmDir?: string;
  /** Test hook: misbehave to exercise the runner's error paths. */
  chaos?: 'throw' | 'hang' | 'oom' | 'exit';
}

/** Runner → worker. */
export type RunnerMessage =
  | { type: 'job'; job: JobSpec; deadline: number }
  | { type: 'stop' };

/** Worker → runner. */
export type WorkerMessage =
  | {
    type: 'ready'; backend: BackendName; fallbackReason?: string; spec: ModelSpec; task: Task; chanceLoss: number; data?: UserDataSummary;
    /** Per seed: validation loss of chance and of the linear baseline on that seed's split. */
    yardsticks: { chance: number; linear?: number }[];
    linearNote?: string;
    /** Training rows of the first split. */
    trainRows: number;
    /** The user's labels cannot be this model's targets (no job runs). */
    labelProblem?: string;
    /** This thread's CPU time from its start to ready (Linux), for bench:verdicts' quiet-machine replay. */
    startupCpuMs?: number;
  }
  | { type: 'idle' }
  | { type: 'progress'; key: string; job: JobName; seedIndex: number; remedy?: string; step: number; epoch: number; trainLoss: number; valLoss: number }
  | { type: 'result'; key: string; result: JobResult; cpuMs?: number }
  | { type: 'job-error'; key: string; error: string }
  | { type: 'fatal'; error: string };
