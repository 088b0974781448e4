// `reglint --fix` and `--fix-dry-run` on temporary copies of the examples and fixtures.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { UNREGULARIZED_TS } from './fixtures';
import { makeProject, REPO_ROOT, runReglint } from './runCli';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

function copyOfExamples(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'reglint-fix-'));
  cpSync(EXAMPLES, root, { recursive: true });
  return root;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map(name => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

describe('reglint --fix / --fix-dry-run', function () {
  this.timeout(60_000);

  it('--fix writes the fixes, reports what remains, and a second run changes nothing', () => {
    const dir = copyOfExamples();
    const before = snapshot(dir);
    const { status, stdout, stderr } = runReglint(['--fix', '.'], dir);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const after = snapshot(dir);
    assert.notEqual(after['mnist-convnet.ts'], before['mnist-convnet.ts']);
    assert.match(after['mnist-convnet.ts']!, /tf\.layers\.batchNormalization\(\)/);
    assert.equal(after['regularized-ok.ts'], before['regularized-ok.ts'], 'a clean file is left alone');
    // What remains (dropout-rate-high has no fix) is reported as by the lint command.
    assert.match(stdout, /dropout-rate-high/);
    assert.doesNotMatch(stdout, /dense-unregularized|conv-unregularized|recurrent-unregularized|dropout-before-batchnorm/);
    assert.equal(runReglint(['.'], dir).stdout, stdout, 'the report is that of the fixed files');

    const again = runReglint(['--fix', '.'], dir);
    assert.equal(again.status, 0);
    assert.deepEqual(snapshot(dir), after, 'idempotent');
  });

  it('exits by the findings that remain', () => {
    const dir = makeProject({ 'model.ts': UNREGULARIZED_TS });
    // An error-level finding that --fix removes: exit 0 (plain lint exits 1).
    assert.equal(runReglint(['--rule', 'dense-unregularized=error', 'model.ts'], dir).status, 1);
    assert.equal(runReglint(['--fix-dry-run', '--rule', 'dense-unregularized=error', 'model.ts'], dir).status, 0);
    const fixed = runReglint(['--fix', '--rule', 'dense-unregularized=error', 'model.ts'], dir);
    assert.equal(fixed.status, 0);
    assert.equal(fixed.stdout, '');

    // One that remains (no fix for a high dropout rate): exit 1.
    const examples = copyOfExamples();
    const remaining = runReglint(['--fix', '--rule', 'dropout-rate-high=error', 'autoencoder.ts'], examples);
    assert.equal(remaining.status, 1);
    assert.match(remaining.stdout, /error .+ dropout-rate-high/);
    assert.equal(runReglint(['--fix-dry-run', '--rule', 'dropout-rate-high=error', 'sentiment-lstm.ts'], examples).status, 1);
  });

  it('--fix-dry-run prints a diff that gives what --fix writes, and writes nothing', () => {
    const dir = copyOfExamples();
    const before = snapshot(dir);
    const { status, stdout, stderr } = runReglint(['--fix-dry-run', '.'], dir);
    assert.equal(status, 0);
    assert.deepEqual(snapshot(dir), before, 'nothing written');
    assert.match(stdout, /^--- a\/autoencoder\.ts\n\+\+\+ b\/autoencoder\.ts\n@@ /);
    assert.match(stdout, /\n\+ {2}model\.add\(tf\.layers\.batchNormalization\(\)\);\n/);
    assert.doesNotMatch(stdout, /regularized-ok\.ts/);
    assert.match(stderr, /^reglint: \d+ fixes in 5 files \(dry run: nothing written\); 2 problems would remain/);

    const patches = parsePatch(stdout);
    assert.equal(patches.length, 5);
    runReglint(['--fix', '.'], dir);
    for (const patch of patches) {
      const name = patch.oldFileName!.replace(/^a\//, '');
      assert.equal(applyPatch(before[name]!, patch), readFileSync(path.join(dir, name), 'utf8'), name);
    }
  });

  it('keeps a byte-order mark and CRLF line endings', () => {
    const crlf = `\uFEFF${UNREGULARIZED_TS.replace(/\n/g, '\r\n')}`;
    const dir = makeProject({ 'model.ts': crlf });
    const dry = runReglint(['--fix-dry-run', 'model.ts'], dir);
    assert.match(dry.stdout, /\+ {2}model\.add\(tf\.layers\.dropout\(\{rate: 0\.5\}\)\);\r\n/);
    assert.equal(runReglint(['--fix', 'model.ts'], dir).status, 0);
    const fixed = readFileSync(path.join(dir, 'model.ts'), 'utf8');
    assert.ok(fixed.startsWith('\uFEFFimport'), 'BOM kept');
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, 'CRLF only');
    assert.match(fixed, /tf\.layers\.dropout\(\{rate: 0\.5\}\)/);
  });

  it('uses the fix settings of the nearest .reglintrc.json', () => {
    const dir = makeProject({
      '.reglintrc.json': JSON.stringify({ fix: { denseDropoutRate: 0.3 } }),
      'model.ts': UNREGULARIZED_TS,
    });
    assert.equal(runReglint(['--fix', 'model.ts'], dir).status, 0);
    assert.match(readFileSync(path.join(dir, 'model.ts'), 'utf8'), /tf\.layers\.dropout\(\{rate: 0\.3\}\)/);
  });

  it('writes nothing when a .reglintrc.json is invalid', () => {
    const dir = makeProject({ '.reglintrc.json': '{"fix": {"l2": 0}}', 'model.ts': UNREGULARIZED_TS });
    const { status, stderr } = runReglint(['--fix', 'model.ts'], dir);
    assert.equal(status, 2);
    assert.match(stderr, /fix\.l2/);
    assert.equal(readFileSync(path.join(dir, 'model.ts'), 'utf8'), UNREGULARIZED_TS);
  });

  it('leaves a file that is not valid UTF-8 alone', () => {
    const dir = makeProject({});
    const bytes = Buffer.concat([Buffer.from(UNREGULARIZED_TS.replace('relu', 'r\u00e9lu')), Buffer.from([0xff, 0x0a])]);
    writeFileSync(path.join(dir, 'model.ts'), bytes);
    const { stderr } = runReglint(['--fix', 'model.ts'], dir);
    assert.match(stderr, /model\.ts: not valid UTF-8; not fixed/);
    assert.ok(readFileSync(path.join(dir, 'model.ts')).equals(bytes));
  });

  it('rejects --fix with --fix-dry-run, --fix-dry-run with a --format, and --fix for graph', () => {
    const dir = makeProject({ 'model.ts': UNREGULARIZED_TS });
    for (const args of [['--fix', '--fix-dry-run'], ['--fix-dry-run', '--format', 'json'], ['graph', '--fix']]) {
      const { status, stderr } = runReglint([...args, 'model.ts'], dir);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /--fix/);
    }
    assert.equal(readFileSync(path.join(dir, 'model.ts'), 'utf8'), UNREGULARIZED_TS);
  });
});
