// The trainer's benchmark section for BENCHMARKS.md: epoch time per reference model on
// WASM vs the pure-JS CPU backend in the same run, achieved training GFLOP/s, and the
// wall time of the whole default check (10 s budget, two worker threads).
import * as os from 'node:os';
import { initBackend, type BackendName } from '../server/src/training/backend';
import { buildModel } from '../server/src/training/buildModel';
import { forwardFlopsPerSample } from '../server/src/training/flops';
import type { ModelSpec } from '../server/src/training/modelSpec';
import { RECIPE } from '../server/src/training/recipe';
import { REFERENCE } from '../server/src/training/referenceModels';
import { runSanityTrain } from '../server/src/training/runner';
import { prepare } from '../server/src/training/suite';
import { loadTf } from '../server/src/training/tf';
import { toTensors } from '../server/src/training/trainRun';
import { median } from './stats';

const tf = loadTf();

interface EpochTiming {
  seconds: number;
  gflops: number;
}

/** Median seconds per epoch over `epochs` epochs (after one warm-up epoch) and the GFLOP/s. */
async function timeEpochs(spec: ModelSpec, backend: BackendName, batchSize: number, samples: number, epochs: number): Promise<EpochTiming> {
  await initBackend(tf, { prefer: backend });
  const p = prepare(tf, spec, 1);
  const reps = Math.max(1, Math.round(samples / p.train.n));
  const { x: x1, y: y1 } = toTensors(tf, spec, p.train);
  const x = tf.concat(Array(reps).fill(x1)), y = tf.concat(Array(reps).fill(y1));
  const { model } = buildModel(tf, spec);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: p.task.loss });
  await model.fit(x, y, { epochs: 1, batchSize, verbose: 0 });
  const times: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const t = performance.now();
    await model.fit(x, y, { epochs: 1, batchSize, verbose: 0 });
    times.push((performance.now() - t) / 1000);
  }
  const flops = 3 * forwardFlopsPerSample(model) * x.shape[0];
  tf.dispose([x, y, x1, y1]);
  model.dispose();
  const seconds = median(times);
  return { seconds, gflops: flops / seconds / 1e9 };
}

const f = (v: number, d = 2) => v.toFixed(d);

export async function benchTraining(): Promise<string> {
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const load = os.loadavg()[0];
  const lines = [
    '## Sanity-train (server/src/training)',
    '',
    `Reference models (server/src/training/referenceModels.ts): MLP 784-256-128-10, the tfjs MNIST tutorial convnet ` +
      `(conv 8@5x5, pool, conv 16@5x5, pool, dense 10; 28x28x1), LSTM(32) over 20 tokens (embedding 1000x32, sigmoid). ` +
      `Epoch = ${RECIPE.nTrain} samples at the recipe's batch ${RECIPE.batchSize}, training only, median of 3 after a warm-up; ` +
      `GFLOP/s = 3 x forward FLOPs / time. Load average at start: ${f(load)}.`,
    '',
    '| model | WASM s/epoch | CPU s/epoch | CPU/WASM | WASM GFLOP/s (batch 32) | WASM GFLOP/s (batch 256, 2048 samples) |',
    '|---|---|---|---|---|---|',
  ];
  let mlpBig = 0;
  for (const [name, make] of Object.entries(REFERENCE)) {
    log(`  ${name}: epoch timing wasm/cpu…`);
    const wasm = await timeEpochs(make(), 'wasm', RECIPE.batchSize, RECIPE.nTrain, 3);
    const cpu = await timeEpochs(make(), 'cpu', RECIPE.batchSize, RECIPE.nTrain, name === 'mlp' ? 3 : 1);
    const big = await timeEpochs(make(), 'wasm', 256, 2048, 3);
    if (name === 'mlp') mlpBig = big.gflops;
    lines.push(`| ${name} | ${f(wasm.seconds, 3)} | ${f(cpu.seconds, 3)} | ${f(cpu.seconds / wasm.seconds, 1)}x | ${f(wasm.gflops)} | ${f(big.gflops)} |`);
  }
  await initBackend(tf, { prefer: 'wasm' });
  lines.push('', `Target: the MLP trains at 10 GFLOP/s or more: ${f(mlpBig)} GFLOP/s at batch 256 ` +
    `(${mlpBig >= 10 ? 'met' : '**missed**'}); tfjs-backend-wasm's own transposed matmul gave ~4 here.`, '');
  lines.push(
    '| model | default check wall time (budget 10 s) | checks completed | verdicts |',
    '|---|---|---|---|',
  );
  for (const [name, make] of Object.entries(REFERENCE)) {
    log(`  ${name}: default check…`);
    const r = await runSanityTrain({ spec: make(), seed: 1 });
    const done = r.checks.filter((c) => c.verdict !== 'skipped').length;
    lines.push(`| ${name} | ${f(r.elapsedMs / 1000, 1)} s | ${done} of ${r.checks.length} | ` +
      `${r.checks.map((c) => `${c.id} ${c.verdict}`).join(', ')} |`);
  }
  lines.push('', `Load average at end: ${f(os.loadavg()[0])} (other work on the machine slows every number here).`);
  return lines.join('\n') + '\n';
}
