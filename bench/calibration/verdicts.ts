// `npm run bench:verdicts` (also part of `npm run bench`): every calibration pair through
// the product as a user runs it — its dev split written as a CSV file, `runSanityTrain`
// with that file, the default 10 s budget, two worker threads — compared with the ground
// truth (groundTruth.json: the same model trained to convergence, judged on a test split
// the product never saw). Reports the confusion table, sensitivity and precision of
// "overfits", the share of inconclusive verdicts, what-if sign agreement and the
// correlation of claimed vs real change, and each pair's wall time with the load average.
//
//   node out/bench/calibration/verdicts.js [--only id,id] [--budget 10] [--recompute] [--json out.json]
//
// --recompute first recomputes the ground truth (groundTruth.ts; slow).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckResult } from '../../server/src/training/checks/types';
import { runSanityTrain, type TrainReport } from '../../server/src/training/runner';
import { RECIPE } from '../../server/src/training/recipe';
import { toCsv } from './datasets';
import { slowdown } from './machineSpeed';
import { atCapNearMin, GT_FILE, realChange, verdictOf, type PairTruth, type TruthOutcome } from './groundTruth';
import { PAIRS, pairData, pairSpec, type Pair } from './pairs';

export interface PairVerdict {
  /** Budget the product had (scaled by the measured slowdown with --quiet-equivalent). */
  budgetSeconds: number;
  slowdown: number;
  /**
   * What the work would take on a quiet machine: the workers' thread CPU time (start-up, and
   * every job that ran) over 2 workers. Wall time on this loaded machine is far longer.
   */
  cpuSeconds?: number;
  pair: Pair;
  truth: PairTruth;
  truthOutcome: TruthOutcome;
  truthRise: number;
  report: TrainReport;
  outcome: string;
  wallSeconds: number;
  load: number;
}

/** Runs the product on every pair (with ground truth) and returns its reports. */
export async function runPairs(opts: { only?: string[]; budgetSeconds?: number; quietEquivalent?: boolean; log?: (s: string) => void } = {}): Promise<PairVerdict[]> {
  const truth: Record<string, PairTruth> = JSON.parse(fs.readFileSync(GT_FILE, 'utf8')).pairs;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-verdicts-'));
  const out: PairVerdict[] = [];
  try {
    for (const pair of PAIRS) {
      if (opts.only && !opts.only.includes(pair.id)) continue;
      const t = truth[pair.id];
      if (!t) {
        opts.log?.(`${pair.id}: no ground truth, skipped`);
        continue;
      }
      const { dev } = pairData(pair);
      const file = path.join(dir, `${pair.id}.csv`);
      fs.writeFileSync(file, toCsv(dev));
      const load = os.loadavg()[0];
      const speed = opts.quietEquivalent ? await slowdown() : { factor: 1 };
      const budgetSeconds = Math.round((opts.budgetSeconds ?? RECIPE.defaultBudgetSeconds) * speed.factor * 10) / 10;
      const started = Date.now();
      let cpuSeconds: number | undefined;
      const report = await runSanityTrain({ spec: pairSpec(pair, dev), data: { file }, seed: 1, budgetSeconds }, {
        onCollected: (c) => {
          if (c.ready.startupCpuMs === undefined || c.cpuMs.size === 0) return;
          const jobs = [...c.cpuMs.values()].reduce((a, b) => a + b, 0);
          cpuSeconds = (c.ready.startupCpuMs + jobs / 2) / 1000;
        },
      });
      const wallSeconds = (Date.now() - started) / 1000;
      const gap = report.checks.find((c) => c.id === 'generalization-gap');
      const v = verdictOf(t);
      const outcome = gap?.outcome ?? `(${gap?.verdict ?? report.built})`;
      out.push({ pair, truth: t, truthOutcome: v.outcome, truthRise: v.rise, report, outcome, wallSeconds, load, budgetSeconds, slowdown: speed.factor, cpuSeconds });
      opts.log?.(`${pair.id}: truth ${v.outcome} (rise ${(100 * v.rise).toFixed(0)}%), product ${outcome}, ${wallSeconds.toFixed(1)} s of ${budgetSeconds} s` +
        ` (cpu ${cpuSeconds?.toFixed(1) ?? '?'} s / 2 workers, load ${load.toFixed(1)}, slowdown ${speed.factor.toFixed(1)}x)` +
        (gap ? `\n    ${gap.message}` : ''));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const OUTCOMES = ['overfits', 'fits', 'underfits', 'inconclusive'];

export interface Scores {
  confusion: Record<string, Record<string, number>>;
  sensitivity: number;
  precision: number;
  inconclusiveShare: number;
  claims: { pair: string; remedy: string; claimed: number; real: number; agree: boolean }[];
  signAgreement: number;
  correlation: number;
  measured: number;
}

export function score(results: PairVerdict[]): Scores {
  const confusion: Record<string, Record<string, number>> = {};
  for (const t of ['overfits', 'fits', 'underfits']) confusion[t] = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  for (const r of results) {
    const o = OUTCOMES.includes(r.outcome) ? r.outcome : 'inconclusive';
    confusion[r.truthOutcome][o]++;
  }
  const tp = confusion.overfits.overfits;
  const truthOver = Object.values(confusion.overfits).reduce((a, b) => a + b, 0);
  const said = Object.keys(confusion).reduce((a, t) => a + confusion[t].overfits, 0);
  const inconclusive = results.filter((r) => r.outcome !== 'overfits' && r.outcome !== 'fits' && r.outcome !== 'underfits').length;
  const claims: Scores['claims'] = [];
  const xs: number[] = [], ys: number[] = [];
  for (const r of results) {
    const w = r.report.checks.find((c) => c.id === 'what-if');
    for (const e of w?.remedies ?? []) {
      if (e.notMeasured) continue;
      const real = realChange(r.truth, e.id);
      if (real === undefined) continue;
      xs.push(e.valLossChange);
      ys.push(real);
      if (e.claim !== 'none') claims.push({ pair: r.pair.id, remedy: e.id, claimed: e.valLossChange, real, agree: Math.sign(e.valLossChange) === Math.sign(real) });
    }
  }
  return {
    confusion, sensitivity: truthOver ? tp / truthOver : NaN, precision: said ? tp / said : NaN,
    inconclusiveShare: results.length ? inconclusive / results.length : NaN,
    claims, signAgreement: claims.length ? claims.filter((c) => c.agree).length / claims.length : NaN,
    correlation: pearson(xs, ys), measured: xs.length,
  };
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  if (n < 3) return NaN;
  const mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const pctText = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : 'n/a');
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(0)}%`;

/** The BENCHMARKS.md section. */
export function verdictSection(results: PairVerdict[], s: Scores, loadStart: number): string {
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  const maxTabular = Math.max(...results.map((r) => r.wallSeconds));
  const budget = RECIPE.defaultBudgetSeconds;
  const scaled = results.some((r) => r.slowdown > 1);
  const lines = [
    '## Sanity-train verdicts on real data (bench/calibration, `npm run bench:verdicts`)',
    '',
    `${results.length} (model, data) pairs: tables from the npm package vega-datasets and generated sets with a known answer ` +
      '(bench/calibration/pairs.ts). Ground truth: the same model trained to convergence on the whole file the product sees, ' +
      '3 seeds, judged on a held-out test split the product never sees (bench/calibration/groundTruth.json; the criterion is in ' +
      `docs/training.md). Product: \`runSanityTrain\` on the file, ${scaled ? `the ${budget} s budget scaled by the measured slowdown of this machine (--quiet-equivalent: a probe's ms/step vs a quiet machine's)` : `${budget} s budget`}, two workers. Load average ${loadStart.toFixed(2)} at the start, ` +
      `${os.loadavg()[0].toFixed(2)} at the end (the bench's own two workers and main thread make 2–3; more is other work, which slows every run and pushes verdicts to inconclusive).`,
    '',
    '| truth \\ product | overfits | fits | underfits | inconclusive |',
    '|---|---:|---:|---:|---:|',
    ...Object.entries(s.confusion).map(([t, row]) => `| ${t} | ${OUTCOMES.map((o) => row[o]).join(' | ')} |`),
    '',
    `- Sensitivity of "overfits": ${pctText(s.sensitivity)} (target ≥ 90%: ${met(s.sensitivity >= 0.9)}); precision: ${pctText(s.precision)} (target ≥ 90%: ${met(s.precision >= 0.9)}).`,
    `- Inconclusive: ${pctText(s.inconclusiveShare)} of pairs (target ≤ 15%: ${met(s.inconclusiveShare <= 0.15)}).`,
    `- What-if: ${s.claims.length} claimed changes (remedy × pair), sign right in ${pctText(s.signAgreement)} (target ≥ 90%: ${met(s.signAgreement >= 0.9)}); ` +
      `correlation of measured vs real change over all ${s.measured} measured remedies: ${Number.isFinite(s.correlation) ? s.correlation.toFixed(2) : 'n/a'}.`,
    `- Slowest pair: ${maxTabular.toFixed(1)} s wall (target: every tabular pair within the ${budget} s budget on a quiet machine: ${met(maxTabular <= budget + 1)} here, under the load above). ` +
      `"CPU s / 2 workers" is the workers' own thread CPU time (start-up plus every job that ran, halved for the two workers): about what the same work takes on a quiet machine; the wall time here is inflated by the load.`,
    '',
    '| pair | rows (dev) | truth (median rise) | product | wall s | budget s | CPU s / 2 workers | load | message |',
    '|---|---:|---|---|---:|---:|---:|---:|---|',
    ...results.map((r) => {
      const gap = r.report.checks.find((c) => c.id === 'generalization-gap');
      return `| ${r.pair.id} | ${r.truth.rows.dev} | ${r.truthOutcome} (${signed(r.truthRise)})${atCapNearMin(r.truth) ? ' †' : ''} | ${r.outcome === r.truthOutcome ? r.outcome : `**${r.outcome}**`} | ` +
        `${r.wallSeconds.toFixed(1)} | ${r.budgetSeconds} | ${r.cpuSeconds?.toFixed(1) ?? 'n/a'} | ${r.load.toFixed(1)} | ${(gap?.message ?? '').replace(/\|/g, '/')} |`;
    }),
    '',
    '† the ground truth\'s runs stopped at their step cap with the minimum in the last fifth (2 of 3 seeds): not converged, the truth describes training that long.',
    '',
    ...checkRatesTable(results),
    '| pair | remedy | measured change (final val loss) | claim | real change at convergence | sign |',
    '|---|---|---:|---|---:|---|',
    ...results.flatMap((r) => (r.report.checks.find((c) => c.id === 'what-if')?.remedies ?? []).map((e) => {
      const real = realChange(r.truth, e.id);
      const measured = e.notMeasured ? `not measured (${e.notMeasured})` : `${signed(e.valLossChange)} ± ${Math.abs(100 * e.valLossChangeSd).toFixed(0)}%`;
      const sign = e.claim === 'none' || real === undefined || e.notMeasured ? '' : Math.sign(e.valLossChange) === Math.sign(real) ? 'right' : '**wrong**';
      return `| ${r.pair.id} | ${e.id} | ${measured} | ${e.notMeasured ? '' : e.claim} | ${real === undefined ? 'n/a' : signed(real)} | ${sign} |`;
    })),
  ];
  return lines.join('\n') + '\n';
}

/**
 * Issue 14's false alarms: every check's verdicts on these pairs. None of the models is
 * broken (each trains to the ground truth's outcome), so a `fail` here is a false failure.
 */
function checkRatesTable(results: PairVerdict[]): string[] {
  const verdicts = ['pass', 'warn', 'fail', 'inconclusive', 'skipped'] as const;
  const ids = [...new Set(results.flatMap((r) => r.report.checks.map((c) => c.id)))];
  const rows = ids.map((id) => {
    const count = (v: string) => results.filter((r) => r.report.checks.find((c) => c.id === id)?.verdict === v).length;
    return `| ${id} | ${verdicts.map((v) => (v === 'fail' && count(v) > 0 ? `**${count(v)}**` : String(count(v)))).join(' | ')} |`;
  });
  const fails = results.filter((r) => r.report.checks.some((c) => c.verdict === 'fail')).length;
  return [
    '',
    `**Every check on these ${results.length} healthy models** (issue 14: none of them is broken; a \`fail\` is a false failure, a \`warn\` a claim to read): ` +
      `${fails} of ${results.length} pairs got a \`fail\` from some check (target 0: ${fails === 0 ? 'met' : '**missed**'}).`,
    '',
    `| check | ${verdicts.join(' | ')} |`,
    `|---|${verdicts.map(() => '---:').join('|')}|`,
    ...rows,
    '',
  ];
}

/** Other checks' verdicts on the same pairs (issue 14 adds its false-alarm rates from these). */
export function checksOf(results: PairVerdict[]): { pair: string; truth: TruthOutcome; checks: CheckResult[] }[] {
  return results.map((r) => ({ pair: r.pair.id, truth: r.truthOutcome, checks: r.report.checks }));
}

/** For bench/run.ts: the section, measured now. */
export async function benchVerdicts(log: (s: string) => void = () => undefined): Promise<string> {
  const load = os.loadavg()[0];
  const results = await runPairs({ log });
  return verdictSection(results, score(results), load);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  if (args.includes('--recompute')) {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'groundTruth.js')], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('recomputing the ground truth failed');
  }
  const load = os.loadavg()[0];
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const results = await runPairs({
    only: arg('--only')?.split(','), budgetSeconds: arg('--budget') ? Number(arg('--budget')) : undefined, quietEquivalent: args.includes('--quiet-equivalent'), log,
  });
  const s = score(results);
  const section = verdictSection(results, s, load);
  process.stdout.write(section);
  const json = arg('--json');
  if (json) fs.writeFileSync(json, JSON.stringify({ scores: s, pairs: results.map((r) => ({ id: r.pair.id, truth: r.truthOutcome, truthRise: r.truthRise, outcome: r.outcome, wallSeconds: r.wallSeconds, load: r.load, checks: r.report.checks, curves: r.report.curves, seeds: r.report.seeds, budgetSeconds: r.budgetSeconds })) }, null, 1));
  if (!args.includes('--no-write') && !arg('--only')) replaceSection(section);
}

/** Replaces this section of BENCHMARKS.md (or appends it). */
function replaceSection(section: string): void {
  const file = path.resolve(__dirname, '..', '..', '..', 'BENCHMARKS.md');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const head = section.split('\n')[0];
  const start = text.indexOf(head);
  if (start < 0) return fs.writeFileSync(file, text.trimEnd() + '\n\n' + section);
  const nextHeader = text.indexOf('\n## ', start + head.length);
  fs.writeFileSync(file, text.slice(0, start) + section + (nextHeader >= 0 ? text.slice(nextHeader + 1).replace(/^/, '\n') : ''));
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
