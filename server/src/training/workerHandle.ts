// One training worker's life: start it with a heap limit, hand it jobs while it asks for
// them (`nextJob`), relay its progress, collect its results, and end it when there is
// nothing left, on error, exit, cancel or the hard time limit. Resolves in every case;
// what went wrong is in `fatal`.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { RunnerMessage, WorkerInput, WorkerMessage } from './protocol';
import type { RunHooks, TrainRequest } from './runner';
import { jobKey, type JobResult, type JobSpec } from './suite';

/** Extra wall time over the budget before a worker is killed: startup and the last evaluation. */
export const GRACE_MS = 5000;

/** worker.js beside this file (tsc output), else the bundle's trainWorker.js. */
export function defaultWorkerPath(): string {
  if (process.env.REGLINT_TRAIN_WORKER) return process.env.REGLINT_TRAIN_WORKER;
  const tsc = path.join(__dirname, 'worker.js');
  return fs.existsSync(tsc) ? tsc : path.join(__dirname, 'trainWorker.js');
}

export type Ready = Extract<WorkerMessage, { type: 'ready' }>;

export interface WorkerEvents {
  onReady(ready: Ready): void;
  /**
   * The next job for this worker; 'wait' when what is left waits for another worker's
   * result (`retry` is then called once something arrives); undefined: nothing left (the
   * worker is stopped).
   */
  nextJob(retry: () => void): { job: JobSpec; deadline: number } | 'wait' | undefined;
  onResult(key: string, result: JobResult, wallMs: number, cpuMs?: number): void;
  onJobError(key: string, error: string): void;
  onProgress(m: Extract<WorkerMessage, { type: 'progress' }>): void;
}

export interface Outcome {
  ready?: Ready;
  /** Keys of jobs it was given and did not finish. */
  unfinished: Map<string, JobSpec>;
  fatal?: string;
  cancelled?: boolean;
}

export function runWorker(request: TrainRequest, input: WorkerInput, hooks: RunHooks, killAt: number, events: WorkerEvents): Promise<Outcome> {
  const out: Outcome = { unfinished: new Map() };
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
    let current: { key: string; started: number } | undefined;
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
    const send = (m: RunnerMessage) => worker.postMessage(m);
    const giveWork = (): void => {
      if (settled) return;
      const next = events.nextJob(giveWork);
      if (next === 'wait') return;
      if (!next) {
        send({ type: 'stop' });
        finish();
        return;
      }
      const key = jobKey(next.job);
      out.unfinished.set(key, next.job);
      current = { key, started: Date.now() };
      send({ type: 'job', ...next });
    };
    const debug = process.env.REGLINT_TRAIN_DEBUG ? (m: string) => process.stderr.write(`[train ${Date.now() % 100000}] ${m}\n`) : undefined;
    worker.on('message', (m: WorkerMessage) => {
      if (debug && m.type !== 'progress') debug(`${m.type}${'key' in m ? ` ${m.key}` : ''}${m.type === 'ready' ? ` ${m.backend}` : ''}`);
      switch (m.type) {
        case 'ready':
          out.ready = m;
          events.onReady(m);
          break;
        case 'idle':
          giveWork();
          break;
        case 'progress':
          try {
            events.onProgress(m);
          } catch {
            // a failing progress callback must not stop training
          }
          break;
        case 'result':
          out.unfinished.delete(m.key);
          events.onResult(m.key, m.result, current?.key === m.key ? Date.now() - current.started : 0, m.cpuMs);
          break;
        case 'job-error':
          out.unfinished.delete(m.key);
          events.onJobError(m.key, m.error);
          break;
        case 'fatal':
          finish(m.error);
          break;
      }
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `the training worker ran out of memory (limit ${request.memoryLimitMb ?? 1024} MB)`
        : `the training worker crashed: ${e.message}`));
    worker.on('exit', (code) => finish(code === 0 ? undefined : `the training worker exited with code ${code}`));
  });
}
