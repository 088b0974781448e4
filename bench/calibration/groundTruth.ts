// Ground truth for the verdict calibration: every pair's model (and every remedy the
// what-if offers for it) trained the way a user who trains on would train it: all rows of
// the file the product sees (dev), Adam 1e-3, batch 32, shuffled every epoch, seeds 1-3,
// until converged; the loss on the held-out test split the product never sees is measured
// every epoch. The criterion that turns these curves into overfits / fits / underfits is
// in verdictOf() and docs/training.md ("Ground truth"), written before any comparison.
//
//   node out/bench/calibration/groundTruth.js [--only id,id] [--base-only] [--workers 2]
//
// writes bench/calibration/groundTruth.json (entries for other pairs are kept).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { initBackend } from '../../server/src/training/backend';
import { measureBaselines } from '../../server/src/training/baselines';
import type { ModelSpec } from '../../server/src/training/modelSpec';
import { applyRemedy, remedyCandidates } from '../../server/src/training/remedies';
import { inferTask } from '../../server/src/training/task';
import { loadTf } from '../../server/src/training/tf';
import { trainRun, type RunHistory, type StopReason } from '../../server/src/training/trainRun';
import { toDataset } from './datasets';
import { PAIRS, pairData, pairSpec, type Pair } from './pairs';

export const GT_SEEDS = [1, 2, 3];
export const GT_FILE = path.resolve(__dirname, '..', '..', '..', 'bench', 'calibration', 'groundTruth.json');

/** How long "trained to convergence" is, in epochs and optimizer steps (batch 32). */
export const CONVERGENCE = {
  batchSize: 32,
  /** Never judged before max(minEpochs, minSteps). */
  minEpochs: 50,
  minSteps: 1500,
  /** Always stops at min(maxSteps, max(maxEpochs epochs, maxStepsFloor)). */
  maxEpochs: 300,
  maxStepsFloor: 6000,
  maxSteps: 15000,
  /** Converged: the smoothed training loss fell by less than this (relative) over the last quarter of the run. */
  plateau: 0.01,
  /** Clearly overfitted: test loss above this multiple of its minimum; training on would only add to it. */
  blowUp: 3,
};

/** One seed's converged run, reduced to what the criterion reads (plus a coarse curve for plots). */
export interface SeedTruth {
  seed: number;
  epochs: number;
  steps: number;
  /** Minimum of the 3-epoch running median of the test loss, and its epoch. */
  min: number;
  minEpoch: number;
  /** Mean test loss over the last 5 epochs: where a user who trains on ends. */
  end: number;
  /** Training data loss at the end. */
  trainEnd: number;
  stopped: string;
  /** Test loss every `every` epochs. */
  curve: number[];
  every: number;
}

export interface VariantTruth {
  /** 'baseline' or a remedy id. */
  variant: string;
  description: string;
  seeds: SeedTruth[];
}

export interface PairTruth {
  id: string;
  rows: { dev: number; test: number };
  chance: number;
  linear: number | null;
  variants: VariantTruth[];
  computedAt: string;
  seconds: number;
}

export type TruthOutcome = 'overfits' | 'fits' | 'underfits';

/** The ground-truth criterion (docs/training.md, "Ground truth"). */
export const CRITERION = {
  /** Overfits: the median seed ends at least this much (relative) above its minimum... */
  overfitRise: 0.1,
  /** ...and every seed at least this much. */
  overfitRiseEverySeed: 0.05,
  /** Underfits: the best test loss is not this much (relative) better than chance or the linear model... */
  learnsMargin: 0.02,
  /** ...unless it is below this share of chance (near-perfect predictions: nothing is left to learn, whatever a linear model does). */
  nearPerfect: 0.02,
};

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function riseOf(s: SeedTruth): number {
  return (s.end - s.min) / s.min;
}

export function verdictOf(pair: PairTruth, variant = 'baseline'): { outcome: TruthOutcome; rise: number; best: number; end: number } {
  const v = pair.variants.find((x) => x.variant === variant);
  if (!v) throw new Error(`${pair.id}: no ground truth for ${variant}`);
  const rises = v.seeds.map(riseOf);
  const rise = median(rises), best = median(v.seeds.map((s) => s.min)), end = median(v.seeds.map((s) => s.end));
  if (rise >= CRITERION.overfitRise && Math.min(...rises) >= CRITERION.overfitRiseEverySeed) return { outcome: 'overfits', rise, best, end };
  const bar = Math.min(pair.chance, pair.linear ?? Infinity);
  if (best > bar * (1 - CRITERION.learnsMargin) && best > CRITERION.nearPerfect * pair.chance) return { outcome: 'underfits', rise, best, end };
  return { outcome: 'fits', rise, best, end };
}

/**
 * Whether a seed's run may not have converged: it stopped at the step cap with its minimum in
 * the last fifth of the run (still improving when the cap came). The verdict then describes
 * training that long, not training on forever; bench:verdicts marks such pairs.
 */
export function atCapNearMin(pair: PairTruth, variant = 'baseline'): boolean {
  const v = pair.variants.find((x) => x.variant === variant);
  return !!v && v.seeds.filter((s) => s.stopped === 'max-steps' && s.minEpoch >= 0.8 * s.epochs).length >= 2;
}

/** Relative change of the converged end (median over seeds) with a remedy vs without. */
export function realChange(pair: PairTruth, remedy: string): number | undefined {
  const v = pair.variants.find((x) => x.variant === remedy);
  if (!v) return undefined;
  const base = verdictOf(pair).end;
  return (median(v.seeds.map((s) => s.end)) - base) / base;
}

function smooth3(v: number[]): number[] {
  return v.map((_, i) => median(v.slice(Math.max(0, i - 1), i + 2)));
}

/** The convergence rule: stop once converged (train loss plateau) or clearly blown up, after the minimum length. */
function convergenceRule(h: RunHistory): StopReason | undefined {
  const epochs = h.steps.length;
  const steps = h.steps[epochs - 1];
  if (epochs < CONVERGENCE.minEpochs || steps < CONVERGENCE.minSteps) return undefined;
  const val = smooth3(h.val);
  if (val[val.length - 1] > CONVERGENCE.blowUp * Math.min(...val)) return 'turned';
  const q = Math.max(2, Math.floor(epochs / 4));
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  const before = mean(h.train.slice(-2 * q, -q)), last = mean(h.train.slice(-q));
  return before - last < CONVERGENCE.plateau * before ? 'converged' : undefined;
}

interface Job {
  pair: string;
  variant: string;
  spec: ModelSpec;
  seed: number;
}

async function runJob(job: Job): Promise<SeedTruth> {
  const tf = loadTf();
  await initBackend(tf);
  const pair = PAIRS.find((p) => p.id === job.pair)!;
  const { dev, test } = pairData(pair);
  const task = taskOf(job.spec);
  const train = toDataset(dev), val = toDataset(test);
  const spe = Math.ceil(train.n / CONVERGENCE.batchSize);
  const maxSteps = Math.min(CONVERGENCE.maxSteps, Math.max(CONVERGENCE.maxEpochs * spe, CONVERGENCE.maxStepsFloor));
  const r = await trainRun(tf, job.spec, task, train, val, {
    batchSize: CONVERGENCE.batchSize, optimizer: { name: 'adam', learningRate: 0.001 }, seed: job.seed,
    maxSteps: Math.ceil(maxSteps / spe) * spe, evalEvery: spe, stopRule: convergenceRule,
  });
  const val3 = smooth3(r.curves.val);
  const minIndex = val3.indexOf(Math.min(...val3));
  const every = Math.max(1, Math.ceil(r.curves.val.length / 60));
  return {
    seed: job.seed, epochs: r.epochsRun, steps: r.stepsRun, min: val3[minIndex], minEpoch: minIndex + 1,
    end: r.curves.val.slice(-5).reduce((a, b) => a + b, 0) / Math.min(5, r.curves.val.length),
    trainEnd: r.curves.train.at(-1)!, stopped: r.stopped ?? 'max-steps',
    curve: r.curves.val.filter((_, i) => i % every === every - 1), every,
  };
}

function taskOf(spec: ModelSpec) {
  const out = spec.layers[spec.layers.length - 1].config.units as number;
  const t = inferTask(spec, out);
  if ('error' in t) throw new Error(t.error);
  return t;
}

function variantsOf(pair: Pair, baseOnly: boolean): { variant: string; description: string; spec: ModelSpec }[] {
  const { dev } = pairData(pair);
  const spec = pairSpec(pair, dev);
  const out = [{ variant: 'baseline', description: 'as written', spec }];
  if (!baseOnly) for (const r of remedyCandidates(spec)) out.push({ variant: r.id, description: r.description, spec: applyRemedy(spec, r) });
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
  const baseOnly = args.includes('--base-only');
  const workers = args.includes('--workers') ? Number(args[args.indexOf('--workers') + 1]) : 2;
  // Seeds already in the file are kept unless --recompute (a run is a function of its seed).
  const recompute = args.includes('--recompute');
  const pairs = PAIRS.filter((p) => !only || only.includes(p.id));
  const existing: Record<string, PairTruth> = fs.existsSync(GT_FILE) ? JSON.parse(fs.readFileSync(GT_FILE, 'utf8')).pairs : {};
  const jobs: Job[] = [];
  const results = new Map<string, SeedTruth>();
  const variants = new Map<string, { variant: string; description: string }[]>();
  for (const p of pairs) {
    const vs = variantsOf(p, baseOnly);
    variants.set(p.id, vs);
    for (const v of vs) {
      for (const seed of GT_SEEDS) {
        const known = recompute ? undefined : existing[p.id]?.variants.find((x) => x.variant === v.variant)?.seeds.find((x) => x.seed === seed);
        if (known) results.set(`${p.id}|${v.variant}|${seed}`, known);
        else jobs.push({ pair: p.id, variant: v.variant, spec: v.spec, seed });
      }
    }
  }
  // One remedy at a time over all pairs (the configured fixes first): useful results come early.
  const rank = (j: Job) => variants.get(j.pair)!.findIndex((v) => v.variant === j.variant);
  jobs.sort((a, b) => rank(a) - rank(b));
  process.stderr.write(`${jobs.length} converged runs for ${pairs.length} pairs on ${workers} workers (load ${os.loadavg()[0].toFixed(2)})\n`);
  const started = new Map<string, number>();
  const seconds = new Map<string, number>();
  let next = 0;
  const vsDone = new Map<string, { variant: string; description: string }[]>();
  const save = () => {
    for (const p of pairs) {
      const vs = variants.get(p.id)!;
      const all = vs.every((v) => GT_SEEDS.every((s) => results.has(`${p.id}|${v.variant}|${s}`)));
      if (!all) {
        // Keep what is complete (the baseline first): a partial pair still calibrates the verdict.
        const done = vs.filter((v) => GT_SEEDS.every((s) => results.has(`${p.id}|${v.variant}|${s}`)));
        if (!done.some((v) => v.variant === 'baseline')) continue;
        vsDone.set(p.id, done);
      } else vsDone.set(p.id, vs);
      const { dev, test } = pairData(p);
      const spec = pairSpec(p, dev);
      const b = measureBaselines(taskOf(spec), toDataset(dev), toDataset(test), false);
      existing[p.id] = {
        id: p.id, rows: { dev: dev.x.length, test: test.x.length }, chance: b.chance.valLoss, linear: b.linear?.valLoss ?? null,
        variants: vsDone.get(p.id)!.map((v) => ({ ...v, seeds: GT_SEEDS.map((s) => results.get(`${p.id}|${v.variant}|${s}`)!) })),
        computedAt: new Date().toISOString(), seconds: Math.round(seconds.get(p.id) ?? 0),
      };
    }
    const sorted = Object.fromEntries(PAIRS.filter((p) => existing[p.id]).map((p) => [p.id, existing[p.id]]));
    fs.writeFileSync(GT_FILE, JSON.stringify({
      command: 'npm run compile && node out/bench/calibration/groundTruth.js', seeds: GT_SEEDS, convergence: CONVERGENCE, criterion: CRITERION,
      pairs: sorted,
    }, null, 1) + '\n');
  };
  await Promise.all(Array.from({ length: workers }, async () => {
    const w = new Worker(__filename, { workerData: { gtWorker: true } });
    try {
      while (next < jobs.length) {
        const job = jobs[next++];
        const key = `${job.pair}|${job.variant}|${job.seed}`;
        const t0 = Date.now();
        started.set(key, t0);
        const r = await new Promise<SeedTruth>((resolve, reject) => {
          w.once('message', (m: { ok: boolean; result?: SeedTruth; error?: string }) => (m.ok ? resolve(m.result!) : reject(new Error(m.error))));
          w.postMessage(job);
        });
        results.set(key, r);
        seconds.set(job.pair, (seconds.get(job.pair) ?? 0) + (Date.now() - t0) / 1000);
        process.stderr.write(`${key}: ${r.epochs} epochs (${r.stopped}), min ${r.min.toFixed(4)} at ${r.minEpoch}, end ${r.end.toFixed(4)} ` +
          `(+${(100 * riseOf(r)).toFixed(0)}%), ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
        save();
      }
    } finally {
      await w.terminate();
    }
  }));
  save();
}

if (isMainThread && require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
} else if ((workerData as { gtWorker?: boolean })?.gtWorker) {
  parentPort!.on('message', (job: Job) => {
    runJob(job).then(
      (result) => parentPort!.postMessage({ ok: true, result }),
      (e) => parentPort!.postMessage({ ok: false, error: (e as Error).stack }),
    );
  });
}
