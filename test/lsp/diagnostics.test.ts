// End to end: the bundled language server over stdio, as an editor drives it.
import * as assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { ruleDocUrl } from '../../server/src/docs/docLinks';
import { delay, LspSession } from './lspSession';
import {
  DENSE_LINE,
  DROPOUT_BEFORE_BATCHNORM_MODEL,
  DROPOUT_LINE,
  MODEL_WITH_SYNTAX_ERRORS,
  NO_TFJS,
  REGULARIZED_MODEL,
  UNREGULARIZED_MODEL,
} from './modelTexts';

const DENSE = 'dense-unregularized';

function codes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map(d => String(d.code));
}

function textAt(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  assert.equal(d.range.start.line, d.range.end.line, 'finding spans one line');
  return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
}

describe('language server over stdio', function () {
  this.timeout(30_000);
  let session: LspSession;

  beforeEach(async () => {
    session = await LspSession.start();
  });

  afterEach(async () => {
    assert.deepEqual(session.protocolErrors, [], 'nothing but protocol messages on stdout');
    await session.dispose();
  });

  it('initializes with incremental sync and names itself', () => {
    const { capabilities, serverInfo } = session.initializeResult;
    assert.equal(serverInfo?.name, 'reglint');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
  });

  it('publishes diagnostics on open, pointing at the layer factory', async () => {
    const uri = 'file:///work/model-open.ts';
    await session.open(uri, UNREGULARIZED_MODEL);
    const published = await session.waitForVersion(uri, 1);

    const dense = published.diagnostics.filter(d => d.code === DENSE);
    assert.equal(dense.length, 1, `one ${DENSE} finding, got ${JSON.stringify(codes(published))}`);
    const [diagnostic] = dense;
    assert.equal(diagnostic!.source, 'reglint');
    assert.equal(diagnostic!.severity, 2 /* Warning */);
    assert.equal(diagnostic!.codeDescription?.href, ruleDocUrl(DENSE));
    assert.equal(diagnostic!.range.start.line, DENSE_LINE);
    assert.equal(textAt(UNREGULARIZED_MODEL, diagnostic!), 'dense');
    assert.ok(diagnostic!.message.length > 20, 'the message explains itself');
  });

  it('updates on an incremental edit: adding a dropout clears the finding', async () => {
    const uri = 'file:///work/model-edit.ts';
    await session.open(uri, UNREGULARIZED_MODEL);
    assert.deepEqual(codes(await session.waitForVersion(uri, 1)).filter(c => c === DENSE), [DENSE]);

    await session.change(uri, 2, [
      { range: { start: { line: DENSE_LINE + 1, character: 0 }, end: { line: DENSE_LINE + 1, character: 0 } }, text: DROPOUT_LINE },
    ]);
    const afterFix = await session.waitForVersion(uri, 2);
    assert.ok(!codes(afterFix).includes(DENSE), `fixed: ${JSON.stringify(codes(afterFix))}`);

    // Deleting the dropout again brings the finding back.
    await session.change(uri, 3, [
      { range: { start: { line: DENSE_LINE + 1, character: 0 }, end: { line: DENSE_LINE + 2, character: 0 } }, text: '' },
    ]);
    assert.ok(codes(await session.waitForVersion(uri, 3)).includes(DENSE));
  });

  it('publishes only the latest version after rapid successive changes', async () => {
    const uri = 'file:///work/model-rapid.ts';
    await session.open(uri, UNREGULARIZED_MODEL);
    await session.waitForVersion(uri, 1);
    const before = session.diagnostics.length;

    // Versions 2..9 alternate between the two texts; the last one (9) is unregularized.
    // One write, so they arrive as the burst a client sends when edits come fast.
    const changes = [];
    for (let version = 2; version <= 9; version++) {
      const text = version % 2 === 0 ? REGULARIZED_MODEL : UNREGULARIZED_MODEL;
      changes.push({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ text }] } });
    }
    session.sendNotificationsAtOnce(changes);
    const latest = await session.waitForVersion(uri, 9);
    await delay(300); // anything stale would have arrived by now

    const published = session.diagnostics.slice(before).filter(p => p.uri === uri);
    assert.deepEqual(published.map(p => p.version), [9], 'no intermediate version is published');
    assert.ok(codes(latest).includes(DENSE), 'the diagnostics are those of version 9');
  });

  it('links related layers: a dropout before batch norm points at the norm', async () => {
    const uri = 'file:///work/model-related.ts';
    await session.open(uri, DROPOUT_BEFORE_BATCHNORM_MODEL);
    const published = await session.waitForVersion(uri, 1);
    const finding = published.diagnostics.find(d => d.code === 'dropout-before-batchnorm');
    assert.ok(finding, JSON.stringify(codes(published)));
    assert.equal(textAt(DROPOUT_BEFORE_BATCHNORM_MODEL, finding), 'dropout');
    const related = finding.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0]!.location.uri, uri);
    const { start, end } = related[0]!.location.range;
    assert.equal(DROPOUT_BEFORE_BATCHNORM_MODEL.split('\n')[start.line]!.slice(start.character, end.character), 'batchNormalization');
  });

  it('reports what parses in a file with syntax errors, and keeps serving', async () => {
    const uri = 'file:///work/broken.ts';
    await session.open(uri, MODEL_WITH_SYNTAX_ERRORS);
    const published = await session.waitForVersion(uri, 1);
    const dense = published.diagnostics.filter(d => d.code === DENSE);
    assert.equal(dense.length, 1, JSON.stringify(codes(published)));
    assert.equal(dense[0]!.range.start.line, 3);

    const next = 'file:///work/after-broken.ts';
    await session.open(next, UNREGULARIZED_MODEL);
    assert.ok(codes(await session.waitForVersion(next, 1)).includes(DENSE));
  });

  it('survives input that breaks the parser, with one diagnostic saying why', async () => {
    const uri = 'file:///work/deep.ts';
    const deep = `import * as tf from '@tensorflow/tfjs';\nconst x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`;
    await session.open(uri, deep);
    const published = await session.waitForVersion(uri, 1);
    // The file imports tfjs, so silence would mislead: exactly one diagnostic says why.
    assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
    assert.match(String(published.diagnostics[0]!.code), /^reglint-(not-analysed|internal-error)$/);

    const next = 'file:///work/after-deep.ts';
    await session.open(next, UNREGULARIZED_MODEL);
    assert.ok(codes(await session.waitForVersion(next, 1)).includes(DENSE));
    assert.ok(session.isRunning);
  });

  it('applies rule severities from settings and revalidates on configuration change', async () => {
    const uri = 'file:///work/model-settings.ts';
    await session.open(uri, UNREGULARIZED_MODEL);
    assert.ok(codes(await session.waitForVersion(uri, 1)).includes(DENSE));

    let mark = session.diagnostics.length;
    await session.changeSettings({ rules: { [DENSE]: 'off' } });
    const off = await session.waitForDiagnostics(uri, () => true, 10_000, mark);
    assert.ok(!codes(off).includes(DENSE), `rule off: ${JSON.stringify(codes(off))}`);

    mark = session.diagnostics.length;
    await session.changeSettings({ rules: { [DENSE]: 'error' } });
    const error = await session.waitForDiagnostics(uri, () => true, 10_000, mark);
    assert.equal(error.diagnostics.find(d => d.code === DENSE)?.severity, 1 /* Error */);

    mark = session.diagnostics.length;
    await session.changeSettings({ enable: false });
    const disabled = await session.waitForDiagnostics(uri, () => true, 10_000, mark);
    assert.deepEqual(disabled.diagnostics, []);
  });

  it('also runs over node IPC, as VS Code starts it', async () => {
    const ipc = await LspSession.start({ transport: 'ipc' });
    try {
      const uri = 'file:///work/model-ipc.ts';
      await ipc.open(uri, UNREGULARIZED_MODEL);
      assert.ok(codes(await ipc.waitForVersion(uri, 1)).includes(DENSE));
    } finally {
      await ipc.dispose();
    }
  });

  it('takes pushed settings from clients without workspace/configuration', async () => {
    const push = await LspSession.start({ pullConfiguration: false });
    try {
      const uri = 'file:///work/model-push.ts';
      await push.open(uri, UNREGULARIZED_MODEL);
      assert.ok(codes(await push.waitForVersion(uri, 1)).includes(DENSE));
      const mark = push.diagnostics.length;
      await push.changeSettings({ rules: { [DENSE]: 'hint' } });
      const hinted = await push.waitForDiagnostics(uri, () => true, 10_000, mark);
      assert.equal(hinted.diagnostics.find(d => d.code === DENSE)?.severity, 4 /* Hint */);
    } finally {
      await push.dispose();
    }
  });

  it('publishes nothing for files without tfjs, and clears diagnostics on close', async () => {
    const plain = 'file:///work/plain.ts';
    await session.open(plain, NO_TFJS);
    assert.deepEqual((await session.waitForVersion(plain, 1)).diagnostics, []);

    const uri = 'file:///work/model-close.ts';
    await session.open(uri, UNREGULARIZED_MODEL);
    await session.waitForVersion(uri, 1);
    const mark = session.diagnostics.length;
    await session.close(uri);
    const cleared = await session.waitForDiagnostics(uri, () => true, 10_000, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('analyses untitled JavaScript documents', async () => {
    const uri = 'untitled:Untitled-1';
    const js = UNREGULARIZED_MODEL.replace("import * as tf from '@tensorflow/tfjs';", "const tf = require('@tensorflow/tfjs');")
      .replace('(): tf.Sequential', '()');
    await session.open(uri, js, 1, 'javascript');
    assert.ok(codes(await session.waitForVersion(uri, 1)).includes(DENSE));
  });

  it('skips documents over 2 MB with a log message instead of analysing them', async () => {
    const uri = 'file:///work/huge.ts';
    const huge = UNREGULARIZED_MODEL + `// ${'x'.repeat(2 * 1024 * 1024)}\n`;
    await session.open(uri, huge);
    assert.deepEqual((await session.waitForVersion(uri, 1)).diagnostics, []);
    await session.waitForLog(/Skipping file:\/\/\/work\/huge\.ts/);
  });
});
