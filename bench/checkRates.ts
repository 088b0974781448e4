// Per-check false alarms and catch rates (issue 14): every sanity-train check's verdicts
// on healthy models (the calibration pairs on their data files, and reference models on
// synthetic data) and on the broken-model zoo (server/src/training/brokenModels.ts)
// applied to some of those models, with and without data. Healthy models must never get
// a `fail`; every broken model must get a `fail` from the check that should catch it.
//
//   node out/bench/checkRates.js [--seeds 1,2] [--budget 60] [--only healthy|broken] [--pairs id,id] [--jobs a,b] [--out file.md] [--json file]
//
// prints the markdown section (and writes it to --out, default BENCHMARKS.md's
// "Sanity-train checks" section).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { BREAKAGES, type Breakage } from '../server/src/training/brokenModels';
import type { CheckId, CheckResult, JobName, Verdict } from '../server/src/training/checks/types';
import type { ModelSpec } from '../server/src/training/modelSpec';
import { describeOptimizer, type OptimizerSpec } from '../server/src/training/optimizer';
import { CALIBRATION, REFERENCE } from '../server/src/training/referenceModels';
import { runSanityTrain, type TrainRequest } from '../server/src/training/runner';
import type { TaskKind } from '../server/src/training/task';
import { toCsv, type Table } from './calibration/datasets';
import { PAIRS, pairData, pairSpec, type Pair } from './calibration/pairs';

export const CHECK_IDS: CheckId[] = ['fit-one-batch', 'generalization-gap', 'underfitting', 'memorization', 'what-if', 'divergence', 'dead-relu'];
const VERDICTS: Verdict[] = ['pass', 'warn', 'fail', 'inconclusive', 'skipped'];

/** One sanity-train of one model: what the tallies read. */
export interface CaseResult {
  /** Healthy case id (pair id, or `synthetic:<model>`), or `<breakage>@<base>`. */
  id: string;
  seed: number;
  /** Rows of the data file, or 'synthetic'. */
  data: number | 'synthetic';
  checks: CheckResult[];
  /** Why it was not trained, when it was not. */
  reason?: string;
  seconds: number;
}

export interface BrokenResult extends CaseResult {
  breakage: Breakage;
}

/** Bases the zoo is applied to: classification (3-5 and 2 classes) and regression pairs, small to wide. */
export const ZOO_BASES = [
  'carsorigin-tiny8', 'penguins-mlp64x2', 'seattle-small16',
  'moons-small16', 'city-tiny8',
  'cars-small16', 'gapminder-mlp64x2', 'teacher-mlp128x2',
];

interface Model {
  id: string;
  spec: ModelSpec;
  kind: TaskKind;
  classes: number;
  /** The data file, when the case uses one. */
  file?: string;
  rows?: number;
}

/** The pair's dev split as the CSV file a user would pass to --data. */
function pairModel(pair: Pair, dir: string): Model {
  const { dev } = pairData(pair);
  const file = path.join(dir, `${pair.id}.csv`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, toCsv(dev));
  return { id: pair.id, spec: pairSpec(pair, dev), kind: dev.task, classes: classesOf(dev), file, rows: dev.x.length };
}

const classesOf = (t: Table) => t.classes?.length ?? 1;

/** Healthy models trained on synthetic data (no data file): the calibration and reference models. */
function syntheticModels(): Model[] {
  const cls = (spec: ModelSpec, kind: TaskKind, classes: number): Model => ({ id: `synthetic:${spec.name}`, spec, kind, classes });
  return [
    cls(CALIBRATION.smallRegularized(), 'multiclass', 10),
    cls(CALIBRATION.wideMlp(), 'multiclass', 10),
    cls(REFERENCE.mlp(), 'multiclass', 10),
    cls(REFERENCE.convnet(), 'multiclass', 10),
    cls(REFERENCE.lstm(), 'binary', 2),
  ];
}

/** Only these jobs (a quick look at some checks; the benchmark runs them all). */
let onlyJobs: JobName[] | undefined;

async function train(m: Model, seed: number, budgetSeconds: number): Promise<CaseResult> {
  const t = Date.now();
  const req: TrainRequest = { spec: m.spec, seed, budgetSeconds };
  if (onlyJobs) req.jobs = onlyJobs;
  if (m.file) req.data = { file: m.file };
  const r = await runSanityTrain(req);
  const out: CaseResult = { id: m.id, seed, data: m.rows ?? 'synthetic', checks: r.checks, seconds: (Date.now() - t) / 1000 };
  if (r.built === 'failed') out.reason = r.reason;
  return out;
}

/** Sound optimizers other than the recipe's adam(0.001), on the zoo's bases: the divergence check's false alarms. */
export const HEALTHY_OPTIMIZERS: OptimizerSpec[] = [
  { name: 'sgd', learningRate: 0.1 }, { name: 'sgd' }, { name: 'adam', learningRate: 0.01 }, { name: 'rmsprop', learningRate: 0.001 },
];

function withOptimizer(m: Model, o: OptimizerSpec): Model {
  const compile = { ...m.spec.compile, optimizer: o.name, learningRate: o.learningRate };
  return { ...m, id: `${m.id} ${describeOptimizer(o)}`, spec: { ...m.spec, compile } };
}

export async function runHealthy(seeds: number[], budgetSeconds: number, dir: string, only?: string[], log = (_: string) => {}): Promise<CaseResult[]> {
  const pairs = PAIRS.filter((p) => !only || only.includes(p.id)).map((p) => pairModel(p, dir));
  const models = [
    ...pairs, ...(only ? [] : syntheticModels()),
    ...pairs.filter((p) => ZOO_BASES.includes(p.id)).flatMap((p) => HEALTHY_OPTIMIZERS.map((o) => withOptimizer(p, o))),
  ];
  const out: CaseResult[] = [];
  for (const m of models) {
    for (const seed of seeds) {
      const r = await train(m, seed, budgetSeconds);
      log(`healthy ${m.id} seed ${seed}: ${summary(r)}`);
      out.push(r);
    }
  }
  return out;
}

/** Every breakage on every base it applies to: with the base's data file, and on synthetic data unless it needs data. */
export async function runBroken(seeds: number[], budgetSeconds: number, dir: string, only?: string[], log = (_: string) => {}): Promise<BrokenResult[]> {
  const bases = ZOO_BASES.filter((id) => !only || only.includes(id)).map((id) => pairModel(PAIRS.find((p) => p.id === id)!, dir));
  const synthetic10: Model = { id: 'synthetic:mlp16-64-10', spec: CALIBRATION.hugeLrClassifier(), kind: 'multiclass', classes: 10 };
  synthetic10.spec = { ...synthetic10.spec, name: 'mlp16_64_10', compile: { loss: 'categoricalCrossentropy' } };
  const out: BrokenResult[] = [];
  // Without data: the first base of each kind (and a 10-class classifier), synthetic targets.
  const syntheticBases = [...bases.filter((b, i) => bases.findIndex((o) => o.kind === b.kind) === i), ...(only ? [] : [synthetic10])];
  for (const breakage of BREAKAGES) {
    const cases: Model[] = [];
    for (const base of bases) {
      const spec = breakage.apply(base.spec, base.kind, base.classes);
      if (spec) cases.push({ ...base, id: `${breakage.id}@${base.id}`, spec });
    }
    for (const base of breakage.needsData ? [] : syntheticBases) {
      const spec = breakage.apply(base.spec, base.kind, base.classes);
      if (spec) cases.push({ id: `${breakage.id}@${base.id.replace(/^synthetic:/, '')} (synthetic data)`, spec, kind: base.kind, classes: base.classes });
    }
    for (const m of cases) {
      for (const seed of seeds) {
        const r = { ...(await train(m, seed, budgetSeconds)), breakage };
        log(`broken ${m.id} seed ${seed}: ${summary(r)}`);
        out.push(r);
      }
    }
  }
  return out;
}

function summary(r: CaseResult): string {
  if (r.reason) return `not trained: ${r.reason}`;
  return r.checks.map((c) => `${c.id} ${c.verdict}`).join(', ') + ` (${r.seconds.toFixed(1)} s)`;
}

const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '–');

/** Per check: verdict counts over the healthy runs. */
export function healthyTable(results: CaseResult[]): string[] {
  const trained = results.filter((r) => !r.reason);
  const lines = [
    `| check | pass | warn | fail | skipped | warn rate | fail rate |`,
    '|---|---|---|---|---|---|---|',
  ];
  for (const id of CHECK_IDS) {
    const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
    for (const r of trained) {
      const c = r.checks.find((x) => x.id === id);
      if (c) counts[c.verdict] = (counts[c.verdict] ?? 0) + 1;
    }
    const judged = counts.pass + counts.warn + counts.fail;
    lines.push(`| ${id} | ${counts.pass} | ${counts.warn} | ${counts.fail} | ${counts.skipped} | ${pct(counts.warn, judged)} | ${pct(counts.fail, judged)} |`);
  }
  return lines;
}

/** Warnings and failures on healthy runs, one line each (what a user would have seen). */
export function healthyAlarms(results: CaseResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.reason) out.push(`| ${r.id} | ${r.seed} | not trained | ${r.reason.replace(/\|/g, '/')} |`);
    for (const c of r.checks) {
      if (c.verdict === 'warn' || c.verdict === 'fail') out.push(`| ${r.id} | ${r.seed} | ${c.id} ${c.verdict} | ${c.message.replace(/\|/g, '/')} |`);
    }
  }
  return out;
}

/** Per breakage: caught by its check, caught by any check, and the misses. */
export function brokenTable(results: BrokenResult[]): { lines: string[]; caught: number; total: number; misses: string[] } {
  const lines = ['| mistake | check that should catch it | models × seeds | `fail` from that check | `fail` from any check |', '|---|---|---|---|---|'];
  const misses: string[] = [];
  let caught = 0, total = 0;
  for (const b of BREAKAGES) {
    const rs = results.filter((r) => r.breakage.id === b.id);
    if (rs.length === 0) continue;
    const byCheck = rs.filter((r) => r.checks.some((c) => c.id === b.caughtBy && c.verdict === 'fail'));
    const byAny = rs.filter((r) => r.checks.some((c) => c.verdict === 'fail'));
    caught += byCheck.length;
    total += rs.length;
    lines.push(`| ${b.id}: ${b.description} | ${b.caughtBy} | ${rs.length} | ${byCheck.length} (${pct(byCheck.length, rs.length)}) | ${byAny.length} (${pct(byAny.length, rs.length)}) |`);
    for (const r of rs) {
      if (byCheck.includes(r)) continue;
      const c = r.checks.find((x) => x.id === b.caughtBy);
      misses.push(`| ${r.id} | ${r.seed} | ${r.reason ? `not trained: ${r.reason}` : `${c?.verdict ?? 'absent'}: ${c?.message ?? ''}`.replace(/\|/g, '/')} |`);
    }
  }
  return { lines, caught, total, misses };
}

export function section(healthy: CaseResult[], broken: BrokenResult[], meta: { seeds: number[]; budget: number; load: [number, number]; seconds: number }): string {
  const b = brokenTable(broken);
  const alarms = healthyAlarms(healthy);
  const fails = healthy.filter((r) => r.checks.some((c) => c.verdict === 'fail')).length;
  const synthetic = healthy.filter((r) => r.data === 'synthetic').length;
  const lines = [
    '## Sanity-train checks: false alarms and catch rates (issue 14)',
    '',
    `\`node out/bench/checkRates.js\` (bench/checkRates.ts): every check of \`runSanityTrain\` on healthy models and on the ` +
      `broken-model zoo (server/src/training/brokenModels.ts), seeds ${meta.seeds.join(', ')}, budget ${meta.budget} s per model ` +
      `(generous, so that the load of the shared machine never decides a verdict; a cut run is \`skipped\`, never \`fail\`). ` +
      `Healthy: the ${PAIRS.length} calibration pairs (bench/calibration/pairs.ts) trained on their dev split as a CSV file, ` +
      `as \`reglint train --data\` does, and the calibration/reference models on synthetic data. ` +
      `Load average ${meta.load[0].toFixed(1)} at start, ${meta.load[1].toFixed(1)} at end; ${Math.round(meta.seconds / 60)} min.`,
    '',
    `### Healthy models: ${healthy.length} runs (${synthetic} on synthetic data)`,
    '',
    ...healthyTable(healthy),
    '',
    `Runs with a \`fail\` from any check: ${fails} of ${healthy.length}. Rates are over the runs the check judged (pass + warn + fail).`,
    '',
    ...(alarms.length ? ['Every warning and failure on a healthy model:', '', '| model | seed | check | message |', '|---|---|---|---|', ...alarms, ''] : []),
    `### Broken models: ${b.total} runs, ${b.caught} (${pct(b.caught, b.total)}) caught by the check that should catch them`,
    '',
    ...b.lines,
    '',
    ...(b.misses.length ? ['Misses:', '', '| model | seed | verdict of the check |', '|---|---|---|', ...b.misses, ''] : []),
  ];
  return lines.join('\n') + '\n';
}

/** Replaces (or appends) the section in BENCHMARKS.md. */
export function writeSection(file: string, text: string): void {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const title = text.split('\n')[0];
  const start = old.indexOf(title);
  if (start < 0) {
    fs.writeFileSync(file, old.trimEnd() + '\n\n' + text);
    return;
  }
  const next = old.indexOf('\n## ', start + title.length);
  fs.writeFileSync(file, old.slice(0, start) + text + (next < 0 ? '' : old.slice(next + 1)));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '1,2' }, budget: { type: 'string', default: '60' },
      only: { type: 'string' }, pairs: { type: 'string' }, out: { type: 'string' }, json: { type: 'string' }, jobs: { type: 'string' },
    },
  });
  const seeds = values.seeds!.split(',').map(Number);
  const budget = Number(values.budget);
  const only = values.pairs?.split(',');
  onlyJobs = values.jobs?.split(',') as JobName[] | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-checkrates-'));
  const log = (s: string) => process.stderr.write(s + '\n');
  const started = Date.now(), load0 = os.loadavg()[0];
  try {
    const healthy = values.only === 'broken' ? [] : await runHealthy(seeds, budget, dir, only, log);
    const broken = values.only === 'healthy' ? [] : await runBroken(seeds, budget, dir, only, log);
    if (values.json) fs.writeFileSync(values.json, JSON.stringify({ healthy, broken: broken.map((r) => ({ ...r, breakage: r.breakage.id })) }, null, 1));
    const text = section(healthy, broken, { seeds, budget, load: [load0, os.loadavg()[0]], seconds: (Date.now() - started) / 1000 });
    process.stdout.write(text);
    writeSection(values.out ?? path.resolve(__dirname, '..', '..', 'BENCHMARKS.md'), text);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
