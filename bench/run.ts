// `npm run bench`: parse vs. full analysis per file, and edit-to-diagnostics latency of
// the running server, written to BENCHMARKS.md. Targets (issue #2): analysis within 3x
// of the parse; median edit-to-diagnostics under 30 ms for a 300-line file.
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText } from '../server/src/lint/lintText';
import { generateModelFile } from './generateModelFile';
import { measureCorpus, measureOneFile, type ParseVsAnalysis } from './measureAnalysis';
import { measureEditLatency } from './measureEditLatency';
import { benchEslintPlugin } from './eslintPlugin';
import { benchScale } from './scale';
import { fmt } from './stats';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CORPUS_SIZE = 2_000;
const CORPUS_ROUNDS = 5;
const SINGLE_FILE_ITERATIONS = 500;
const EDITS = 200;

interface TrainingBench {
  benchTraining(): string | Promise<string>;
}

/** bench/training.ts belongs to the trainer; include its section when it exists. */
function loadTrainingBench(): TrainingBench | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./training') as TrainingBench;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String(error).includes('./training')) return undefined;
    throw error;
  }
}

function ratioRow(label: string, r: ParseVsAnalysis): string {
  return `| ${label} | ${fmt(r.parseMs, 3)} | ${fmt(r.analysisMs, 3)} | ${fmt(r.analysisMs / r.parseMs)}x |`;
}

function verdict(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const loadBefore = os.loadavg()[0]!;
  const single = generateModelFile(1);
  const corpus = Array.from({ length: CORPUS_SIZE }, (_, i) => generateModelFile(1000 + i));
  const singleLines = single.split('\n').length - 1;
  const corpusChars = corpus.reduce((sum, text) => sum + text.length, 0);
  const counted = corpus.slice(0, 100).map(text => lintText(text, 'count.ts').graph);
  const layersPerFile = counted.reduce((sum, graph) => sum + graph.layers.length, 0) / counted.length;
  const modelsPerFile = counted.reduce((sum, graph) => sum + graph.models.length, 0) / counted.length;

  log(`one ${singleLines}-line file, ${SINGLE_FILE_ITERATIONS} iterations…`);
  const one = measureOneFile(single, SINGLE_FILE_ITERATIONS);
  log(`  parse ${fmt(one.parseMs, 3)} ms, analysis ${fmt(one.analysisMs, 3)} ms`);

  log(`${CORPUS_SIZE} files × ${CORPUS_ROUNDS} rounds…`);
  const many = measureCorpus(corpus, CORPUS_ROUNDS);
  log(`  mean per file: parse ${fmt(many.meanPerFile.parseMs, 3)} ms, analysis ${fmt(many.meanPerFile.analysisMs, 3)} ms`);

  log(`edit-to-diagnostics over stdio, ${EDITS} single-character edits…`);
  const latency = await measureEditLatency(single, EDITS);
  log(`  median ${fmt(latency.medianMs)} ms, p95 ${fmt(latency.p95Ms)} ms`);

  const worstRatio = Math.max(
    one.analysisMs / one.parseMs,
    many.meanPerFile.analysisMs / many.meanPerFile.parseMs,
    many.medianPerFile.analysisMs / many.medianPerFile.parseMs,
  );
  const cpus = os.cpus();
  const lines = [
    '# Benchmarks',
    '',
    `Command: \`npm run bench\` (compiles, bundles, runs \`node out/bench/run.js\`; writes this file).`,
    '',
    `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ` +
      `${os.type()} ${os.release()}, Node ${process.version}. Run on ${new Date().toISOString().slice(0, 10)}; ` +
      `1-minute load average ${loadBefore.toFixed(2)} before and ${os.loadavg()[0]!.toFixed(2)} after ` +
      '(other work on a shared machine inflates the times).',
    '',
    '## Analysis vs. parse',
    '',
    `Input: generated TypeScript model files (bench/generateModelFile.ts), ~${singleLines} lines each ` +
      `(${Math.round(corpusChars / corpus.length / 1024)} KB), with data helpers, a training loop and on average ` +
      `${modelsPerFile.toFixed(0)} models with ${layersPerFile.toFixed(0)} layer calls per file, in every style ` +
      '(sequential `.add`, layers array, functional `.apply`, helpers in loops, bidirectional LSTM) and all import ' +
      'styles: denser in model code than the hand-written files in test/corpus (about 59 layer calls per 300 ' +
      'lines), so on the heavy side. Parse: `ts.createSourceFile` from ts-morph\'s TypeScript, ' +
      'called exactly as the analyzer calls it (no parent pointers). Analysis: `lintText`, i.e. the same parse ' +
      'plus the ModelGraph and all rules.',
    '',
    '| measurement | parse (ms/file) | full analysis (ms/file) | ratio |',
    '|---|---:|---:|---:|',
    ratioRow(`one ${singleLines}-line file, median of ${SINGLE_FILE_ITERATIONS} runs`, one),
    ratioRow(`${CORPUS_SIZE} files: mean per file, median of ${CORPUS_ROUNDS} rounds`, many.meanPerFile),
    ratioRow(`${CORPUS_SIZE} files: median file, median of ${CORPUS_ROUNDS} rounds`, many.medianPerFile),
    '',
    `Target: analysis ≤ 3x parse: ${verdict(worstRatio <= 3)} (worst ratio ${fmt(worstRatio)}x).`,
    '',
    '## Edit-to-diagnostics latency',
    '',
    `The bundled server (\`node bin/reglint-language-server.js --stdio\`) with the ${singleLines}-line file open; ` +
      `${EDITS} single-character edits (after 20 warm-up edits) inside a layer config, alternately typing and ` +
      'deleting a digit. Each is timed from sending `didChange` (version v) to receiving `publishDiagnostics` ' +
      'for version v, so the debounce, the analysis and JSON-RPC both ways are included.',
    '',
    '| edits | median (ms) | p95 (ms) | max (ms) | first open (ms) |',
    '|---:|---:|---:|---:|---:|',
    `| ${latency.edits} | ${fmt(latency.medianMs)} | ${fmt(latency.p95Ms)} | ${fmt(latency.maxMs)} | ${fmt(latency.firstOpenMs)} |`,
    '',
    `Target: median < 30 ms: ${verdict(latency.medianMs < 30)}. The debounce adapts to the file ` +
      '(about its recent analysis time, at least 5 ms, at most `reglint.debounceMs`). "First open" includes the ' +
      'server\'s first analysis (cold JIT).',
    '',
  ];

  const training = loadTrainingBench();
  if (training) {
    log('training benchmark (bench/training.ts)…');
    lines.push((await training.benchTraining()).trimEnd(), '');
  }

  // Issue 7: latency at 300/3,000 lines, CLI throughput vs createSourceFile and ESLint, memory.
  log('scale benchmark (bench/scale.ts)…');
  lines.push((await benchScale(log)).trimEnd(), '');

  // Issue 13: what the ESLint plugin adds to ESLint's time; package and vsix sizes.
  log('ESLint plugin benchmark (bench/eslintPlugin.ts)…');
  lines.push((await benchEslintPlugin(log)).trimEnd(), '');

  writeFileSync(path.join(REPO_ROOT, 'BENCHMARKS.md'), lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch(error => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
