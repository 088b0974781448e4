// How much slower this machine is right now than a quiet one, measured: a fixed probe (a
// 16-unit MLP on 8 inputs, 400 optimizer steps of batch 32, the trainer's own loop) against
// its time on a quiet 2-core machine. `bench:verdicts --quiet-equivalent` scales each pair's
// budget by it, to see which verdicts a quiet machine's 10 s would reach while others load
// this one; the plain run (unscaled budget) is the honest wall-clock result.
import { initBackend } from '../../server/src/training/backend';
import { labelLayers, layer, type ModelSpec } from '../../server/src/training/modelSpec';
import { loadTf } from '../../server/src/training/tf';
import { trainRun } from '../../server/src/training/trainRun';
import { Rng } from '../../server/src/training/rng';

/** ms per step of the probe on this machine at load average ~1 (tfjs 4.22, WASM, Node 20). */
export const QUIET_PROBE_MS_PER_STEP = 0.7;

const PROBE: ModelSpec = {
  name: 'probe', style: 'sequential-add', inputShape: [8], inputDtype: 'float32',
  layers: labelLayers([layer('dense', { units: 16, activation: 'relu' }), layer('dense', { units: 1 })]),
};

/** Current slowdown (>= 1) relative to a quiet machine. */
export async function slowdown(): Promise<{ factor: number; msPerStep: number }> {
  const tf = loadTf();
  await initBackend(tf);
  const rng = new Rng(5);
  const n = 256;
  const x = Float32Array.from({ length: n * 8 }, () => rng.normal());
  const y = Float32Array.from({ length: n }, () => rng.normal());
  const data = { x, y, xShape: [n, 8], yShape: [n, 1], n };
  const task = { kind: 'regression' as const, units: 1, loss: 'meanSquaredError', activation: 'linear', sparse: false };
  const run = await trainRun(tf, PROBE, task, data, data, { batchSize: 32, optimizer: { name: 'adam', learningRate: 1e-3 }, seed: 1, maxSteps: 400, evalEvery: 400 });
  return { factor: Math.max(1, run.msPerStep / QUIET_PROBE_MS_PER_STEP), msPerStep: run.msPerStep };
}
