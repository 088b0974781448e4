// Issue 7's benchmarks (`npm run bench` includes them; `node out/bench/scale.js` alone):
// edit-to-diagnostics latency at 300 and 3,000 lines; CLI throughput on 2,000 generated
// files against ts.createSourceFile and ESLint (typescript-eslint parser, no rules) over the
// same files, each a separate process measured the same way, interleaved round by round;
// peak memory of the CLI; server memory after 10,000 edits vs after the first 100.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspSession } from '../test/lsp/lspSession';
import { runSoak } from '../test/lsp/soak';
import { generateModelFile } from './generateModelFile';
import { measureEditLatency } from './measureEditLatency';
import { fmt, median } from './stats';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const FILES = Number(process.env.BENCH_CLI_FILES ?? 2_000);
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 3);
const SOAK_EDITS = Number(process.env.BENCH_SOAK_EDITS ?? 10_000);
const LATENCY_EDITS = 200;

const load = (): string => os.loadavg()[0]!.toFixed(2);
const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

interface ProcessRun {
  ms: number;
  maxRssKb: number;
  status: number | null;
}

function timeProcess(args: string[], cwd: string, env: Record<string, string> = {}): ProcessRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', path.join(__dirname, 'rssProbe.js'), ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 30,
  });
  const ms = performance.now() - started;
  const match = /REGLINT_BENCH_MAXRSS_KB (\d+)/.exec(result.stderr);
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  }
  return { ms, maxRssKb: match ? Number(match[1]) : NaN, status: result.status };
}

export async function benchScale(log: (line: string) => void = line => process.stderr.write(`${line}\n`)): Promise<string> {
  const out: string[] = [];
  out.push('## Scale (issue 7)', '');
  out.push('Command: `npm run bench` (this section: bench/scale.ts; `node out/bench/scale.js` runs it alone after `npm run compile && npm run build`). ' +
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, shared with other builds: the 1-minute load average is given with each number.`, '');

  // ---- edit-to-diagnostics latency ----
  out.push('### Edit-to-diagnostics latency at 300 and 3,000 lines', '');
  out.push('The bundled server over stdio, one generated model file open (bench/generateModelFile.ts); ' +
    `${LATENCY_EDITS} single-character edits after 20 warm-up edits, each timed from sending \`didChange\` (version v) ` +
    'to receiving `publishDiagnostics` for version v: adaptive debounce, incremental reparse (server/src/analysis/incremental.ts), ' +
    'analysis, rules and JSON-RPC both ways.', '');
  out.push('| file | median (ms) | p95 (ms) | max (ms) | target (median) | load before → after |', '|---|---:|---:|---:|---|---|');
  for (const lines of [300, 3000]) {
    const text = generateModelFile(1, lines);
    const before = load();
    log(`latency at ${lines} lines…`);
    const latency = await measureEditLatency(text, LATENCY_EDITS);
    const target = lines <= 300 ? 30 : 100;
    out.push(`| ${text.split('\n').length - 1} lines | ${fmt(latency.medianMs)} | ${fmt(latency.p95Ms)} | ${fmt(latency.maxMs)} | < ${target} ms: ${latency.medianMs < target ? 'met' : '**missed**'} | ${before} → ${load()} |`);
  }
  out.push('');

  // ---- CLI throughput ----
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reglint-bench-cli-'));
  try {
    let bytes = 0;
    // One file in four imports a constant from the project's own module, so --cross-file has
    // something to follow (every subject reads the same files).
    writeFileSync(path.join(dir, 'shared.ts'), 'export const SHARED_UNITS = 48;\nexport const SHARED_RATE = 0.3;\n');
    for (let i = 0; i < FILES; i++) {
      const text = (i % 4 === 0 ? "import { SHARED_UNITS, SHARED_RATE } from './shared';\n" : '') + generateModelFile(1000 + i);
      bytes += text.length;
      writeFileSync(path.join(dir, `model${String(i).padStart(4, '0')}.ts`), text);
    }
    const parser = require.resolve('@typescript-eslint/parser', { paths: [REPO_ROOT] });
    writeFileSync(path.join(dir, 'eslint.config.cjs'),
      `module.exports = [{ files: ['**/*.ts'], languageOptions: { parser: require(${JSON.stringify(parser)}) } }];\n`);
    const eslintDir = path.join(REPO_ROOT, 'node_modules', 'eslint');
    const eslintBin = path.join(eslintDir, 'bin', 'eslint.js');
    const eslintVersion = (JSON.parse(readFileSync(path.join(eslintDir, 'package.json'), 'utf8')) as { version: string }).version;
    const subjects: { name: string; args: string[]; env?: Record<string, string> }[] = [
      { name: 'ts.createSourceFile, bare (read + parse, one thread)', args: [path.join(__dirname, 'parseFiles.js'), dir] },
      { name: `reglint CLI (${os.cpus().length} threads: main + ${os.cpus().length - 1} worker${os.cpus().length === 2 ? "" : "s"})`, args: [path.join(REPO_ROOT, 'bin', 'reglint.js'), '--format', 'json', dir] },
      { name: 'reglint CLI, one thread (REGLINT_JOBS=1)', args: [path.join(REPO_ROOT, 'bin', 'reglint.js'), '--format', 'json', dir], env: { REGLINT_JOBS: '1' } },
      { name: `ESLint ${eslintVersion} + @typescript-eslint/parser, no rules`, args: [eslintBin, '--format', 'json', '.'] },
      { name: 'reglint CLI --cross-file (imports of the project\'s own modules followed)', args: [path.join(REPO_ROOT, 'bin', 'reglint.js'), '--format', 'json', '--cross-file', dir] },
      // For reference: the analyzer's own parse skips JSDoc (server/src/analysis/parse.ts).
      { name: 'ts.createSourceFile without JSDoc, as the analyzer parses (reference)', args: [path.join(__dirname, 'parseFiles.js'), dir, '--no-jsdoc'] },
    ];
    const runs = new Map<string, ProcessRun[]>(subjects.map(s => [s.name, []]));
    const loads: string[] = [load()];
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order each round so drift in the machine's load hits every subject alike.
      for (let k = 0; k < subjects.length; k++) {
        const subject = subjects[(k + round) % subjects.length]!;
        log(`CLI throughput round ${round + 1}/${ROUNDS}: ${subject.name}…`);
        runs.get(subject.name)!.push(timeProcess(subject.args, dir, subject.env));
      }
      loads.push(load());
    }
    const parseName = subjects[0]!.name;
    out.push(`### CLI throughput on ${FILES} generated files`, '');
    out.push(`${FILES} generated model files (~300 lines, ${(bytes / FILES / 1024).toFixed(0)} KB each, ${mb(bytes)} MB in all) in one directory. ` +
      'Every subject is a separate `node` process started the same way (wall time from spawn to exit, files found, read and ' +
      'processed, output written; peak RSS of the whole process, worker threads included, from `process.resourceUsage().maxRSS`). ' +
      `${ROUNDS} rounds, the subjects' order rotated each round; the ratio column is the median of the per-round ratios ` +
      `(subject throughput / createSourceFile throughput in the same round). Load average at the start of each round and at the end: ${loads.join(', ')}.`, '');
    out.push('| subject | median wall (s) | files/s | vs createSourceFile (median of per-round ratios) | peak RSS (MB) |', '|---|---:|---:|---:|---:|');
    const parseRuns = runs.get(parseName)!;
    const ratios = new Map<string, number>();
    for (const subject of subjects) {
      const r = runs.get(subject.name)!;
      const ms = median(r.map(x => x.ms));
      const ratio = median(r.map((x, i) => parseRuns[i]!.ms / x.ms));
      ratios.set(subject.name, ratio);
      out.push(`| ${subject.name} | ${fmt(ms / 1000)} | ${(FILES / (ms / 1000)).toFixed(0)} | ${subject.name === parseName ? '1.00' : fmt(ratio)} | ${(median(r.map(x => x.maxRssKb)) / 1024).toFixed(0)} |`);
    }
    const cliRatio = ratios.get(subjects[1]!.name)!;
    const eslintRuns = runs.get(subjects[3]!.name)!;
    const cliRuns = runs.get(subjects[1]!.name)!;
    const vsEslint = median(cliRuns.map((x, i) => eslintRuns[i]!.ms / x.ms));
    out.push('');
    const noJsdocRuns = runs.get(subjects[5]!.name)!;
    const vsNoJsdoc = median(cliRuns.map((x, i) => noJsdocRuns[i]!.ms / x.ms));
    const crossRuns = runs.get(subjects[4]!.name)!;
    const crossAdds = median(crossRuns.map((x, i) => x.ms / cliRuns[i]!.ms - 1));
    out.push(`Cross-file analysis (\`--cross-file\`, one file in four imports the project's shared.ts) adds ${(crossAdds * 100).toFixed(0)}% ` +
      `to the CLI's time (median of per-round ratios; target ≤ 20%: ${crossAdds <= 0.2 ? 'met' : '**missed**'}).`, '');
    out.push(`Targets: CLI throughput ≥ 50% of createSourceFile's: ${cliRatio >= 0.5 ? 'met' : '**missed**'} (${(cliRatio * 100).toFixed(0)}%; ` +
      `${(vsNoJsdoc * 100).toFixed(0)}% of the parse without JSDoc that the analyzer itself does); ` +
      `faster than ESLint parse-only: ${vsEslint > 1 ? 'met' : '**missed**'} (${fmt(vsEslint)}x ESLint's throughput, median of per-round ratios).`, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // ---- server memory over a long session ----
  log(`server memory over ${SOAK_EDITS} edits…`);
  const before = load();
  const session = await LspSession.start();
  try {
    const soak = await runSoak(session, 'file:///bench/soak.ts', generateModelFile(5), { edits: SOAK_EDITS, seed: 11, checkpointAt: 100 });
    const heapRatio = soak.atEnd.heapUsedBytes / soak.atCheckpoint.heapUsedBytes;
    const rssRatio = soak.atEnd.rssBytes / soak.atCheckpoint.rssBytes;
    out.push(`### Server memory over ${SOAK_EDITS} edits`, '');
    out.push('The bundled server over stdio with one ~300-line model file open, driven by the soak script (test/lsp/soak.ts): random ' +
      'edits (mostly keystrokes that keep the code well-formed; 15% damage that the next keystroke undoes) sent in bursts of 25, ' +
      'each burst typed near one place (one in ten spread over the file), waiting for each burst\'s diagnostics. ' +
      'Memory from the `reglint/stats` request after a forced GC and a 300 ms wait for V8 to return the freed pages, ' +
      'after the first 100 edits and at the end. ' +
      `Load average ${before} before, ${load()} after.`, '');
    out.push('| | after 100 edits | after ' + SOAK_EDITS + ' edits | ratio |', '|---|---:|---:|---:|');
    out.push(`| heap used (MB) | ${mb(soak.atCheckpoint.heapUsedBytes)} | ${mb(soak.atEnd.heapUsedBytes)} | ${fmt(heapRatio)}x |`);
    out.push(`| RSS (MB) | ${mb(soak.atCheckpoint.rssBytes)} | ${mb(soak.atEnd.rssBytes)} | ${fmt(rssRatio)}x |`);
    const a = soak.atEnd.analyses;
    out.push('', `Analyses: ${a.incrementalParses} incremental reparses, ${a.fullParses} full parses (first open, and broken states), ${a.reused} reused, ${a.skipped} skipped (no tfjs); ` +
      `published ranges outside the document: ${soak.outOfRange.length}; slowest burst answered in ${fmt(soak.slowestAnswerMs)} ms.`, '');
    out.push(`Target: memory after ${SOAK_EDITS} edits within 1.5x of after 100: ${Math.max(heapRatio, rssRatio) <= 1.5 ? 'met' : '**missed**'} ` +
      `(heap ${fmt(heapRatio)}x, RSS ${fmt(rssRatio)}x).`, '');
  } finally {
    await session.dispose();
  }
  return out.join('\n');
}

if (require.main === module) {
  benchScale().then(text => process.stdout.write(`${text}\n`), error => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  });
}
