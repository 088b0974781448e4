// runSanityTrain: what the language server and the CLI call. Runs the jobs in one or
// two worker threads (WASM is single-threaded here, so baseline and what-if train in
// parallel on two cores) with a heap limit and a hard timeout. Whatever happens in a
// worker (throw, crash, hang, OOM, cancel) comes back as check results, never as an
// exception.
import * as path from 'path';
import type { BackendName } from './backend';
import type { BuilderSource } from './builder';
import type { CheckResult, JobName, Runs } from './checks/types';
import type { FitOneBatchRun } from './checks/fitOneBatch';
import type { ModelSpec } from './modelSpec';
import { WORKER_MARK, type WorkerInput } from './protocol';
import { GRACE_MS, runWorker } from './workerHandle';
import { RECIPE } from './recipe';
import { evaluateAll, userOptimizer } from './suite';
import type { TrainRun } from './trainRun';
import type { UserDataSource, UserDataSummary } from './userData';
import { applyWhatIf, type WhatIfChange, type WhatIfSettings } from './whatIf';

export interface TrainRequest {
  /** Static mode: a spec from specFromGraph (never runs workspace code). */
  spec?: ModelSpec;
  /** Builder mode: run the user's file. Ignored unless `trusted` is exactly true. */
  builder?: BuilderSource;
  trusted?: boolean;
  seed?: number;
  budgetSeconds?: number;
  whatIf?: WhatIfSettings;
  /** The user's data (CSV/JSON) instead of the seeded synthetic data. */
  data?: UserDataSource;
  /** Synthetic runs: how many shuffled labels the memorization probe trains on (default RECIPE.nTrain); with data, the training split's rows. */
  samples?: number;
  backend?: BackendName;
  /** Directory with the tfjs-backend-wasm .wasm files (the bundle's dist/). */
  wasmDir?: string;
  /** Worker script; default worker.js next to this file (dist/trainWorker.js when bundled). */
  workerPath?: string;
  /** Heap limit per worker (V8 old generation; WASM memory is separate). Default 1024. */
  memoryLimitMb?: number;
  /** Two workers (default) or one. */
  parallel?: boolean;
  /** Only these checks' jobs (default: all). */
  jobs?: JobName[];
  /** Wall time over the budget before workers are killed (default 5 s). */
  graceSeconds?: number;
  /** Test hook passed to the workers. */
  chaos?: WorkerInput['chaos'];
}

export interface TrainProgress {
  job: JobName;
  epoch: number;
  epochs: number;
  trainLoss: number;
  valLoss: number;
}

export interface TrainReport {
  model: string;
  built: 'static' | 'builder' | 'failed';
  reason?: string;
  backend?: BackendName;
  backendNote?: string;
  cancelled?: boolean;
  seed: number;
  budgetSeconds: number;
  elapsedMs: number;
  whatIfChanges: WhatIfChange[];
  checks: CheckResult[];
  /** The user's data, when it replaced the synthetic data. */
  data?: UserDataSummary;
}

export interface RunHooks {
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
}


export async function runSanityTrain(request: TrainRequest, hooks: RunHooks = {}): Promise<TrainReport> {
  const started = Date.now();
  const seed = request.seed ?? 1;
  const budgetSeconds = request.budgetSeconds ?? RECIPE.defaultBudgetSeconds;
  const name = request.spec?.name ?? request.builder?.modelName ?? path.basename(request.builder?.fileName ?? 'model');
  const base = { model: name, seed, budgetSeconds, whatIfChanges: [] as WhatIfChange[] };
  const failed = (reason: string): TrainReport =>
    ({ ...base, built: 'failed', reason, elapsedMs: Date.now() - started, checks: [] });
  try {
    const useBuilder = !request.spec && !!request.builder;
    if (useBuilder && request.trusted !== true) {
      return failed('builder mode runs workspace code and needs a trusted workspace (--trust for the CLI)');
    }
    if (!request.spec && !request.builder) return failed('nothing to train: no spec and no builder source');
    const all: JobName[] = request.jobs ?? ['fit-one-batch', 'baseline', 'what-if', 'random-labels', 'user-optimizer'];
    const wanted = all.filter((j) => j !== 'user-optimizer' || !request.spec || userOptimizer(request.spec));
    // In builder mode the spec is known only inside the worker, which skips a no-op what-if.
    const staticWhatIf = request.spec ? applyWhatIf(request.spec, request.whatIf) : undefined;
    const whatIfMayChange = staticWhatIf ? staticWhatIf.changes.length > 0 : true;
    const groupA = wanted.filter((j) => j === 'fit-one-batch' || j === 'baseline' || j === 'user-optimizer');
    const groupB = wanted.filter((j) => (j === 'what-if' && whatIfMayChange) || j === 'random-labels');
    const groups = request.parallel === false ? [[...groupA, ...groupB]] : [groupA, groupB].filter((g) => g.length);
    const deadline = started + budgetSeconds * 1000;
    const grace = (request.graceSeconds ?? GRACE_MS / 1000) * 1000;
    const input: Omit<WorkerInput, 'jobs'> = {
      mark: WORKER_MARK,
      spec: request.spec,
      builder: useBuilder ? request.builder : undefined,
      trusted: request.trusted === true,
      seed,
      deadline,
      fitOneBatchDeadline: started + budgetSeconds * 1000 * RECIPE.fitOneBatch.budgetShare,
      whatIf: request.whatIf,
      data: request.data,
      samples: request.samples,
      backend: request.backend,
      wasmDir: request.wasmDir,
      chaos: request.chaos,
    };
    const outcomes = await Promise.all(groups.map((jobs) => runWorker(request, { ...input, jobs }, hooks, deadline + grace)));
    const ready = outcomes.find((o) => o.ready)?.ready;
    const cancelled = outcomes.some((o) => o.cancelled);
    if (!ready) {
      const why = outcomes.map((o) => o.fatal).find(Boolean) ?? 'the training worker did not start';
      return failed(cancelled ? 'cancelled' : why);
    }
    // Static mode: the worker trained request.spec as given, so its what-if is the one above.
    const runs: Runs = {
      task: ready.task,
      whatIfChanges: (staticWhatIf ?? applyWhatIf(ready.spec, request.whatIf)).changes,
      errors: {},
      chanceLoss: ready.chanceLoss,
    };
    if (ready.labelProblem) runs.labelProblem = ready.labelProblem;
    runs.memorizationSamples = ready.data ? ready.data.train : request.samples ?? RECIPE.nTrain;
    for (const o of outcomes) {
      for (const [job, result] of o.results) assign(runs, job, result);
      for (const job of o.jobs) if (!o.results.has(job)) runs.errors[job] = o.errors.get(job) ?? o.fatal ?? 'no result';
    }
    const opt = userOptimizer(ready.spec);
    if (opt) runs.userOptimizerSpec = opt;
    const compiled = ready.spec.compile;
    if (compiled?.optimizer) runs.compiledOptimizer = { name: compiled.optimizer, learningRate: compiled.learningRate };
    const report: TrainReport = {
      ...base,
      model: ready.spec.name,
      built: useBuilder ? 'builder' : 'static',
      backend: ready.backend,
      elapsedMs: Date.now() - started,
      whatIfChanges: runs.whatIfChanges,
      checks: evaluateAll(runs),
    };
    if (ready.data) report.data = ready.data;
    if (ready.fallbackReason) report.backendNote = ready.fallbackReason;
    if (cancelled) report.cancelled = true;
    return report;
  } catch (e) {
    return failed(`internal error: ${(e as Error).message}`);
  }
}

function assign(runs: Runs, job: JobName, result: TrainRun | FitOneBatchRun): void {
  if (job === 'fit-one-batch') runs.fitOneBatch = result as FitOneBatchRun;
  else if (job === 'baseline') runs.baseline = result as TrainRun;
  else if (job === 'what-if') runs.whatIf = result as TrainRun;
  else if (job === 'random-labels') runs.randomLabels = result as TrainRun;
  else runs.userOptimizer = result as TrainRun;
}
