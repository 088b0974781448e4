// `reglint train <file>`: sanity-train the file's models and print the verdicts.
// Exit 0 when no check fails, 1 when one does, 2 on usage or internal errors.
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../analysis';
import { lineAt, specFromGraph } from '../training/modelSpec';
import { runSanityTrain, type TrainReport, type TrainRequest } from '../training/runner';
import type { CheckResult } from '../training/checks/types';
import { MAX_SAMPLES, MIN_SAMPLES } from '../training/recipe';
import type { UserDataSummary } from '../training/userData';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE_OR_INTERNAL, type CliIo } from './io';

export const TRAIN_USAGE = `Usage: reglint train <file> [options]

Builds each model in <file> with the embedded TensorFlow.js, trains it briefly on
seeded synthetic data and reports: fit-one-batch, generalization-gap, memorization,
what-if (with reglint's fixes applied), divergence, dead-relu.

Options:
  --model <name>        only this model (variable or function name)
  --budget <seconds>    time budget per model (default 10)
  --seed <n>            seed for data, weights and shuffling (default 1)
  --format <text|json>  output format (default text)
  --input-shape <dims>  input shape when the first layer declares none, e.g. 28,28,1
  --backend <wasm|cpu>  tfjs backend (default wasm)
  --data <file>         train on this CSV (header row) or JSON file instead of
                        synthetic data (25% of the rows, shuffled, for validation)
  --features <a,b,...>  feature columns (default: every column but the label)
  --label <column>      label column (default: the last column)
  --samples <n>         synthetic data: how many shuffled labels the memorization
                        check trains on (default 256; with --data, the training rows)
  --trust               allow running the file's own builder code when the model
                        cannot be rebuilt from literal configs
  -h, --help            show this help

Exit codes: 0 no check failed, 1 a check failed, 2 usage or internal error.
`;

export interface TrainJsonModel {
  name: string;
  line: number;
  built: 'static' | 'builder' | 'failed';
  reason?: string;
  /** The user's data (--data), when it replaced the synthetic data. */
  data?: UserDataSummary;
  checks: CheckResult[];
}

export interface TrainJson {
  filePath: string;
  models: TrainJsonModel[];
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
    const out: TrainJson = { filePath, models: [] };
    for (const m of models) {
      const line = lineAt(text, m.span.start);
      const spec = specFromGraph(graph, m.index, { text, inputShape: opts.inputShape });
      const base: TrainRequest = { seed: opts.seed, budgetSeconds: opts.budget, backend: opts.backend };
      if (opts.samples !== undefined) base.samples = opts.samples;
      if (opts.data) base.data = { file: path.resolve(io.cwd, opts.data), features: opts.features, label: opts.label };
      let req: TrainRequest | undefined;
      if (spec.ok) req = { ...base, spec: spec.spec };
      else if (opts.trust) req = { ...base, builder: { fileName: filePath, text, modelName: m.name }, trusted: true };
      let report: TrainReport | undefined;
      if (req) {
        if (opts.format === 'text') io.stderr.write(`training ${m.name} (line ${line})...\n`);
        report = await runSanityTrain(req);
      }
      const reason = !report ? (spec.ok ? undefined : `${spec.reason} (run with --trust to execute the file's own code)`)
        : report.built === 'failed' ? (spec.ok ? report.reason : `${spec.reason}; builder mode: ${report.reason}`) : undefined;
      const entry: TrainJsonModel = { name: m.name, line, built: report?.built ?? 'failed', checks: report?.checks ?? [] };
      if (reason) entry.reason = reason;
      if (report?.data) entry.data = report.data;
      out.models.push(entry);
      if (opts.format === 'text') io.stdout.write(formatModel(entry, report));
    }
    if (opts.format === 'json') io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    else if (models.length === 0) io.stdout.write(`no tfjs models found in ${opts.file}\n`);
    return out.models.some((m) => m.checks.some((c) => c.verdict === 'fail')) ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    io.stderr.write(`reglint train: internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT_USAGE_OR_INTERNAL;
  }
}

interface TrainArgs {
  file: string;
  model?: string;
  budget: number;
  seed: number;
  format: 'text' | 'json';
  trust: boolean;
  inputShape?: number[];
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
      help: { type: 'boolean', short: 'h' },
    },
  });
  const help = values.help === true;
  if (!help && positionals.length !== 1) throw new Error(positionals.length ? 'give exactly one file' : 'missing <file>');
  const num = (name: string, v: string | undefined, def: number, ok: (n: number) => boolean) => {
    if (v === undefined) return def;
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
  if ((features || values.label !== undefined) && values.data === undefined) throw new Error('--features and --label need --data <file>');
  return {
    file: positionals[0],
    data: values.data,
    features: features?.length ? features : undefined,
    label: values.label,
    model: values.model,
    budget: num('budget', values.budget, 10, (n) => n > 0),
    seed: num('seed', values.seed, 1, (n) => Number.isInteger(n) && n >= 0),
    samples: values.samples === undefined ? undefined : num('samples', values.samples, 0, (n) => Number.isInteger(n) && n >= MIN_SAMPLES && n <= MAX_SAMPLES),
    format,
    trust: values.trust === true,
    inputShape,
    backend,
    help,
  };
}

const MARK: Record<CheckResult['verdict'], string> = { pass: 'pass', warn: 'WARN', fail: 'FAIL', skipped: 'skip' };

function formatModel(m: TrainJsonModel, report?: TrainReport): string {
  const lines = [`${m.name} (line ${m.line}): ${m.built === 'failed' ? 'not trained' : `built ${m.built}`}` +
    (report?.backend ? `, ${report.backend} backend, ${(report.elapsedMs / 1000).toFixed(1)} s` : '')];
  if (m.reason) lines.push(`  reason: ${m.reason}`);
  if (report?.data) {
    const d = report.data;
    lines.push(`  data: ${path.basename(d.file)}, ${d.rows} rows (${d.train} train, ${d.val} validation), ` +
      `${d.features.length} feature column${d.features.length === 1 ? '' : 's'}, label ${d.label}`);
  }
  for (const c of m.checks) {
    lines.push(`  ${MARK[c.verdict]}  ${c.id}: ${c.message}`);
    if (c.curves && c.curves.train.length > 1) {
      lines.push(`        train ${c.curves.train.map((v) => v.toPrecision(3)).join(' ')}`);
      if (c.curves.val.length) lines.push(`        val   ${c.curves.val.map((v) => v.toPrecision(3)).join(' ')}`);
    }
  }
  return lines.join('\n') + '\n';
}
