// `reglint train <file>`: sanity-train the file's models and print the verdicts.
// Exit 0 when no check fails, 1 when one does, 2 on usage or internal errors.
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'node:util';
import { analyzeText, type ModelGraph } from '../analysis';
import { ConfigLoader, type ResolvedConfig } from '../config/configLoader';
import { formatConfigProblems, SYNTHETIC_DATA } from '../config/reglintrc';
import { configuredTrainData } from '../config/trainData';
import { previewDataFile } from '../trainingData/dataFilePreview';
import { detectedDataFiles } from '../trainingData/detectedDataFiles';
import { assumedByExpression, parseSetArg, type UserValues } from '../training/assumptions';
import { assumptionLine, droppedLine } from '../training/assumptionText';
import { lineAt, specFromGraph, type Assumption, type DroppedKey } from '../training/modelSpec';
import { runSanityTrain, type TrainReport, type TrainRequest } from '../training/runner';
import type { CheckResult } from '../training/checks/types';
import { MAX_SAMPLES, MIN_SAMPLES } from '../training/recipe';
import type { UserDataSource, UserDataSummary } from '../training/userData';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE_OR_INTERNAL, type CliIo } from './io';

export const TRAIN_USAGE = `Usage: reglint train <file> [options]

Builds each model in <file> with the embedded TensorFlow.js and trains it on your
data (--data, or train.data in the .reglintrc.json nearest to <file>) as long as the
data needs, on 3 seeds with their own validation splits, then reports: fit-one-batch,
generalization-gap (overfits / fits / underfits / inconclusive), underfitting
(against chance and a linear model), memorization, what-if (the quick fixes'
remedies, measured and ranked), divergence, dead-relu. Without data the model trains
on synthetic data, which cannot say whether it overfits your data: those verdicts
then say so, and it names the data files the code itself reads and the --data
command that trains on them.

Options:
  --model <name>        only this model (variable or function name)
  --budget <seconds>    time budget per model (default 10); an answer that needs
                        more says so ("inconclusive: needs ~25 s")
  --seed <n>            seed for data, weights and shuffling (default 1)
  --format <text|json>  output format (default text)
  --input-shape <dims>  input shape when the code does not fix it, e.g. 28,28,1
  --set <layer>.<key>=<value>
                        a value the code does not fix (a parameter, a value computed
                        at run time), by the layer label the report prints: e.g.
                        --set dense_2.units=64, --set input_1.shape=28,28,1,
                        --set dense_1.kernelRegularizer=l2(1e-4)|none,
                        --set dense_2.repeat=3 (a loop's count); repeatable
  --backend <wasm|cpu>  tfjs backend (default wasm)
  --data <file>         train on this CSV (header row), TSV or JSON file instead of
                        synthetic data (25% of the rows, shuffled, for validation);
                        overrides train.data of .reglintrc.json
  --features <a,b,...>  feature columns (default: every column but the label)
  --label <column>      label column (default: the last column)
  --samples <n>         synthetic data: how many shuffled labels the memorization
                        check trains on (default 256; with --data, the training rows)
  --trust               allow running the file's own builder code when the model
                        cannot be rebuilt from literal configs
  -h, --help            show this help

Exit codes: 0 no check failed (warnings and inconclusive answers included),
1 a check failed, 2 usage or internal error.
`;

export interface TrainJsonModel {
  name: string;
  line: number;
  built: 'static' | 'builder' | 'failed';
  reason?: string;
  /** The user's data, when it replaced the synthetic data. */
  data?: UserDataSummary;
  /** Seeds (each with its own validation split) the verdicts are judged over. */
  seeds?: number;
  /** Wall time of the run and the budget it had. */
  elapsedSeconds?: number;
  budgetSeconds?: number;
  /** Where the data choice came from: --data, or train.data of a .reglintrc.json (also when it says "synthetic"). */
  dataFrom?: { source: 'option' } | { source: 'reglintrc'; configFile: string; file: string };
  /** Values the code does not fix and what the model was built with instead. */
  assumptions?: Assumption[];
  /** Config keys left out because they do not change what is measured. */
  dropped?: DroppedKey[];
  checks: CheckResult[];
}

export interface TrainJson {
  filePath: string;
  /** The seed and time budget the models trained with (flags, else train.* of .reglintrc.json, else the defaults). */
  seed: number;
  budgetSeconds: number;
  models: TrainJsonModel[];
  /** Data files the code reads that exist (graph.dataSources), each with the command that trains on it. */
  detectedData?: DetectedDataJson[];
}

export interface DetectedDataJson {
  file: string;
  how: string;
  /** 1-based line where the code reads it. */
  line: number;
  /** The label column the command names: the one the code marks (`isLabel`), else the file's last column. */
  label: string;
  labelFrom: 'code' | 'last column';
  command: string;
}

export async function runTrainCli(argv: string[], io: CliIo): Promise<number> {
  let opts;
  try {
    opts = parseTrainArgs(argv);
  } catch (e) {
    io.stderr.write(`reglint train: ${(e as Error).message}\n\n${TRAIN_USAGE}`);
    return EXIT_USAGE_OR_INTERNAL;
  }
  if (opts.help) {
    io.stdout.write(TRAIN_USAGE);
    return EXIT_OK;
  }
  const filePath = path.resolve(io.cwd, opts.file);
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (e) {
    io.stderr.write(`reglint train: cannot read ${opts.file}: ${(e as Error).message}\n`);
    return EXIT_USAGE_OR_INTERNAL;
  }
  const config = new ConfigLoader().forFile(filePath);
  if (config.file && config.file.problems.length > 0) {
    io.stderr.write(`reglint train: ${formatConfigProblems(config.file.filePath, config.file.text, config.file.problems)}`);
    return EXIT_USAGE_OR_INTERNAL;
  }
  // --budget, --seed and --input-shape win over train.* of the .reglintrc.json nearest to the file, which wins over the defaults.
  const train = config.config.train;
  opts = { ...opts, budget: opts.budget ?? train.budgetSeconds ?? 10, seed: opts.seed ?? train.seed ?? 1, inputShape: opts.inputShape ?? train.inputShape };
  try {
    const graph = analyzeText(text, filePath);
    if (graph.fatal) {
      io.stderr.write(`reglint train: could not analyse ${filePath}: ${graph.fatal}\n`);
      return EXIT_USAGE_OR_INTERNAL;
    }
    const models = graph.models.filter((m) => !opts.model || m.name === opts.model);
    if (opts.model && models.length === 0) {
      io.stderr.write(`reglint train: no model named ${opts.model} in ${opts.file} ` +
        `(found: ${graph.models.map((m) => m.name).join(', ') || 'none'})\n`);
      return EXIT_USAGE_OR_INTERNAL;
    }
    const dataChoices = new Map(models.map(m => [m, dataFor(opts, config, filePath, m.name, io.cwd)]));
    if ((opts.label !== undefined || opts.features) && ![...dataChoices.values()].some(c => c?.data)) {
      io.stderr.write(`reglint train: --features and --label need --data <file> (or train.data in .reglintrc.json)\n\n${TRAIN_USAGE}`);
      return EXIT_USAGE_OR_INTERNAL;
    }
    const out: TrainJson = { filePath, seed: opts.seed, budgetSeconds: opts.budget, models: [] };
    const unused = new Set(Object.keys(opts.values));
    for (const m of models) {
      const line = lineAt(text, m.span.start);
      const spec = specFromGraph(graph, m.index, { text, inputShape: opts.inputShape, values: opts.values });
      if (spec.ok) for (const k of Object.keys(opts.values)) if (!spec.unusedValues?.includes(k)) unused.delete(k);
      const base: TrainRequest = { seed: opts.seed, budgetSeconds: opts.budget, backend: opts.backend };
      const choice = dataChoices.get(m);
      if (choice?.data) base.data = choice.data;
      if (opts.samples !== undefined) base.samples = opts.samples;
      let req: TrainRequest | undefined;
      if (spec.ok) req = { ...base, spec: spec.spec };
      else if (opts.trust) {
        const builder = { fileName: filePath, text, modelName: m.name, at: m.span.start, assumed: assumedByExpression(spec.assumptions) };
        req = { ...base, builder, trusted: true };
      }
      let report: TrainReport | undefined;
      if (req) {
        if (opts.format === 'text') io.stderr.write(`training ${m.name} (line ${line}) on ${choice?.data ? path.relative(io.cwd, choice.data.file) : 'synthetic data'}...\n`);
        report = await runSanityTrain(req);
      }
      const reason = !report ? (spec.ok ? undefined : `${spec.reason} (run with --trust to execute the file's own code)`)
        : report.built === 'failed' ? (spec.ok ? report.reason : `${spec.reason}; builder mode: ${report.reason}`) : undefined;
      const entry: TrainJsonModel = { name: m.name, line, built: report?.built ?? 'failed', checks: report?.checks ?? [] };
      if (reason) entry.reason = reason;
      if (report?.data) entry.data = report.data;
      if (report && report.built !== 'failed') {
        entry.seeds = report.seeds;
        entry.elapsedSeconds = Math.round(report.elapsedMs / 100) / 10;
        entry.budgetSeconds = report.budgetSeconds;
      }
      const assumptions = report?.assumptions ?? (spec.ok ? spec.spec.assumptions : undefined);
      const dropped = report?.dropped ?? (spec.ok ? spec.spec.dropped : undefined);
      if (assumptions?.length) entry.assumptions = assumptions;
      if (dropped?.length) entry.dropped = dropped;
      if (choice) entry.dataFrom = choice.from;
      out.models.push(entry);
      if (opts.format === 'text') io.stdout.write(formatModel(entry, io.cwd, report));
    }
    if (unused.size && models.length) {
      io.stderr.write(`reglint train: --set ${[...unused].join(', ')} matched no value the code leaves open ` +
        '(labels and keys as the report prints them; values the code fixes are not overridden)\n');
    }
    // No data chosen: name the data the code reads, with the command that trains on it.
    const detected = await detectedDataJson(graph, text, filePath, opts, io.cwd);
    if (detected.length > 0) out.detectedData = detected;
    const onSynthetic = out.models.filter(m => m.built !== 'failed' && !m.dataFrom);
    if (opts.format === 'json') io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    else if (models.length === 0) io.stdout.write(`no tfjs models found in ${opts.file}\n`);
    else if (onSynthetic.length > 0 && detected.length > 0) io.stdout.write(formatSuggestion(onSynthetic.map(m => m.name), detected, filePath, io.cwd));
    return out.models.some((m) => m.checks.some((c) => c.verdict === 'fail')) ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    io.stderr.write(`reglint train: internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT_USAGE_OR_INTERNAL;
  }
}

interface TrainArgs {
  file: string;
  model?: string;
  /** --budget / --seed / --input-shape; undefined when not given (train.* of .reglintrc.json, then the defaults, apply). */
  budget?: number;
  seed?: number;
  format: 'text' | 'json';
  trust: boolean;
  inputShape?: number[];
  /** --set values by `label.key`. */
  values: UserValues;
  backend?: 'wasm' | 'cpu';
  data?: string;
  features?: string[];
  label?: string;
  samples?: number;
  help: boolean;
}

export function parseTrainArgs(argv: string[]): TrainArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      model: { type: 'string' },
      budget: { type: 'string' },
      seed: { type: 'string' },
      format: { type: 'string', short: 'f' },
      trust: { type: 'boolean' },
      'input-shape': { type: 'string' },
      backend: { type: 'string' },
      data: { type: 'string' },
      features: { type: 'string' },
      label: { type: 'string' },
      samples: { type: 'string' },
      set: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const help = values.help === true;
  if (!help && positionals.length !== 1) throw new Error(positionals.length ? 'give exactly one file' : 'missing <file>');
  const num = (name: string, v: string | undefined, ok: (n: number) => boolean) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || !ok(n)) throw new Error(`invalid --${name} ${v}`);
    return n;
  };
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new Error(`invalid --format ${format} (text or json)`);
  const backend = values.backend;
  if (backend !== undefined && backend !== 'wasm' && backend !== 'cpu') throw new Error(`invalid --backend ${backend}`);
  let inputShape: number[] | undefined;
  if (values['input-shape'] !== undefined) {
    inputShape = values['input-shape'].split(',').map(Number);
    if (inputShape.some((d) => !Number.isInteger(d) || d <= 0)) throw new Error(`invalid --input-shape ${values['input-shape']}`);
  }
  const features = values.features?.split(',').map((f) => f.trim()).filter(Boolean);
  const given: UserValues = {};
  for (const arg of values.set ?? []) {
    const [key, value] = parseSetArg(arg);
    given[key] = value;
  }
  return {
    file: positionals[0],
    data: values.data,
    features: features?.length ? features : undefined,
    label: values.label,
    samples: values.samples === undefined ? undefined : num('samples', values.samples, (n) => Number.isInteger(n) && n >= MIN_SAMPLES && n <= MAX_SAMPLES),
    model: values.model,
    budget: num('budget', values.budget, (n) => n > 0),
    seed: num('seed', values.seed, (n) => Number.isInteger(n) && n >= 0),
    format,
    trust: values.trust === true,
    inputShape,
    values: given,
    backend,
    help,
  };
}

const MARK: Record<CheckResult['verdict'], string> = { pass: 'pass', warn: 'WARN', fail: 'FAIL', inconclusive: '  ? ', skipped: 'skip' };

function formatModel(m: TrainJsonModel, cwd: string, report?: TrainReport): string {
  const lines = [`${m.name} (line ${m.line}): ${m.built === 'failed' ? 'not trained' : `built ${m.built}`}` +
    (report?.backend ? `, ${report.backend} backend, ${(report.elapsedMs / 1000).toFixed(1)} s of ${report.budgetSeconds} s` : '') +
    (report && report.built !== 'failed' ? `, ${report.seeds} seed${report.seeds === 1 ? '' : 's'}` : '')];
  if (m.reason) lines.push(`  reason: ${m.reason}`);
  for (const a of m.assumptions ?? []) lines.push(`  assumed: ${assumptionLine(a)}`);
  for (const d of m.dropped ?? []) lines.push(`  dropped: ${droppedLine(d)}`);
  if (m.assumptions?.some((a) => a.source === 'default')) lines.push('  (give the real values with --set <layer>.<key>=<value>, --input-shape or --data)');
  const from = m.dataFrom?.source === 'reglintrc' ? ` (train.data in ${path.relative(cwd, m.dataFrom.configFile) || m.dataFrom.configFile})` : '';
  if (report?.data) {
    const d = report.data;
    lines.push(`  data: ${path.relative(cwd, d.file) || d.file}${from}, ${d.rows} rows (${d.train} train, ${d.val} validation per seed), ` +
      `${d.features.length} feature column${d.features.length === 1 ? '' : 's'}, label ${d.label}`);
  } else if (m.dataFrom?.source === 'reglintrc' && m.dataFrom.file === SYNTHETIC_DATA) {
    lines.push(`  data: synthetic${from}`);
  } else if (report && report.built !== 'failed') {
    lines.push('  data: synthetic (pass --data <file> for the overfitting verdict on your data)');
  }
  for (const c of m.checks) {
    lines.push(`  ${MARK[c.verdict]}  ${c.id}${c.outcome ? ` [${c.outcome}]` : ''}: ${c.message}`);
    if (c.id === 'what-if' && c.remedies?.length) {
      for (const e of c.remedies) {
        lines.push(`        ${e.rank ? `${e.rank}.` : '-'} ${e.description}: ` + (e.notMeasured ? `not measured (${e.notMeasured})`
          : `val loss ${signedPct(e.valLossChange)} ± ${Math.round(100 * e.valLossChangeSd)}% (best ${signedPct(e.bestValLossChange)}), ${e.claim === 'none' ? 'no clear change' : e.claim}`));
      }
    }
  }
  const curve = report?.curves?.baseline[0];
  if (curve) {
    const every = Math.max(1, Math.ceil(curve.val.length / 12));
    const pick = (v: number[]) => v.filter((_, i) => i % every === 0 || i === v.length - 1).map((x) => x.toPrecision(3)).join(' ');
    lines.push(`  curves (seed 1, every ${Math.round((every * (curve.steps[1] - curve.steps[0] || 1)) / curve.stepsPerEpoch * 10) / 10} epochs):`,
      `        train ${pick(curve.train)}`, `        val   ${pick(curve.val)}`);
  }
  return lines.join('\n') + '\n';
}

function signedPct(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(Math.round(100 * x))}%`;
}

interface DataChoice {
  /** The user's data; undefined: the synthetic data (train.data says "synthetic"). */
  data?: UserDataSource;
  from: NonNullable<TrainJsonModel['dataFrom']>;
}

/** --data, else the train.data entry of .reglintrc.json for this model (--label/--features override its columns). */
function dataFor(opts: TrainArgs, config: ResolvedConfig, filePath: string, model: string, cwd: string): DataChoice | undefined {
  if (opts.data) return { data: { file: path.resolve(cwd, opts.data), features: opts.features, label: opts.label }, from: { source: 'option' } };
  const entry = configuredTrainData(config.config, filePath, model);
  if (!entry || !config.file) return undefined;
  const from = { source: 'reglintrc' as const, configFile: config.file.filePath, file: entry.file };
  if (entry.file === SYNTHETIC_DATA) return { from };
  return { data: { file: entry.file, features: opts.features ?? entry.features, label: opts.label ?? entry.label }, from };
}

/**
 * The data files the code reads that the trainer can read, each with the exact command that
 * trains on it. Never used without being asked: the code may read that file for something
 * else (a test split, a vocabulary), and a verdict on the wrong table, or one that changes
 * when a file appears, is worse than a verdict that says it needs data.
 */
async function detectedDataJson(graph: ModelGraph, text: string, filePath: string, opts: TrainArgs, cwd: string): Promise<DetectedDataJson[]> {
  const out: DetectedDataJson[] = [];
  for (const { file, source } of detectedDataFiles(graph, filePath, [cwd])) {
    let preview;
    try {
      preview = await previewDataFile(file);
    } catch {
      continue; // not a table the trainer reads (a config JSON, a vocabulary, ...)
    }
    const fromCode = source.label !== undefined && preview.columns.some(c => c.name === source.label);
    const label = fromCode ? source.label! : preview.defaultLabel;
    const args = ['reglint', 'train', opts.file, ...(opts.model ? ['--model', opts.model] : []), '--data', path.relative(cwd, file) || file, '--label', label];
    out.push({
      file, how: source.how, line: lineAt(text, source.span.start), label,
      labelFrom: fromCode ? 'code' : 'last column', command: args.map(shellQuote).join(' '),
    });
  }
  return out;
}

function formatSuggestion(models: string[], detected: DetectedDataJson[], filePath: string, cwd: string): string {
  const lines = [`\n${models.join(', ')} trained on synthetic data, which cannot tell whether ${models.length === 1 ? 'it overfits' : 'they overfit'} your data.`,
    `The code reads ${detected.length === 1 ? 'this data file' : 'these data files'}; to train on ${detected.length === 1 ? 'it' : 'one'}:`];
  for (const d of detected) lines.push(`  ${d.command}    # ${d.how}, line ${d.line}`);
  const [first] = detected;
  const entry = { files: toPosix(path.relative(cwd, filePath)), file: toPosix(path.relative(cwd, first.file)), label: first.label };
  lines.push(`or, for every run, in a .reglintrc.json here: "train": {"data": [${JSON.stringify(entry).replace(/,"/g, ', "').replace(/":/g, '": ')}]}`);
  return lines.join('\n') + '\n';
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A word as a POSIX shell reads it: quoted only when it needs to be. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
