// Pull diagnostics over stdio: a client that declares `textDocument.diagnostic` gets a
// diagnosticProvider and no pushed diagnostics; document reports carry result ids and come
// back "unchanged" for the same text; workspace/diagnostic reports files nobody opened.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { delay, LspSession } from './lspSession';
import { DENSE_LINE, DROPOUT_LINE, REGULARIZED_MODEL, UNREGULARIZED_MODEL } from './modelTexts';

const DENSE = 'dense-unregularized';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: { code?: unknown; range: { start: { line: number } } }[];
}

interface WorkspaceReport {
  items: (Report & { uri: string; version: number | null })[];
}

describe('pull diagnostics (textDocument/diagnostic, workspace/diagnostic)', function () {
  this.timeout(30_000);
  let dir: string;
  let session: LspSession;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-pull-'));
    fs.writeFileSync(path.join(dir, 'unopened.ts'), UNREGULARIZED_MODEL);
    fs.writeFileSync(path.join(dir, 'clean.ts'), REGULARIZED_MODEL);
    fs.writeFileSync(path.join(dir, 'plain.ts'), 'export const x = 1;\n');
    fs.mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'dep', 'index.ts'), UNREGULARIZED_MODEL);
    session = await LspSession.start({
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
    });
  });

  afterEach(async () => {
    assert.deepEqual(session.protocolErrors, []);
    await session.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers the provider and answers for open documents, without pushing', async () => {
    const provider = session.initializeResult.capabilities.diagnosticProvider as { workspaceDiagnostics?: boolean } | undefined;
    assert.equal(provider?.workspaceDiagnostics, true);
    const uri = pathToFileURL(path.join(dir, 'open.ts')).href;
    await session.open(uri, UNREGULARIZED_MODEL);
    const first = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as Report;
    assert.equal(first.kind, 'full');
    assert.deepEqual(first.items!.map(d => d.code), [DENSE]);
    assert.ok(first.resultId);

    const again = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId })) as Report;
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

    // An incremental edit that regularizes the layer: a new report without the finding.
    await session.change(uri, 2, [
      { range: { start: { line: DENSE_LINE + 1, character: 0 }, end: { line: DENSE_LINE + 1, character: 0 } }, text: DROPOUT_LINE },
    ]);
    const edited = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId })) as Report;
    assert.equal(edited.kind, 'full');
    assert.notEqual(edited.resultId, first.resultId);
    assert.deepEqual(edited.items, []);

    await delay(300);
    assert.deepEqual(session.diagnostics, [], 'a pull client gets no pushed diagnostics');
    const stats = (await session.connection.sendRequest('reglint/stats', {})) as { diagnosticsMode: string };
    assert.equal(stats.diagnosticsMode, 'pull');
  });

  it('reports unopened workspace files, skips node_modules, and answers unchanged by result id', async () => {
    const first = (await session.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceReport;
    const byName = new Map(first.items.map(item => [path.basename(new URL(item.uri).pathname), item]));
    assert.deepEqual([...byName.keys()].sort(), ['clean.ts', 'plain.ts', 'unopened.ts']);
    assert.deepEqual(byName.get('unopened.ts')!.items!.map(d => d.code), [DENSE]);
    assert.equal(byName.get('unopened.ts')!.items![0]!.range.start.line, DENSE_LINE);
    assert.deepEqual(byName.get('clean.ts')!.items, []);

    const previousResultIds = first.items.map(item => ({ uri: item.uri, value: item.resultId }));
    const second = (await session.connection.sendRequest('workspace/diagnostic', { previousResultIds })) as WorkspaceReport;
    assert.deepEqual(second.items.map(item => item.kind), ['unchanged', 'unchanged', 'unchanged']);

    // Fix the file on disk: that one file gets a new full report.
    const file = path.join(dir, 'unopened.ts');
    fs.writeFileSync(file, REGULARIZED_MODEL);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const third = (await session.connection.sendRequest('workspace/diagnostic', { previousResultIds })) as WorkspaceReport;
    const changed = third.items.filter(item => item.kind === 'full');
    assert.equal(changed.length, 1);
    assert.match(changed[0]!.uri, /unopened\.ts$/);
    assert.deepEqual(changed[0]!.items, []);
  });

  it('applies to each unopened file the .reglintrc.json that governs it, from the workspace root down', async () => {
    // Root config: the rule at error level, generated/ excluded; a sub-project turns it off.
    fs.writeFileSync(path.join(dir, '.reglintrc.json'), JSON.stringify({ rules: { [DENSE]: 'error' }, exclude: ['generated/**'] }));
    fs.mkdirSync(path.join(dir, 'generated'));
    fs.writeFileSync(path.join(dir, 'generated', 'model.ts'), UNREGULARIZED_MODEL);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', '.reglintrc.json'), JSON.stringify({ rules: { [DENSE]: 'off' } }));
    fs.writeFileSync(path.join(dir, 'sub', 'model.ts'), UNREGULARIZED_MODEL);
    const report = (await session.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceReport;
    const byPath = new Map(report.items.map(item => [path.relative(dir, new URL(item.uri).pathname), item]));
    const unopened = byPath.get('unopened.ts')!.items as { code?: unknown; severity?: number }[];
    assert.deepEqual(unopened.map(d => [d.code, d.severity]), [[DENSE, 1]], 'error level from the root config');
    assert.deepEqual(byPath.get(path.join('generated', 'model.ts'))?.items ?? [], [], 'excluded by the root config');
    assert.deepEqual(byPath.get(path.join('sub', 'model.ts'))!.items, [], 'turned off by the nearer config');
  });

  it('answers a document request for an unopened file from disk, and for an unknown one with nothing', async () => {
    const onDisk = (await session.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri: pathToFileURL(path.join(dir, 'unopened.ts')).href },
    })) as Report;
    assert.deepEqual(onDisk.items!.map(d => d.code), [DENSE]);
    for (const uri of [pathToFileURL(path.join(dir, 'missing.ts')).href, 'untitled:Untitled-1', 'not a uri']) {
      const report = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as Report;
      assert.deepEqual(report, { kind: 'full', items: [] }, uri);
    }
  });

  it('a push client (no textDocument.diagnostic) gets no diagnosticProvider', async () => {
    const push = await LspSession.start();
    try {
      assert.equal(push.initializeResult.capabilities.diagnosticProvider, undefined);
      const stats = (await push.connection.sendRequest('reglint/stats', {})) as { diagnosticsMode: string };
      assert.equal(stats.diagnosticsMode, 'push');
    } finally {
      await push.dispose();
    }
  });
});
