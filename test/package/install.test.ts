// The npm package as a new user gets it: `npm pack` (bundles built at prepack), the tarball
// installed into an empty project outside this repository together with ESLint and
// @typescript-eslint/parser at this repository's versions (the npm registry is the only
// network; npm's cache makes repeat runs fast), then what the README tells that user to run:
// `npx reglint` (text, JSON, --fix), `npx eslint` with `reglint.configs.recommended`, the
// GitHub Actions recipe, the language server over stdio, and `reglint train`, on a TS and a
// JS model file. The same findings from both hosts, the same fixes, the documented exit codes.
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { linkedDocPaths } from '../../server/src/docs/docLinks';
import { LspSession } from '../lsp/lspSession';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The versions this repository's tests use (its lockfile's), installed beside the tarball. */
function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}
const PEERS = ['eslint', '@typescript-eslint/parser', 'typescript'].map((name) => `${name}@${installedVersion(name)}`);

const MODEL_TS = `import * as tf from '@tensorflow/tfjs';

export function buildClassifier(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 256, activation: 'relu', inputShape: [784]}));
  model.add(tf.layers.dense({units: 128, activation: 'relu'}));
  // reglint-disable-next-line dense-unregularized -- a deliberate bottleneck
  model.add(tf.layers.dense({units: 16, activation: 'relu'}));
  model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  return model;
}
`;

const MODEL_JS = `const tf = require('@tensorflow/tfjs-node');

function createModel(vocabSize) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({inputDim: vocabSize, outputDim: 32, inputLength: 100}));
  model.add(tf.layers.conv1d({filters: 32, kernelSize: 5, activation: 'relu'}));
  model.add(tf.layers.maxPooling1d({poolSize: 2}));
  model.add(tf.layers.lstm({units: 64}));
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return model;
}

module.exports = {createModel};
`;

/** The preferred fixes, as the fix tables specify them (test/fixes/*.cases.ts). */
const FIXED_TS = MODEL_TS
  .replace("inputShape: [784]}));\n", "inputShape: [784]}));\n  model.add(tf.layers.dropout({rate: 0.5}));\n")
  .replace("{units: 128, activation: 'relu'}));\n", "{units: 128, activation: 'relu'}));\n  model.add(tf.layers.dropout({rate: 0.5}));\n");
const FIXED_JS = MODEL_JS
  .replace("activation: 'relu'}));\n", "activation: 'relu'}));\n  model.add(tf.layers.batchNormalization());\n")
  .replace('{units: 64}', '{units: 64, dropout: 0.2, recurrentDropout: 0.2}');

/** Findings as both hosts should report them: [file, rule, line, column]. */
const FINDINGS = [
  ['src/model.js', 'conv-unregularized', 6, 23],
  ['src/model.js', 'recurrent-unregularized', 8, 23],
  ['src/model.ts', 'dense-unregularized', 5, 23],
  ['src/model.ts', 'dense-unregularized', 6, 23],
];

const ESLINT_CONFIG = `import tsParser from '@typescript-eslint/parser';
import reglint from 'reglint/eslint-plugin';

export default [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  reglint.configs.recommended,
];
`;

/** Compiled with the project's own TypeScript: the plugin's types, as an eslint.config.mts would use them. */
const TYPED_CONFIG = `import type { Linter } from 'eslint';
import reglint from 'reglint/eslint-plugin';

const configs: Linter.Config[] = [reglint.configs.recommended, reglint.configs.strict];
const ruleCount: number = Object.keys(reglint.rules ?? {}).length;
export default { configs, ruleCount };
`;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine?: number; endColumn?: number }[];
}

/** The environment of a user's shell: nothing of this repository's `npm test` run. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (/^npm_/i.test(key) || key === 'NODE_PATH' || key === 'INIT_CWD') delete env[key];
  return env;
}

function run(command: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnv(), timeout, maxBuffer: 64 << 20 });
  if (result.error) throw result.error;
  return result;
}

function describeRun(result: SpawnSyncReturns<string>): string {
  return `exit ${result.status}\n--- stdout\n${result.stdout.slice(0, 4000)}\n--- stderr\n${result.stderr.slice(0, 4000)}`;
}

/** [file, rule, line, column] of JSON results, rule ids without the `reglint/` prefix. */
function findingsOf(results: JsonResult[], root: string): (string | number)[][] {
  return results
    .flatMap((r) => r.messages.map((m) => [path.relative(root, r.filePath), (m.ruleId ?? '').replace(/^reglint\//, ''), m.line, m.column]))
    .sort((a, b) => String(a).localeCompare(String(b)));
}

/** Everything ESLint and reglint both say of a finding, to compare the hosts. */
function fullFindingsOf(results: JsonResult[], root: string): string[] {
  return results
    .flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)} ${(m.ruleId ?? '').replace(/^reglint\//, '')} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`))
    .sort();
}

describe('the npm package, installed into an empty project', function () {
  this.timeout(15 * 60_000);
  let work: string;
  let project: string;
  let tarball: string;
  const timings: string[] = [];
  const timed = <T>(label: string, fn: () => T): T => {
    const started = Date.now();
    try {
      return fn();
    } finally {
      timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  const inProject = (file: string) => path.join(project, file);
  const writeSources = (dir: string) => {
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(path.join(dir, 'src', 'model.ts'), MODEL_TS);
    writeFileSync(path.join(dir, 'src', 'model.js'), MODEL_JS);
  };

  before(function () {
    // realpath: macOS-style symlinked temp dirs would make npm's paths differ from ours.
    work = realpathSync(mkdtempSync(path.join(tmpdir(), 'reglint-install-')));
    const pack = timed('npm pack (prepack: build)', () => run('npm', ['pack', '--pack-destination', work], REPO_ROOT, 10 * 60_000));
    assert.equal(pack.status, 0, `npm pack failed: ${describeRun(pack)}`);
    tarball = path.join(work, `${manifest.name}-${manifest.version}.tgz`);
    assert.ok(existsSync(tarball), `no ${tarball}: ${describeRun(pack)}`);

    project = path.join(work, 'project');
    mkdirSync(project);
    writeFileSync(inProject('package.json'), `${JSON.stringify({ name: 'reglint-user', version: '1.0.0', private: true }, null, 2)}\n`);
    writeSources(project);
    writeFileSync(inProject('.reglintrc.json'), '{\n  // a project setting, read through the bundled config loader\n  "rules": {"dense-unregularized": "error"}\n}\n');
    writeFileSync(inProject('eslint.config.mjs'), ESLINT_CONFIG);
    writeFileSync(inProject('check-types.mts'), TYPED_CONFIG);
    const install = timed('npm install', () => run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', tarball, ...PEERS], project, 10 * 60_000));
    if (install.status !== 0 && /E(AI_AGAIN|NOTFOUND|CONNREFUSED|CONNRESET|TIMEDOUT)|ETIMEDOUT/.test(install.stderr)) {
      console.log(`      skipped: the npm registry is unreachable (${/\b(E[A-Z_]+)\b/.exec(install.stderr)?.[1]}); the CLI and the plugin are covered in-repo by test/cli and test/eslint`);
      this.skip();
    }
    assert.equal(install.status, 0, `npm install failed: ${describeRun(install)}`);
  });

  after(() => {
    if (timings.length > 0) console.log(`      timings: ${timings.join(', ')}`);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships the bundles, the WASM files, the schema and every page a link names; no sources, tests or maps', () => {
    const listing = run('tar', ['-tzf', tarball], work);
    assert.equal(listing.status, 0, describeRun(listing));
    const files = new Set(listing.stdout.split('\n').filter(Boolean).map((entry) => entry.replace(/^package\//, '')));
    for (const page of linkedDocPaths()) assert.ok(files.has(page), `a link names ${page}, which the package lacks`);
    for (const file of ['bin/reglint.js', 'bin/reglint-language-server.js', 'dist/cli.js', 'dist/lintWorker.js', 'dist/server.js',
      'dist/trainWorker.js', 'dist/ts-morph.js', 'dist/eslint-plugin.js', 'dist/eslint-plugin.d.ts', 'dist/tfjs-backend-wasm.wasm',
      'schemas/reglintrc.schema.json', 'README.md', 'LICENSE', 'package.json']) {
      assert.ok(files.has(file), `the package lacks ${file}`);
    }
    const unwanted = [...files].filter((file) => /\.(map|tsx?)$/.test(file) && !file.endsWith('.d.ts') || /^(test|out|bench|client|scripts)\//.test(file));
    assert.deepEqual(unwanted, []);
  });

  it('resolves from the project alone, not from this repository', () => {
    const resolve = run(process.execPath, ['-e', "console.log(require.resolve('reglint/eslint-plugin'), require.resolve('eslint'))"], project);
    assert.equal(resolve.status, 0, describeRun(resolve));
    for (const resolved of resolve.stdout.trim().split('\n')) assert.ok(resolved.startsWith(path.join(project, 'node_modules')), resolved);
  });

  it('npx reglint: the findings in text, exit 1 for the error level .reglintrc.json sets', () => {
    const result = timed('npx reglint', () => run('npx', ['reglint', 'src'], project));
    assert.equal(result.status, 1, describeRun(result));
    assert.match(result.stdout, /src\/model\.ts\n\s+5:23\s+error\s+Hidden dense layer \(units 256\)[^\n]*dense-unregularized\n\s+6:23\s+error/);
    assert.match(result.stdout, /src\/model\.js\n\s+6:23\s+warning\s+[^\n]*conv-unregularized\n\s+8:23\s+warning\s+[^\n]*recurrent-unregularized/);
    assert.match(result.stdout, /✖ 4 problems \(2 errors, 2 warnings\)/);
  });

  it('npx reglint --format json and npx eslint: the same findings', () => {
    const reglint = run('npx', ['reglint', '--format', 'json', 'src'], project);
    assert.equal(reglint.status, 1, describeRun(reglint));
    const eslint = timed('npx eslint', () => run('npx', ['eslint', '--format', 'json', 'src'], project));
    assert.equal(eslint.status, 0, `warnings only (recommended): ${describeRun(eslint)}`);
    const reglintResults = JSON.parse(reglint.stdout) as JsonResult[];
    const eslintResults = JSON.parse(eslint.stdout) as JsonResult[];
    assert.deepEqual(findingsOf(reglintResults, project), FINDINGS);
    assert.deepEqual(fullFindingsOf(eslintResults, project), fullFindingsOf(reglintResults, project));
    assert.deepEqual(eslintResults.flatMap((r) => r.messages.map((m) => m.severity)), [1, 1, 1, 1]);
    const docs = run(process.execPath, ['-e', "const p = require('reglint/eslint-plugin'); console.log(p.rules['dense-unregularized'].meta.docs.url)"], project);
    assert.equal(docs.stdout.trim(), `https://cdn.jsdelivr.net/npm/reglint@${manifest.version}/server/src/rules/dense-unregularized/README.md`);
    assert.ok(existsSync(inProject('node_modules/reglint/server/src/rules/dense-unregularized/README.md')), 'the page the URL names is in the installed package');

    const strict = run('npx', ['eslint', '--max-warnings', '0', 'src'], project);
    assert.equal(strict.status, 1, `--max-warnings 0 fails on the warnings: ${describeRun(strict)}`);
    assert.match(strict.stdout, /reglint\/dense-unregularized/);
  });

  it('npx reglint --fix and npx eslint --fix: the preferred fixes, the same from both', () => {
    try {
      const reglint = timed('npx reglint --fix', () => run('npx', ['reglint', '--fix', 'src'], project));
      assert.equal(reglint.status, 0, `every finding fixed: ${describeRun(reglint)}`);
      assert.equal(readFileSync(inProject('src/model.ts'), 'utf8'), FIXED_TS);
      assert.equal(readFileSync(inProject('src/model.js'), 'utf8'), FIXED_JS);

      writeSources(project);
      const eslint = timed('npx eslint --fix', () => run('npx', ['eslint', '--fix', 'src'], project));
      assert.equal(eslint.status, 0, `every finding fixed: ${describeRun(eslint)}`);
      assert.equal(readFileSync(inProject('src/model.ts'), 'utf8'), FIXED_TS);
      assert.equal(readFileSync(inProject('src/model.js'), 'utf8'), FIXED_JS);
    } finally {
      writeSources(project); // the other tests lint the unfixed files
    }
  });

  it("the plugin's types compile in an eslint.config.mts (the project's TypeScript)", () => {
    const tsc = timed('tsc', () => run('npx', ['tsc', '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', 'check-types.mts'], project));
    assert.equal(tsc.status, 0, describeRun(tsc));
  });

  it('the README CI recipe, as written: npm ci, then its reglint step writes SARIF and fails on the error', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const workflow = /```yaml\n([\s\S]*?upload-sarif[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(workflow, 'the README has the GitHub Actions workflow');
    const steps = [...workflow.matchAll(/^\s+(?:- )?run: (.+)$/gm)].map((m) => m[1]!.trim());
    assert.deepEqual(steps.map((s) => s.split(' ').slice(0, 2).join(' ')), ['npm ci', 'npx reglint']);
    const ci = timed('npm ci', () => run('sh', ['-c', `${steps[0]} --no-audit --no-fund --prefer-offline`], project, 10 * 60_000));
    assert.equal(ci.status, 0, describeRun(ci));
    const lint = run('sh', ['-c', steps[1]!], project);
    assert.equal(lint.status, 1, `the step fails on the error-level finding: ${describeRun(lint)}`);
    const sarifFile = /> (\S+)$/.exec(steps[1]!)![1]!;
    const sarif = JSON.parse(readFileSync(inProject(sarifFile), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((r) => r.ruleId).sort(), FINDINGS.map((f) => f[1]).sort());
  });

  it('reglint-language-server over stdio: diagnostics with links to the docs', async () => {
    const session = await LspSession.start({ serverBin: inProject('node_modules/.bin/reglint-language-server') });
    try {
      const uri = pathToFileURL(inProject('src/model.ts')).href;
      await session.open(uri, MODEL_TS);
      const published = await session.waitForVersion(uri, 1);
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line + 1]), [['dense-unregularized', 5], ['dense-unregularized', 6]]);
      assert.match(published.diagnostics[0]!.codeDescription!.href, /^https:\/\/cdn\.jsdelivr\.net\/npm\/reglint@[^/]+\/server\/src\/rules\/dense-unregularized\/README\.md$/);
    } finally {
      await session.dispose();
    }
  });

  it('npx reglint train: builds and trains the TS model with the packaged tfjs on WASM', () => {
    const train = timed('npx reglint train', () => run('npx', ['reglint', 'train', 'src/model.ts', '--budget', '3'], project));
    assert.ok(train.status === 0 || train.status === 1, describeRun(train));
    assert.match(train.stdout, /model \(line 4\): built static, wasm backend/);
  });
});
