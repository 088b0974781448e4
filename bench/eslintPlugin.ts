// Issue 13's benchmarks (`npm run bench` includes them; `node out/bench/eslintPlugin.js` runs
// them alone after `npm run compile && npm run build`): what the ESLint plugin adds to
// ESLint's own time on the 2,000 generated files, and the sizes of the npm package and the
// .vsix. ESLint alone and ESLint with the plugin run the same way (a separate process each,
// the same parser, no other rules, JSON output), interleaved round by round.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateModelFile } from './generateModelFile';
import { fmt, median } from './stats';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const FILES = Number(process.env.BENCH_ESLINT_FILES ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ESLINT_ROUNDS ?? 3);
/** The issue's target: the plugin adds at most this much to ESLint's time. */
const TARGET_OVERHEAD = 0.3;

const load = (): string => os.loadavg()[0]!.toFixed(2);
const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(2);

interface Subject {
  name: string;
  config: string;
}

/** An ESLint config file: the typescript-eslint parser for the .ts files, and `extra` after it. */
function eslintConfig(extra: string): string {
  const parser = require.resolve('@typescript-eslint/parser', { paths: [REPO_ROOT] });
  return `module.exports = [{ files: ['**/*.ts'], languageOptions: { parser: require(${JSON.stringify(parser)}) } }${extra}];\n`;
}

function timeEslint(dir: string, config: string): { ms: number; messages: number } {
  const eslintBin = path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const started = performance.now();
  const result = spawnSync(process.execPath, [eslintBin, '--config', config, '--format', 'json', '.'], {
    cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  const results = JSON.parse(result.stdout) as { messages: unknown[] }[];
  return { ms, messages: results.reduce((n, r) => n + r.messages.length, 0) };
}

async function eslintOverhead(log: (line: string) => void): Promise<string[]> {
  const out: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reglint-bench-eslint-'));
  try {
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(dir, `model${String(i).padStart(4, '0')}.ts`), generateModelFile(1000 + i));
    const plugin = path.join(REPO_ROOT, 'dist', 'eslint-plugin.js');
    const subjects: Subject[] = [
      { name: 'ESLint alone', config: 'alone.config.cjs' },
      { name: 'ESLint + reglint.configs.recommended', config: 'reglint.config.cjs' },
    ];
    writeFileSync(path.join(dir, subjects[0]!.config), eslintConfig(''));
    writeFileSync(path.join(dir, subjects[1]!.config), eslintConfig(`, require(${JSON.stringify(plugin)}).configs.recommended`));
    const eslintVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'eslint', 'package.json'), 'utf8')) as { version: string }).version;
    const parserVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', '@typescript-eslint', 'parser', 'package.json'), 'utf8')) as { version: string }).version;

    const runs = new Map<string, { ms: number; messages: number }[]>(subjects.map(s => [s.name, []]));
    const loads = [load()];
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < subjects.length; k++) {
        const subject = subjects[(k + round) % subjects.length]!;
        log(`ESLint overhead round ${round + 1}/${ROUNDS}: ${subject.name}…`);
        runs.get(subject.name)!.push(timeEslint(dir, path.join(dir, subject.config)));
      }
      loads.push(load());
    }
    const alone = runs.get(subjects[0]!.name)!;
    const withPlugin = runs.get(subjects[1]!.name)!;
    const overhead = median(withPlugin.map((run, i) => run.ms / alone[i]!.ms - 1));

    out.push(`### ESLint with the plugin vs ESLint alone on ${FILES} generated files`, '');
    out.push(`The files of the CLI throughput benchmark (bench/generateModelFile.ts). ESLint ${eslintVersion} with ` +
      `@typescript-eslint/parser ${parserVersion} for both, no other rules, \`--format json\`, one process per run (wall time from ` +
      `spawn to exit); the plugin is the shipped bundle dist/eslint-plugin.js. ${ROUNDS} rounds, the order rotated each round; ` +
      `the overhead is the median of the per-round ratios. Load average at the start of each round and at the end: ${loads.join(', ')}.`, '');
    out.push('| subject | median wall (s) | ms/file | findings reported |', '|---|---:|---:|---:|');
    for (const subject of subjects) {
      const r = runs.get(subject.name)!;
      const ms = median(r.map(x => x.ms));
      out.push(`| ${subject.name} | ${fmt(ms / 1000)} | ${fmt(ms / FILES)} | ${r[0]!.messages} |`);
    }
    out.push('', `Target: the plugin adds ≤ ${TARGET_OVERHEAD * 100}% to ESLint's time: ${overhead <= TARGET_OVERHEAD ? 'met' : '**missed**'} ` +
      `(+${(overhead * 100).toFixed(0)}%; per round: ${withPlugin.map((run, i) => `+${((run.ms / alone[i]!.ms - 1) * 100).toFixed(0)}%`).join(', ')}).`, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** The npm package (`npm pack --dry-run`, from dist/ as built) and the .vsix (`vsce package`). */
function artifactSizes(log: (line: string) => void): string[] {
  log('package sizes: npm pack --dry-run, vsce package…');
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack --dry-run failed: ${pack.stderr.slice(0, 2000)}`);
  const [tarball] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { size: number; unpackedSize: number; entryCount: number; files: { path: string; size: number }[] }[];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reglint-bench-vsix-'));
  try {
    const vsixPath = path.join(dir, 'reglint.vsix');
    const vsce = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'editors', 'package-vsix.mjs'), '--out', vsixPath], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (vsce.status !== 0) throw new Error(`packaging the .vsix failed: ${vsce.stderr.slice(0, 2000)}`);
    const largest = [...tarball!.files].sort((a, b) => b.size - a.size).slice(0, 4).map(f => `${f.path} ${mb(f.size)} MB`).join(', ');
    return [
      '### Package sizes', '',
      'The npm package as `npm pack` makes it (bundles built at prepack; the `files` list of package.json) and the .vsix as ' +
        '`npm run package` makes it (vsce follows the same list). Both carry one copy of ts-morph\'s TypeScript (dist/ts-morph.js), ' +
        'which every bundle shares.', '',
      '| artifact | compressed (MB) | unpacked (MB) | files |', '|---|---:|---:|---:|',
      `| npm package (reglint-<version>.tgz) | ${mb(tarball!.size)} | ${mb(tarball!.unpackedSize)} | ${tarball!.entryCount} |`,
      `| VS Code extension (.vsix) | ${mb(statSync(vsixPath).size)} | | |`,
      '', `Largest files: ${largest}.`, '',
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchEslintPlugin(log: (line: string) => void = line => process.stderr.write(`${line}\n`)): Promise<string> {
  const out = ['## ESLint plugin and package (issue 13)', '',
    'Command: `npm run bench` (this section: bench/eslintPlugin.ts; `node out/bench/eslintPlugin.js` runs it alone after ' +
    `\`npm run compile && npm run build\`). Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, shared with other work.`, ''];
  out.push(...await eslintOverhead(log));
  out.push(...artifactSizes(log));
  return out.join('\n');
}

if (require.main === module) {
  benchEslintPlugin().then(text => process.stdout.write(`${text}\n`), error => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  });
}
