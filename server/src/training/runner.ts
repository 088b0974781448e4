// runSanityTrain: what the language server and the CLI call. Runs the jobs in one or
// two worker threads (WASM is single-threaded here, so baseline and what-if train in
// parallel on two cores) with a heap limit and a hard timeout. Whatever happens in a
// worker (throw, crash, hang, OOM, cancel) comes back as check results, never as an
// exception.
import * as path from 'path';
import type { BackendName } from './backend';
import type { BuilderSource } from './builder';
import type { FitOneBatchRun } from './checks/fitOneBatch';
import type { CheckResult, JobName, Runs, SeedRun } from './checks/types';
import type { Assumption, DroppedKey, ModelSpec } from './modelSpec';
import { WORKER_MARK, type WorkerInput } from './protocol';
import { RECIPE } from './recipe';
import { remedyCandidates, type Remedy } from './remedies';
import { Scheduler } from './schedule';
import { evaluateAll, jobKey, userOptimizer, type JobResult, type JobSpec } from './suite';
import type { TrainRun } from './trainRun';
import type { UserDataSource, UserDataSummary } from './userData';
import { applyWhatIf, type WhatIfChange, type WhatIfSettings } from './whatIf';
import { GRACE_MS, runWorker, type Ready } from './workerHandle';

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
  /** Synthetic data: training rows (default 256), also the shuffled labels the memorization probe trains on; with data, the training split's rows. */
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
  /** Only these jobs (default: all). 'baseline' covers generalization-gap and underfitting, 'what-if' the remedies. */
  jobs?: JobName[];
  /** Wall time over the budget before workers are killed (default 5 s). */
  graceSeconds?: number;
  /** Test hook passed to the workers. */
  chaos?: WorkerInput['chaos'];
}

export interface TrainProgress {
  job: JobName;
  seedIndex: number;
  /** The remedy a what-if run trains. */
  remedy?: string;
  step: number;
  /** Completed epochs (fractional). */
  epoch: number;
  trainLoss: number;
  valLoss: number;
  /** Time since the run started and the budget, for a percentage. */
  elapsedMs: number;
  budgetMs: number;
}

export interface TrainReport {
  model: string;
  built: 'static' | 'builder' | 'failed';
  reason?: string;
  backend?: BackendName;
  backendNote?: string;
  cancelled?: boolean;
  seed: number;
  /** Seeds (and splits) the verdicts are judged over. */
  seeds: number;
  budgetSeconds: number;
  elapsedMs: number;
  /** What the preferred quick fixes change (the configured remedy). */
  whatIfChanges: WhatIfChange[];
  checks: CheckResult[];
  /** Per-seed curves of the model and of each measured remedy, for the curves view. */
  curves?: ReportCurves;
  /** The user's data, when it replaced the synthetic data. */
  data?: UserDataSummary;
  /** Values the code does not fix and what the model was built with instead (static mode). */
  assumptions?: Assumption[];
  /** Config keys left out because they do not change what is measured. */
  dropped?: DroppedKey[];
}

export interface SeedCurve {
  seedIndex: number;
  /** Optimizer steps per epoch, to draw against epochs. */
  stepsPerEpoch: number;
  steps: number[];
  train: number[];
  val: number[];
}

export interface ReportCurves {
  baseline: SeedCurve[];
  remedies: { id: string; description: string; seeds: SeedCurve[] }[];
  /** Chance and linear-model validation loss (mean over seeds). */
  chance: number;
  linear?: number;
}

export interface RunHooks {
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
  /** Everything the workers produced, before the checks (bench:verdicts' quiet-machine replay). */
  onCollected?: (c: Collected) => void;
}

const ALL_JOBS: JobName[] = ['fit-one-batch', 'baseline', 'what-if', 'random-labels', 'user-optimizer'];

export async function runSanityTrain(request: TrainRequest, hooks: RunHooks = {}): Promise<TrainReport> {
  const started = Date.now();
  const seed = request.seed ?? 1;
  const budgetSeconds = request.budgetSeconds ?? RECIPE.defaultBudgetSeconds;
  const name = request.spec?.name ?? request.builder?.modelName ?? path.basename(request.builder?.fileName ?? 'model');
  const base = {
    model: name, seed, seeds: request.data ? RECIPE.seeds.length : 1, budgetSeconds, whatIfChanges: [] as WhatIfChange[],
    ...(request.spec?.assumptions?.length ? { assumptions: request.spec.assumptions } : {}),
    ...(request.spec?.dropped?.length ? { dropped: request.spec.dropped } : {}),
  };
  const failed = (reason: string): TrainReport =>
    ({ ...base, built: 'failed', reason, elapsedMs: Date.now() - started, checks: [] });
  try {
    const useBuilder = !request.spec && !!request.builder;
    if (useBuilder && request.trusted !== true) {
      return failed('builder mode runs workspace code and needs a trusted workspace (--trust for the CLI)');
    }
    if (!request.spec && !request.builder) return failed('nothing to train: no spec and no builder source');
    const wanted = request.jobs ?? ALL_JOBS;
    const deadline = started + budgetSeconds * 1000;
    const grace = (request.graceSeconds ?? GRACE_MS / 1000) * 1000;
    const input: WorkerInput = {
      mark: WORKER_MARK,
      spec: request.spec,
      builder: useBuilder ? request.builder : undefined,
      trusted: request.trusted === true,
      seed,
      data: request.data,
      samples: request.samples,
      backend: request.backend,
      wasmDir: request.wasmDir,
      chaos: request.chaos,
    };
    // The plan needs the spec (builder mode learns it in the worker): made on the first `ready`.
    let scheduler: Scheduler | undefined;
    let ready: Ready | undefined;
    let remedies: Remedy[] = [];
    let firstReadyAt = 0;
    const results = new Map<string, JobResult>();
    const cpuMs = new Map<string, number>();
    const errors = new Map<string, string>();
    const jobsByKey = new Map<string, JobSpec>();
    const onReady = (r: Ready) => {
      if (scheduler) return;
      ready = r;
      firstReadyAt = Date.now();
      // Labels the model's output cannot produce: nothing can train (fit-one-batch says why).
      const blocked = r.labelProblem !== undefined;
      remedies = !blocked && wanted.includes('what-if') ? remedyCandidates(r.spec, request.whatIf) : [];
      const extras = blocked ? [] : wanted.filter((j) => j !== 'baseline' && j !== 'what-if' && (j !== 'user-optimizer' || userOptimizer(r.spec)));
      scheduler = new Scheduler({
        userData: !!r.data, extras, remedies, baseline: !blocked && (wanted.includes('baseline') || wanted.includes('what-if')),
        deadline, fitOneBatchDeadline: started + budgetSeconds * 1000 * RECIPE.fitOneBatch.budgetShare,
      });
    };
    // Workers told to wait (their next job needs another worker's result) ask again on every result.
    let waiting: (() => void)[] = [];
    const wakeUp = () => {
      const w = waiting;
      waiting = [];
      for (const retry of w) retry();
    };
    const events = {
      onReady,
      nextJob: (retry: () => void) => {
        const next = scheduler?.next();
        if (next === 'wait') waiting.push(retry);
        else if (next) jobsByKey.set(jobKey(next.job), next.job);
        return next;
      },
      onResult: (key: string, result: JobResult, wallMs: number, cpu?: number) => {
        results.set(key, result);
        if (cpu !== undefined) cpuMs.set(key, cpu);
        const job = jobsByKey.get(key);
        const cut = 'stopped' in result && result.stopped === 'budget';
        if (job?.name === 'baseline') scheduler?.baselineDone(job.seedIndex, wallMs, cut || !('stepsRun' in result) ? undefined : result.stepsRun);
        if (job?.name === 'what-if' && cut) scheduler?.remedyFailed(job.remedy!.id, 'the budget ended during its runs');
        wakeUp();
      },
      onJobError: (key: string, error: string) => {
        errors.set(key, error);
        const job = jobsByKey.get(key);
        if (job?.name === 'baseline') scheduler?.baselineDone(job.seedIndex, 0, undefined);
        if (job?.name === 'what-if') scheduler?.remedyFailed(job.remedy!.id, error);
        wakeUp();
      },
      onProgress: (m: { job: JobName; seedIndex: number; remedy?: string; step: number; epoch: number; trainLoss: number; valLoss: number }) =>
        hooks.onProgress?.({
          job: m.job, seedIndex: m.seedIndex, remedy: m.remedy, step: m.step, epoch: m.epoch, trainLoss: m.trainLoss, valLoss: m.valLoss,
          elapsedMs: Date.now() - started, budgetMs: budgetSeconds * 1000,
        }),
    };
    const workers = request.parallel === false ? 1 : 2;
    const outcomes = await Promise.all(Array.from({ length: workers }, () => runWorker(request, input, hooks, deadline + grace, events).then((o) => {
      // A worker that ended with jobs in hand (crash, limit): nobody waits for those any more.
      for (const job of o.unfinished.values()) if (job.name === 'baseline') scheduler?.baselineDone(job.seedIndex, 0, undefined);
      wakeUp();
      return o;
    })));
    const cancelled = outcomes.some((o) => o.cancelled);
    if (!ready) {
      const why = outcomes.map((o) => o.fatal).find(Boolean) ?? 'the training worker did not start';
      return failed(cancelled ? 'cancelled' : why);
    }
    for (const o of outcomes) for (const key of o.unfinished.keys()) if (!errors.has(key)) errors.set(key, o.fatal ?? 'no result');
    const r: Ready = ready;
    const collected: Collected = { ready: r, results, errors, jobsByKey, remedies, notMeasured: scheduler?.notMeasured ?? new Map(), cpuMs };
    hooks.onCollected?.(collected);
    const runs = runsFrom(collected, { seconds: budgetSeconds, workers, startupMs: Math.max(0, firstReadyAt - started) }, request.whatIf);
    if (r.labelProblem) runs.labelProblem = r.labelProblem;
    runs.memorizationSamples = r.trainRows;
    const report: TrainReport = {
      ...base,
      seeds: runs.synthetic ? 1 : RECIPE.seeds.length,
      model: r.spec.name,
      built: useBuilder ? 'builder' : 'static',
      backend: r.backend,
      elapsedMs: Date.now() - started,
      whatIfChanges: runs.whatIfChanges,
      checks: evaluateAll(runs),
      curves: reportCurves(runs),
    };
    if (r.data) report.data = r.data;
    if (r.spec.assumptions?.length) report.assumptions = r.spec.assumptions;
    if (r.spec.dropped?.length) report.dropped = r.spec.dropped;
    if (r.fallbackReason) report.backendNote = r.fallbackReason;
    if (cancelled) report.cancelled = true;
    return report;
  } catch (e) {
    return failed(`internal error: ${(e as Error).message}`);
  }
}

/** Everything the workers produced for one request (bench:verdicts replays it on a quiet machine's timeline). */
export interface Collected {
  ready: Ready;
  results: Map<string, JobResult>;
  errors: Map<string, string>;
  jobsByKey: Map<string, JobSpec>;
  remedies: Remedy[];
  notMeasured: Map<string, string>;
  /** Worker-thread CPU time per job (Linux). */
  cpuMs: Map<string, number>;
}

/** The collected results as the checks read them. */
export function runsFrom(c: Collected, budget: Runs['budget'], whatIf?: WhatIfSettings): Runs {
  const runs = assembleRuns(c.ready, c);
  runs.whatIfChanges = applyWhatIf(c.ready.spec, whatIf).changes;
  runs.budget = budget;
  const opt = userOptimizer(c.ready.spec);
  if (opt) runs.userOptimizerSpec = opt;
  const compiled = c.ready.spec.compile;
  if (compiled?.optimizer) runs.compiledOptimizer = { name: compiled.optimizer, learningRate: compiled.learningRate };
  return runs;
}

function assembleRuns(ready: Ready, c: Collected): Runs {
  const seeds = ready.data ? RECIPE.seeds : [0];
  const get = (job: JobSpec) => c.results.get(jobKey(job));
  const seedRun = (job: JobSpec): SeedRun => {
    const run = get(job) as TrainRun | undefined;
    const error = c.errors.get(jobKey(job));
    const s: SeedRun = { seedIndex: job.seedIndex };
    if (run && run.stopped !== 'budget') s.run = run;
    else s.error = run ? `the budget ended at epoch ${run.epochsRun}` : error ?? 'not run';
    if (run?.stopped === 'budget') s.run = run; // cut runs are still read: "still improving" is evidence too
    return s;
  };
  const baselines = seeds.map((k) => seedRun({ name: 'baseline', seedIndex: k }));
  const remedies = c.remedies.map((remedy) => {
    const seedsRun = seeds.map((k) => seedRun({ name: 'what-if', seedIndex: k, remedy }));
    const cut = seedsRun.some((s) => s.run?.stopped === 'budget');
    const missing = seedsRun.some((s) => !s.run);
    const notMeasured = c.notMeasured.get(remedy.id) ?? (cut ? 'the budget ended during its runs' : missing ? seedsRun.map((s) => s.error).find(Boolean) : undefined);
    return { remedy, seeds: seedsRun, ...(notMeasured ? { notMeasured } : {}) };
  });
  const errors: Runs['errors'] = {};
  for (const [key, e] of c.errors) {
    const job = c.jobsByKey.get(key);
    if (job && !errors[job.name]) errors[job.name] = e;
  }
  return {
    task: ready.task,
    fitOneBatch: get({ name: 'fit-one-batch', seedIndex: 0 }) as FitOneBatchRun | undefined,
    baseline: baselines[0]?.run,
    baselines,
    yardsticks: ready.yardsticks,
    linearNote: ready.linearNote,
    remedies,
    whatIf: remedies.find((r) => r.seeds[0]?.run)?.seeds[0].run,
    whatIfChanges: [],
    randomLabels: get({ name: 'random-labels', seedIndex: 0 }) as TrainRun | undefined,
    userOptimizer: get({ name: 'user-optimizer', seedIndex: 0 }) as TrainRun | undefined,
    synthetic: !ready.data,
    budget: { seconds: 0, workers: 2, startupMs: 0 },
    errors,
    chanceLoss: ready.chanceLoss,
  };
}

export function reportCurves(runs: Runs): ReportCurves | undefined {
  const curve = (s: SeedRun) => s.run && s.run.curves.val.length > 1
    ? [{ seedIndex: s.seedIndex, stepsPerEpoch: s.run.stepsPerEpoch, steps: s.run.steps, train: s.run.curves.train, val: s.run.curves.val }]
    : [];
  const baseline = runs.baselines.flatMap(curve);
  if (baseline.length === 0) return undefined;
  const linear = runs.yardsticks.every((y) => y.linear !== undefined) ? runs.yardsticks.reduce((a, y) => a + y.linear!, 0) / runs.yardsticks.length : undefined;
  return {
    baseline,
    remedies: runs.remedies.filter((r) => !r.notMeasured).map((r) => ({ id: r.remedy.id, description: r.remedy.description, seeds: r.seeds.flatMap(curve) })),
    chance: runs.yardsticks.reduce((a, y) => a + y.chance, 0) / runs.yardsticks.length,
    ...(linear !== undefined ? { linear } : {}),
  };
}
