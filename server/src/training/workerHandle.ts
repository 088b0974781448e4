// One training worker's life: start it with a heap limit, relay its progress, collect
// its results, and end it on 'done', error, exit, cancel or the hard time limit.
// Resolves in every case; what went wrong is in `fatal`.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { FitOneBatchRun } from './checks/fitOneBatch';
import type { JobName } from './checks/types';
import type { WorkerInput, WorkerMessage } from './protocol';
import type { RunHooks, TrainRequest } from './runner';
import type { TrainRun } from './trainRun';

/** Extra wall time over the budget before a worker is killed: startup and the last epoch. */
export const GRACE_MS = 5000;

/** worker.js beside this file (tsc output), else the bundle's trainWorker.js. */
export function defaultWorkerPath(): string {
  if (process.env.REGLINT_TRAIN_WORKER) return process.env.REGLINT_TRAIN_WORKER;
  const tsc = path.join(__dirname, 'worker.js');
  return fs.existsSync(tsc) ? tsc : path.join(__dirname, 'trainWorker.js');
}

export interface Outcome {
  jobs: JobName[];
  ready?: Extract<WorkerMessage, { type: 'ready' }>;
  results: Map<JobName, TrainRun | FitOneBatchRun>;
  errors: Map<JobName, string>;
  fatal?: string;
  cancelled?: boolean;
}

export function runWorker(request: TrainRequest, input: WorkerInput, hooks: RunHooks, killAt: number): Promise<Outcome> {
  const out: Outcome = { jobs: input.jobs, results: new Map(), errors: new Map() };
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(request.workerPath ?? defaultWorkerPath(), {
        workerData: input,
        resourceLimits: { maxOldGenerationSizeMb: request.memoryLimitMb ?? 1024 },
        stdout: true, // tfjs may print; never let it reach an LSP stdio stream
        stderr: false,
      });
    } catch (e) {
      out.fatal = `could not start the training worker: ${(e as Error).message}`;
      return resolve(out);
    }
    worker.stdout.resume();
    let settled = false;
    const finish = (fatal?: string) => {
      if (settled) return;
      settled = true;
      if (fatal && !out.fatal) out.fatal = fatal;
      clearTimeout(timer);
      hooks.signal?.removeEventListener('abort', onAbort);
      void worker.terminate().catch(() => undefined);
      resolve(out);
    };
    const timer = setTimeout(
      () => finish(`the training worker was stopped at the hard time limit (budget + ${Math.round((request.graceSeconds ?? GRACE_MS / 1000) * 10) / 10} s)`),
      Math.max(0, killAt - Date.now()),
    );
    const onAbort = () => {
      out.cancelled = true;
      finish('cancelled');
    };
    if (hooks.signal?.aborted) return onAbort();
    hooks.signal?.addEventListener('abort', onAbort);
    const debug = process.env.REGLINT_TRAIN_DEBUG ? (m: string) => process.stderr.write(`[train ${Date.now() % 100000}] ${m}\n`) : undefined;
    worker.on('message', (m: WorkerMessage) => {
      if (debug && m.type !== "progress") debug(`${input.jobs.join("+")}: ${m.type}${"job" in m ? ` ${m.job}` : ""}${m.type === "ready" ? ` ${m.backend}` : ""}`);
      switch (m.type) {
        case 'ready': out.ready = m; break;
        case 'progress':
          try {
            hooks.onProgress?.({ job: m.job, epoch: m.epoch, epochs: m.epochs, trainLoss: m.trainLoss, valLoss: m.valLoss });
          } catch {
            // a failing progress callback must not stop training
          }
          break;
        case 'result': out.results.set(m.job, m.result); break;
        case 'job-error': out.errors.set(m.job, m.error); break;
        case 'fatal': out.fatal = m.error; break;
        case 'done': finish(); break;
      }
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `the training worker ran out of memory (limit ${request.memoryLimitMb ?? 1024} MB)`
        : `the training worker crashed: ${e.message}`));
    worker.on('exit', (code) => finish(code === 0 ? undefined : `the training worker exited with code ${code}`));
  });
}
