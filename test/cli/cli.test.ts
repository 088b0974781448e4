// The `reglint` command as a user runs it: output formats, file discovery, exit codes.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { GraphJsonFile } from '../../server/src/cli/graphJson';
import { CLI_BIN, makeProject, REPO_ROOT, runReglint } from './runCli';
import { FUNCTIONAL_TS, NO_TFJS_TS, REGULARIZED_JS, UNREGULARIZED_TS } from './fixtures';

const DENSE = 'dense-unregularized';

describe('reglint CLI', function () {
  this.timeout(60_000);
  let project: string;

  before(() => {
    project = makeProject({
      'models/unregularized.ts': UNREGULARIZED_TS,
      'models/regularized.js': REGULARIZED_JS,
      'models/nested/functional.ts': FUNCTIONAL_TS,
      'plain.ts': NO_TFJS_TS,
      'notes.txt': UNREGULARIZED_TS, // not a source file: never searched
      'node_modules/some-lib/model.ts': UNREGULARIZED_TS, // never searched
    });
  });

  describe('text output', () => {
    it('prints stylish findings and a summary; warnings alone exit 0', () => {
      const { status, stdout, stderr } = runReglint(['.'], project);
      assert.equal(stderr, '');
      assert.equal(status, 0);
      const lines = stdout.split('\n');
      const header = lines.indexOf(path.join('models', 'unregularized.ts'));
      assert.ok(header >= 0, `file header in:\n${stdout}`);
      assert.match(lines[header + 1]!, new RegExp(`^  5:23  warning  .+  ${DENSE}$`));
      assert.match(stdout, /\n✖ \d+ problems? \(0 errors, \d+ warnings?\)\n$/);
      assert.doesNotMatch(stdout, /node_modules|notes\.txt|plain\.ts|regularized\.js/);
    });

    it('prints nothing for clean files', () => {
      const { status, stdout } = runReglint(['models/regularized.js', 'plain.ts'], project);
      assert.equal(stdout, '');
      assert.equal(status, 0);
    });

    it('exits 1 when a finding is at error level', () => {
      const { status, stdout } = runReglint(['--rule', `${DENSE}=error`, 'models/unregularized.ts'], project);
      assert.equal(status, 1);
      assert.match(stdout, new RegExp(`5:23  error  .+  ${DENSE}`));
      assert.match(stdout, /✖ 1 problem \(1 error, 0 warnings\)/);
    });

    it('drops a rule turned off', () => {
      const { status, stdout } = runReglint(['--rule', `${DENSE}=off`, 'models/unregularized.ts'], project);
      assert.equal(status, 0);
      assert.doesNotMatch(stdout, new RegExp(DENSE));
    });
  });

  describe('file discovery', () => {
    it('expands globs and skips node_modules', () => {
      const { stdout } = runReglint(['--format', 'json', '**/*.ts'], project);
      const files = (JSON.parse(stdout) as { filePath: string }[]).map(r => path.relative(project, r.filePath));
      assert.deepEqual(files, [path.join('models', 'nested', 'functional.ts'), path.join('models', 'unregularized.ts'), 'plain.ts']);
    });

    it('lints a file named explicitly whatever its place', () => {
      const { stdout } = runReglint(['--format', 'json', 'node_modules/some-lib/model.ts'], project);
      assert.equal((JSON.parse(stdout) as unknown[]).length, 1);
    });

    it('searches directories for every TS/JS extension', () => {
      const dir = makeProject(
        Object.fromEntries(['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'mts', 'cts', 'py'].map(ext => [`m.${ext}`, NO_TFJS_TS])),
      );
      const { stdout } = runReglint(['--format', 'json', dir], project);
      const names = (JSON.parse(stdout) as { filePath: string }[]).map(r => path.basename(r.filePath)).sort();
      assert.deepEqual(names, ['m.cjs', 'm.cts', 'm.js', 'm.jsx', 'm.mjs', 'm.mts', 'm.ts', 'm.tsx']);
    });
  });

  describe('--format json', () => {
    it("prints ESLint's result shape with 1-based positions", () => {
      const { status, stdout } = runReglint(['--format', 'json', 'models'], project);
      assert.equal(status, 0);
      const results = JSON.parse(stdout) as Record<string, unknown>[];
      assert.equal(results.length, 3, 'one result per file, clean ones included');
      for (const result of results) {
        assert.deepEqual(Object.keys(result).sort(), ['errorCount', 'filePath', 'messages', 'warningCount']);
        assert.ok(path.isAbsolute(result.filePath as string));
      }
      const unregularized = results.find(r => (r.filePath as string).endsWith('unregularized.ts'))!;
      const messages = unregularized.messages as Record<string, unknown>[];
      const dense = messages.find(m => m.ruleId === DENSE);
      assert.ok(dense, JSON.stringify(messages));
      assert.deepEqual(Object.keys(dense).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
      assert.deepEqual(
        { line: dense.line, column: dense.column, endLine: dense.endLine, endColumn: dense.endColumn, severity: dense.severity },
        { line: 5, column: 23, endLine: 5, endColumn: 28, severity: 1 },
      );
      assert.equal(unregularized.warningCount, messages.filter(m => m.severity === 1).length);
      assert.equal(unregularized.errorCount, 0);
      const regularized = results.find(r => (r.filePath as string).endsWith('regularized.js'))!;
      assert.deepEqual(regularized.messages, []);
    });

    it('counts error-level messages as severity 2', () => {
      const { status, stdout } = runReglint(['--format', 'json', '--rule', `${DENSE}=error`, 'models/unregularized.ts'], project);
      assert.equal(status, 1);
      const [result] = JSON.parse(stdout) as { errorCount: number; messages: { severity: number; ruleId: string }[] }[];
      assert.equal(result!.messages.find(m => m.ruleId === DENSE)?.severity, 2);
      assert.equal(result!.errorCount, result!.messages.filter(m => m.severity === 2).length);
      assert.ok(result!.errorCount >= 1);
    });
  });

  describe('graph --format json', () => {
    function graphOf(file: string): GraphJsonFile {
      const { status, stdout, stderr } = runReglint(['graph', '--format', 'json', file], project);
      assert.equal(status, 0, stderr);
      const files = JSON.parse(stdout) as GraphJsonFile[];
      assert.equal(files.length, 1);
      return files[0]!;
    }

    it('prints the documented shape for a sequential model', () => {
      const graph = graphOf('models/unregularized.ts');
      assert.deepEqual(Object.keys(graph).sort(), ['filePath', 'layers', 'models']);
      assert.deepEqual(graph.models, [{ name: 'model', style: 'sequential-add', line: 4, layers: [0, 1] }]);
      assert.deepEqual(graph.layers[0], {
        factory: 'dense',
        kind: 'dense',
        line: 5,
        column: 23,
        model: 0,
        isOutput: false,
        next: ['dense'],
        regularizers: { kernel: 'absent', bias: 'absent', activity: 'absent', recurrent: 'absent', depthwise: 'absent', pointwise: 'absent' },
        dropout: null,
        recurrentDropout: null,
        wrappedBy: null,
      });
      assert.equal(graph.layers[1]!.isOutput, true);
      assert.deepEqual(graph.layers[1]!.next, []);
    });

    it('shows wrappers, recurrent dropout and regularizers of a functional model', () => {
      const graph = graphOf('models/nested/functional.ts');
      assert.equal(graph.models.length, 1);
      assert.equal(graph.models[0]!.style, 'functional');
      const byFactory = (factory: string) => graph.layers.findIndex(l => l.factory === factory);
      const bidirectional = byFactory('bidirectional');
      const lstm = graph.layers[byFactory('lstm')]!;
      assert.equal(lstm.wrappedBy, bidirectional);
      assert.equal(lstm.kind, 'recurrent');
      assert.equal(lstm.dropout, 0.2);
      assert.equal(lstm.recurrentDropout, 0.1);
      assert.deepEqual([lstm.line, lstm.column], [5, 20]);
      const dense = graph.layers.filter(l => l.factory === 'dense');
      assert.equal(dense[0]!.regularizers.kernel, 'set');
      assert.equal(dense[1]!.regularizers.kernel, 'absent');
      assert.equal(dense[1]!.isOutput, true);
      assert.equal(graph.layers[bidirectional]!.wrappedBy, null);
    });
  });

  describe('files reglint cannot analyse', () => {
    it('reports a tfjs file the parser cannot handle as an error, and still lints the rest', () => {
      const dir = makeProject({
        'deep.ts': `import * as tf from '@tensorflow/tfjs';\nconst x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`,
        'deep-plain.js': `const x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`,
        'model.ts': UNREGULARIZED_TS,
      });
      const { status, stdout } = runReglint(['--format', 'json', '.'], dir);
      assert.equal(status, 1);
      const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; severity: number; message: string; line: number }[] }[];
      const byName = new Map(results.map(r => [path.basename(r.filePath), r.messages]));
      const deep = byName.get('deep.ts')!;
      assert.equal(deep.length, 1);
      assert.deepEqual([deep[0]!.ruleId, deep[0]!.severity, deep[0]!.line], [null, 2, 1]);
      assert.match(deep[0]!.message, /could not analyse/);
      assert.doesNotMatch(deep[0]!.message, /reglint could not .*reglint could not/, 'said once, not twice');
      assert.deepEqual(byName.get('deep-plain.js'), [], 'no tfjs: nothing to say');
      assert.ok(byName.get('model.ts')!.some(m => m.ruleId === DENSE));
    });
  });

  describe('usage and errors', () => {
    it('exits 2 with usage when given nothing to lint', () => {
      const { status, stderr, stdout } = runReglint([], project);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /No files, directories or globs given[\s\S]*Usage:/);
    });

    it('exits 2 for an unknown format, option, or rule', () => {
      for (const args of [['--format', 'xml', '.'], ['--frobnicate', '.'], ['--rule', 'no-such-rule=error', '.'], ['--rule', `${DENSE}=loud`, '.']]) {
        const { status, stderr } = runReglint(args, project);
        assert.equal(status, 2, args.join(' '));
        assert.match(stderr, /^reglint: /, args.join(' '));
      }
    });

    it('exits 2 when a file or glob matches nothing', () => {
      const missing = runReglint(['no/such/file.ts'], project);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /No files matching "no\/such\/file\.ts" were found/);
      const glob = runReglint(['**/*.py'], project);
      assert.equal(glob.status, 2);
    });

    it('prints help and the version', () => {
      const help = runReglint(['--help'], project);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /^Usage:/);
      const version = runReglint(['--version'], project);
      const expected = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
      assert.equal(version.stdout.trim(), expected);
    });

    it("hands `reglint train` to the trainer's command", () => {
      const help = runReglint(['train', '--help'], project);
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, /^Usage: reglint train <file>/);
      const noFile = runReglint(['train'], project);
      assert.equal(noFile.status, 2);
      assert.match(noFile.stderr, /reglint train/);
    });

    it('tells the user to build when dist/ is missing', () => {
      const fresh = mkdtempSync(path.join(tmpdir(), 'reglint-nodist-'));
      mkdirSync(path.join(fresh, 'bin'));
      const bin = path.join(fresh, 'bin', 'reglint.js');
      copyFileSync(CLI_BIN, bin);
      const { status, stderr } = runReglint(['.'], project, bin);
      assert.equal(status, 2);
      assert.match(stderr, /npm run build/);
    });
  });
});
