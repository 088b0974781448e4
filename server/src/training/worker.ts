// Training worker entry: runs jobs for one model and posts results. Runs as a
// worker_threads Worker from out/ (tsc) or from the bundle (dist/trainWorker.js).
// Everything that can go wrong here stays here: the runner sees messages or an exit.
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { initBackend } from './backend';
import type { JobName } from './checks/types';
import { WORKER_MARK, type WorkerInput, type WorkerMessage } from './protocol';
import { prepare, runJob, userOptimizer } from './suite';
import { loadTf } from './tf';
import { readUserTable } from './userData';
import { applyWhatIf } from './whatIf';

function post(m: WorkerMessage): void {
  parentPort!.postMessage(m);
}

export async function workerMain(input: WorkerInput): Promise<void> {
  try {
    if (input.chaos) await misbehave(input.chaos);
    const tf = loadTf();
    const backend = await initBackend(tf, { prefer: input.backend, wasmDir: input.wasmDir });
    let spec = input.spec;
    if (!spec && input.builder) {
      // Defence in depth: the runner never sends source without trust, and we re-check.
      if (input.trusted !== true) throw new Error('builder mode requires a trusted workspace');
      // Loaded only here: ts-morph costs ~0.3 s of startup that static mode never needs.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { captureModel, specFromLayersModel } = require('./builder') as typeof import('./builder');
      const model = await captureModel(tf, input.builder);
      spec = specFromLayersModel(tf, model, input.builder.modelName ?? model.name);
      model.dispose();
    }
    if (!spec) throw new Error('no model to train');
    const prepared = prepare(tf, spec, input.seed, input.data ? readUserTable(input.data) : undefined, input.samples);
    post({
      type: 'ready', backend: backend.name, fallbackReason: backend.fallbackReason, spec, task: prepared.task,
      chanceLoss: prepared.chanceLoss, data: prepared.data, labelProblem: prepared.labelProblem,
    });
    for (const job of input.jobs) {
      if (prepared.labelProblem) {
        post({ type: 'job-error', job, error: `the labels do not fit the model's output (see fit-one-batch)` });
        continue;
      }
      // Builder mode learns the spec only here: skip runs that would change nothing.
      if (job === 'what-if' && applyWhatIf(spec, input.whatIf).changes.length === 0) continue;
      if (job === 'user-optimizer' && !userOptimizer(spec)) continue;
      try {
        const result = await runJob(tf, prepared, job, {
          seed: input.seed,
          deadline: job === 'fit-one-batch' ? input.fitOneBatchDeadline : input.deadline,
          whatIf: input.whatIf,
          onEpoch: (e) => post({ type: 'progress', job, ...e }),
        });
        post({ type: 'result', job, result });
      } catch (e) {
        post({ type: 'job-error', job: job as JobName, error: (e as Error).message });
      }
    }
    post({ type: 'done' });
  } catch (e) {
    post({ type: 'fatal', error: (e as Error).message });
  }
}

async function misbehave(kind: NonNullable<WorkerInput['chaos']>): Promise<void> {
  if (kind === 'throw') throw new Error('chaos: thrown on purpose');
  if (kind === 'exit') process.exit(3);
  if (kind === 'hang') for (;;) { /* spin: only terminate() ends this */ }
  const hog: number[][] = [];
  for (;;) hog.push(new Array(1e6).fill(Math.random()));
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.mark === WORKER_MARK) {
  void workerMain(workerData as WorkerInput);
}
