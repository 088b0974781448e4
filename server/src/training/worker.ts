// Training worker entry: prepares one model and its data, then runs the jobs the runner
// hands it one at a time and posts their results. Runs as a worker_threads Worker from out/
// (tsc) or from the bundle (dist/trainWorker.js). Everything that can go wrong here stays
// here: the runner sees messages or an exit.
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { initBackend } from './backend';
import { WORKER_MARK, type RunnerMessage, type WorkerInput, type WorkerMessage } from './protocol';
import { jobKey, prepare, runJob } from './suite';
import { loadTf } from './tf';
import { threadCpuMs } from './threadCpu';
import { readUserTable } from './userData';
import { dataFactsOf, fitSpecToData } from './assumptions';

/** Progress messages per job at most this often (a run may evaluate thousands of times). */
const PROGRESS_MS = 200;

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
      const { builderArgAssumption, captureModel, specFromLayersModel } = require('./builder') as typeof import('./builder');
      const { model, call } = await captureModel(tf, input.builder);
      spec = specFromLayersModel(tf, model, input.builder.modelName ?? model.name);
      // What the builder was called with is part of what was measured: listed like an assumption.
      if (call) spec.assumptions = call.params.map((p) => builderArgAssumption(call.name, p));
      model.dispose();
    }
    if (!spec) throw new Error('no model to train');
    const table = input.data ? readUserTable(input.data) : undefined;
    // Widths the code does not fix and the data file tells (feature count, token range, classes).
    if (table) spec = fitSpecToData(spec, dataFactsOf(table));
    const prepared = prepare(tf, spec, input.seed, { table, samples: input.samples });
    post({
      type: 'ready', backend: backend.name, fallbackReason: backend.fallbackReason, spec, task: prepared.task,
      chanceLoss: prepared.chanceLoss, data: prepared.data, trainRows: prepared.train.n, labelProblem: prepared.labelProblem,
      yardsticks: prepared.splits.map((s) => ({ chance: s.chance, linear: s.linear })), linearNote: prepared.linearNote,
      startupCpuMs: threadCpuMs(),
    });
    parentPort!.on('message', (m: RunnerMessage) => {
      if (m.type === 'stop') {
        parentPort!.close();
        return;
      }
      if (prepared.labelProblem) {
        post({ type: 'job-error', key: jobKey(m.job), error: `the labels do not fit the model's output (see fit-one-batch)` });
        post({ type: 'idle' });
        return;
      }
      const { job, deadline } = m;
      const key = jobKey(job);
      let last = 0;
      const cpu0 = threadCpuMs();
      runJob(tf, prepared, job, {
        seed: input.seed, deadline,
        onEval: (e) => {
          const now = Date.now();
          if (now - last < PROGRESS_MS) return;
          last = now;
          post({ type: 'progress', key, job: job.name, seedIndex: job.seedIndex, remedy: job.remedy?.id, step: e.step, epoch: e.epoch, trainLoss: e.trainLoss, valLoss: e.valLoss });
        },
      }).then(
        (result) => {
          const cpu1 = threadCpuMs();
          post({ type: 'result', key, result, ...(cpu0 !== undefined && cpu1 !== undefined ? { cpuMs: cpu1 - cpu0 } : {}) });
        },
        (e) => post({ type: 'job-error', key, error: (e as Error).message }),
      ).finally(() => post({ type: 'idle' }));
    });
    post({ type: 'idle' });
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
