// CI outputs of `reglint`: --format sarif validated against the SARIF 2.1.0 JSON schema,
// --max-warnings, --quiet; .reglintrc.json from the command line; and the GitHub Actions
// workflow in the README, run as written (on examples/ for its src/; test/package runs it
// verbatim in an installed project).
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import type * as Sarif from 'sarif';
import { allRules } from '../../server/src/rules';
import { ruleDocUrl } from '../../server/src/docs/docLinks';
import { REGULARIZED_JS, UNREGULARIZED_TS } from './fixtures';
import { makeProject, REPO_ROOT, runReglint } from './runCli';

// The SARIF 2.1.0 schema (draft-04 JSON schema) as shipped in the npm package
// @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/sarif-2.1.0-rtm.5.json), copied here
// because the tests run without network. rtm.5 is the 2.1.0 schema GitHub code scanning
// documents; the OASIS errata only reworded descriptions.
const SARIF_SCHEMA = path.join(REPO_ROOT, 'test', 'cli', 'schemas', 'sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  // unicodeRegExp: false because the schema's `language` pattern has a stray `]` that is
  // only legal in a non-unicode RegExp (as in the JSON-schema validators of its time).
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && canParse(s));
  ajv.addFormat('uri-reference', (s: string) => canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
}

function canParse(s: string, base?: string): boolean {
  try {
    new URL(s, base);
    return true;
  } catch {
    return false;
  }
}

function assertValidSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  const validate = sarifValidator();
  assert.ok(validate(log), `SARIF does not validate:\n${JSON.stringify(validate.errors, null, 2)}`);
  return log;
}

/** A file with one warning-level finding (line 5) and, with `errorLine`, one error. */
const WITH_ERROR_TS = `import * as tf from '@tensorflow/tfjs';

const model = tf.sequential();
model.add(tf.layers.dense({units: 64, inputShape: [10], kernelRegularizer: tf.regularizers.l2(0.01)}));
model.add(tf.layers.dense({units: 32}));
model.add(tf.layers.dense({units: 1}));
`;

describe('reglint CI outputs', function () {
  this.timeout(60_000);
  const projects: string[] = [];
  const project = (files: Record<string, string>) => {
    const root = makeProject(files);
    projects.push(root);
    return root;
  };
  after(() => {
    for (const root of projects) rmSync(root, { recursive: true, force: true });
  });

  describe('--format sarif', () => {
    it('validates against the SARIF 2.1.0 schema and carries rules, levels and 1-based regions', () => {
      const cwd = project({ 'src/model.ts': UNREGULARIZED_TS, 'src/with error.ts': WITH_ERROR_TS, 'src/clean.js': REGULARIZED_JS });
      const { status, stdout, stderr } = runReglint(['--format', 'sarif', 'src'], cwd);
      assert.equal(status, 1, `an error-level finding exits 1; stderr: ${stderr}`);
      const log = assertValidSarif(stdout);
      assert.equal(log.version, '2.1.0');
      const [run] = log.runs;
      const driver = run!.tool.driver;
      assert.equal(driver.name, 'reglint');
      assert.deepEqual(driver.rules!.map((r) => r.id), allRules.map((r) => r.meta.id));
      for (const rule of driver.rules!) {
        assert.equal(rule.helpUri, ruleDocUrl(rule.id));
        assert.ok(rule.shortDescription?.text, `${rule.id} has a short description`);
      }

      const dense = run!.results!.find((r) => r.ruleId === 'dense-unregularized' && r.locations![0]!.physicalLocation!.artifactLocation!.uri === 'src/model.ts');
      assert.ok(dense, JSON.stringify(run!.results));
      assert.equal(dense.level, 'warning');
      assert.equal(driver.rules![dense.ruleIndex!]!.id, 'dense-unregularized');
      // fixtures.ts: line 5, `dense` at column 23
      assert.deepEqual(dense.locations![0]!.physicalLocation!.region, { startLine: 5, startColumn: 23, endLine: 5, endColumn: 28 });
      assert.equal(dense.locations![0]!.physicalLocation!.artifactLocation!.uriBaseId, '%SRCROOT%');

      const invalid = run!.results!.find((r) => r.ruleId === 'regularizer-config-invalid');
      assert.equal(invalid?.level, 'error');
      assert.equal(invalid?.locations![0]!.physicalLocation!.artifactLocation!.uri, 'src/with%20error.ts');
      assert.equal(run!.originalUriBaseIds!['%SRCROOT%']!.uri, `file://${cwd}/`);
    });

    it('maps hint and info to note and prints a valid empty run for clean files', () => {
      const cwd = project({ 'a.ts': UNREGULARIZED_TS, 'b.js': REGULARIZED_JS });
      const hinted = assertValidSarif(runReglint(['-f', 'sarif', '--rule', 'dense-unregularized=hint', 'a.ts'], cwd).stdout);
      assert.deepEqual(hinted.runs[0]!.results!.map((r) => r.level), ['note']);
      const clean = runReglint(['-f', 'sarif', 'b.js'], cwd);
      assert.equal(clean.status, 0);
      assert.deepEqual(assertValidSarif(clean.stdout).runs[0]!.results, []);
    });

    it('would be caught by the validator if broken (the schema test can fail)', () => {
      const cwd = project({ 'a.ts': UNREGULARIZED_TS });
      const log = JSON.parse(runReglint(['-f', 'sarif', 'a.ts'], cwd).stdout) as Sarif.Log;
      (log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region as { startLine: number }).startLine = 0;
      assert.equal(sarifValidator()(log), false, 'a 0-based line must not validate');
    });
  });

  describe('--max-warnings and --quiet', () => {
    it('exits 1 when the warnings exceed --max-warnings, 0 at the limit', () => {
      const cwd = project({ 'a.ts': UNREGULARIZED_TS }); // one warning
      assert.equal(runReglint(['--max-warnings', '1', 'a.ts'], cwd).status, 0);
      const over = runReglint(['--max-warnings', '0', 'a.ts'], cwd);
      assert.equal(over.status, 1);
      assert.match(over.stderr, /1 warning found, more than --max-warnings 0 allows/);
      assert.equal(runReglint(['a.ts'], cwd).status, 0, 'without the option warnings never fail');
    });

    it('counts hint and info findings as warnings', () => {
      const cwd = project({ 'a.ts': UNREGULARIZED_TS });
      assert.equal(runReglint(['--max-warnings', '0', '--rule', 'dense-unregularized=hint', 'a.ts'], cwd).status, 1);
    });

    it('rejects a --max-warnings that is not a whole number', () => {
      const cwd = project({ 'a.ts': UNREGULARIZED_TS });
      const result = runReglint(['--max-warnings', 'lots', 'a.ts'], cwd);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /--max-warnings expects a whole number/);
    });

    it('--quiet prints errors only, in every format', () => {
      const cwd = project({ 'a.ts': WITH_ERROR_TS });
      const loud = runReglint(['a.ts'], cwd).stdout;
      assert.match(loud, /warning/);
      const quiet = runReglint(['--quiet', 'a.ts'], cwd);
      assert.equal(quiet.status, 1);
      assert.doesNotMatch(quiet.stdout, /\bwarning\b/);
      assert.match(quiet.stdout, /error .*regularizer-config-invalid/);
      const json = JSON.parse(runReglint(['--quiet', '-f', 'json', 'a.ts'], cwd).stdout) as { messages: { severity: number }[] }[];
      assert.deepEqual(json[0]!.messages.map((m) => m.severity), [2]);
      const sarif = assertValidSarif(runReglint(['--quiet', '-f', 'sarif', 'a.ts'], cwd).stdout);
      assert.deepEqual(sarif.runs[0]!.results!.map((r) => r.level), ['error']);
    });

    it('--quiet still lets warnings count for --max-warnings', () => {
      const cwd = project({ 'a.ts': UNREGULARIZED_TS });
      const result = runReglint(['--quiet', '--max-warnings', '0', 'a.ts'], cwd);
      assert.equal(result.stdout, '');
      assert.equal(result.status, 1);
    });
  });

  describe('.reglintrc.json', () => {
    it('applies the nearest config file to each file; --rule overrides it', () => {
      const cwd = project({
        '.reglintrc.json': '{"rules": {"dense-unregularized": "error"}}',
        'app/model.ts': UNREGULARIZED_TS,
        'lib/.reglintrc.json': '{"rules": {"dense-unregularized": "off"}}',
        'lib/model.ts': UNREGULARIZED_TS,
      });
      const json = (args: string[]) =>
        JSON.parse(runReglint(['-f', 'json', ...args], cwd).stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[];
      const results = json(['.']);
      const app = results.find((r) => r.filePath.endsWith(path.join('app', 'model.ts')));
      const lib = results.find((r) => r.filePath.endsWith(path.join('lib', 'model.ts')));
      assert.deepEqual(app?.messages.map((m) => [m.ruleId, m.severity]), [['dense-unregularized', 2]]);
      assert.deepEqual(lib?.messages, []);
      assert.equal(runReglint(['.'], cwd).status, 1, 'the config made it an error');
      const overridden = json(['--rule', 'dense-unregularized=warning', 'app']);
      assert.deepEqual(overridden[0]!.messages.map((m) => m.severity), [1]);
    });

    it('skips files include/exclude leave out, but lints files named explicitly (lint and graph)', () => {
      const cwd = project({
        '.reglintrc.json': '{"include": ["src/**"], "exclude": ["src/generated/**"]}',
        'src/model.ts': UNREGULARIZED_TS,
        'src/generated/model.ts': UNREGULARIZED_TS,
        'scripts/model.ts': UNREGULARIZED_TS,
      });
      const linted = (args: string[]) =>
        (JSON.parse(runReglint(['-f', 'json', ...args], cwd).stdout) as { filePath: string }[]).map((r) => path.relative(cwd, r.filePath));
      assert.deepEqual(linted(['.']), [path.join('src', 'model.ts')]);
      assert.deepEqual(linted(['scripts/model.ts']), [path.join('scripts', 'model.ts')]);
      const none = runReglint(['scripts'], cwd);
      assert.equal(none.status, 2);
      assert.match(none.stderr, /excluded by include\/exclude/);
      // `reglint graph` picks the same files.
      const graphed = (args: string[]) =>
        (JSON.parse(runReglint(['graph', '--format', 'json', ...args], cwd).stdout) as { filePath: string }[]).map((r) => path.relative(cwd, r.filePath));
      assert.deepEqual(graphed(['.']), [path.join('src', 'model.ts')]);
      assert.deepEqual(graphed(['scripts/model.ts']), [path.join('scripts', 'model.ts')]);
    });

    it('refuses to run with an invalid config: a clear error with line:column, exit 2', () => {
      const cwd = project({
        '.reglintrc.json': '{\n  "rules": {\n    "dense-unregularized": "warn"\n  }\n}\n',
        'a.ts': UNREGULARIZED_TS,
      });
      const result = runReglint(['a.ts'], cwd);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(
        result.stderr,
        `reglint: Invalid configuration in ${path.join(cwd, '.reglintrc.json')}:\n  3:28  "rules.dense-unregularized": "warn" is not one of off, hint, info, warning, error.\n`,
      );
    });

    it('reports a JSON syntax error in the config', () => {
      const cwd = project({ '.reglintrc.json': '{"rules": {', 'a.ts': UNREGULARIZED_TS });
      const result = runReglint(['a.ts'], cwd);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /Invalid configuration in .*\.reglintrc\.json:\n {2}1:\d+ {2}JSON syntax error/);
    });
  });

  describe('the README GitHub Actions workflow', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const workflow = /```yaml\n([\s\S]*?upload-sarif[\s\S]*?)```/.exec(readme)?.[1];

    it('is in the README and uploads the SARIF file the reglint step writes', () => {
      assert.ok(workflow, 'README has a ```yaml workflow with upload-sarif');
      const run = /run: npx reglint (.+) > (\S+)\n/.exec(workflow);
      assert.ok(run, 'a `run: npx reglint ... > file` step');
      assert.match(workflow, new RegExp(`sarif_file: ${run[2]!.replace('.', '\\.')}\\n`));
      assert.match(workflow, /security-events: write/);
    });

    it("its reglint command, run on examples/, writes valid SARIF with the examples' findings", () => {
      const [, args, outFile] = /run: npx reglint (.+) > (\S+)\n/.exec(workflow!)!;
      // The snippet lints a project's src/; this repository's models are in examples/.
      const argv = args!.trim().split(/\s+/).map((arg) => (arg === 'src/' ? 'examples/' : arg));
      assert.ok(argv.includes('examples/'), 'the snippet lints src/ (run here on examples/)');
      const result = runReglint(argv, REPO_ROOT);
      assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
      const out = path.join(REPO_ROOT, 'test-artifacts', outFile!);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, result.stdout);
      const log = assertValidSarif(result.stdout);
      const uris = new Set(log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri));
      assert.ok(log.runs[0]!.results!.length > 0, 'examples/ has findings');
      assert.ok([...uris].every((uri) => uri!.startsWith('examples/')), [...uris].join(', '));
    });
  });
});
