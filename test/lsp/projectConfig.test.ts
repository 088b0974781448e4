// .reglintrc.json in the language server, over stdio: the nearest config applies to a
// document, editor settings override it, a change (workspace/didChangeWatchedFiles) is
// re-read, a broken file gets diagnostics on itself while its last good version stays in
// force, and include/exclude silence excluded files.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { LspSession } from './lspSession';
import { UNREGULARIZED_MODEL } from './modelTexts';

const DENSE = 'dense-unregularized';
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

function denseSeverity(params: PublishDiagnosticsParams): number | undefined {
  return params.diagnostics.find((d) => d.code === DENSE)?.severity;
}

describe('.reglintrc.json in the language server', function () {
  this.timeout(30_000);
  let session: LspSession;
  let root: string;
  let configPath: string;
  let configUri: string;

  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'reglint-lsp-config-'));
    configPath = path.join(root, '.reglintrc.json');
    configUri = pathToFileURL(configPath).href;
    session = await LspSession.start();
  });
  afterEach(async () => {
    assert.deepEqual(session.protocolErrors, []);
    await session.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  async function changed(type: number): Promise<void> {
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type }] });
  }

  it('applies the nearest config file, re-reads it on change, and lets editor settings win', async () => {
    writeFileSync(configPath, JSON.stringify({ rules: { [DENSE]: 'error' } }));
    const uri = pathToFileURL(path.join(root, 'src', 'model.ts')).href;
    await session.open(uri, UNREGULARIZED_MODEL);
    assert.equal(denseSeverity(await session.waitForVersion(uri, 1)), 1 /* Error */);

    writeFileSync(configPath, JSON.stringify({ rules: { [DENSE]: 'info' } }));
    let from = session.diagnostics.length;
    await changed(CHANGED);
    assert.equal(denseSeverity(await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 10_000, from)), 3 /* Information */);

    from = session.diagnostics.length;
    await session.changeSettings({ rules: { [DENSE]: 'hint' } });
    assert.equal(denseSeverity(await session.waitForDiagnostics(uri, () => true, 10_000, from)), 4 /* Hint */, 'editor settings override the file');
  });

  it('reports an invalid config on the file itself and keeps the last good config in force', async () => {
    writeFileSync(configPath, JSON.stringify({ rules: { [DENSE]: 'error' } }));
    const uri = pathToFileURL(path.join(root, 'model.ts')).href;
    await session.open(uri, UNREGULARIZED_MODEL);
    assert.equal(denseSeverity(await session.waitForVersion(uri, 1)), 1);

    const broken = '{\n  "rules": {\n    "dense-unregularized": "eror"\n  }\n}\n';
    writeFileSync(configPath, broken);
    let from = session.diagnostics.length;
    await changed(CHANGED);
    const onConfig = await session.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0, 10_000, from);
    const [problem] = onConfig.diagnostics;
    assert.equal(problem!.source, 'reglint');
    assert.equal(problem!.severity, 1);
    assert.match(problem!.message, /"rules\.dense-unregularized": "eror" is not one of off, hint, info, warning, error\. The last valid version of this file stays in force/);
    assert.deepEqual(problem!.range, { start: { line: 2, character: 27 }, end: { line: 2, character: 33 } });
    // The model is re-validated with the last good config: still an error.
    const revalidated = await session.waitForDiagnostics(uri, () => true, 10_000, from);
    assert.equal(denseSeverity(revalidated), 1, 'last good config stays in force');
    assert.ok(session.isRunning);

    writeFileSync(configPath, JSON.stringify({ rules: { [DENSE]: 'warning' } }));
    from = session.diagnostics.length;
    await changed(CHANGED);
    assert.deepEqual((await session.waitForDiagnostics(configUri, () => true, 10_000, from)).diagnostics, [], 'fixed: diagnostics cleared');
    assert.equal(denseSeverity(await session.waitForDiagnostics(uri, () => true, 10_000, from)), 2);
  });

  it('uses the defaults when the first config it sees is broken, and says so', async () => {
    writeFileSync(configPath, '{"rules": [}');
    const uri = pathToFileURL(path.join(root, 'model.ts')).href;
    await session.open(uri, UNREGULARIZED_MODEL);
    assert.equal(denseSeverity(await session.waitForVersion(uri, 1)), 2 /* default: warning */);
    const onConfig = await session.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    assert.match(onConfig.diagnostics[0]!.message, /JSON syntax error.*reglint uses its default settings until this is fixed/);
  });

  it('picks up a created and a deleted config file', async () => {
    const uri = pathToFileURL(path.join(root, 'model.ts')).href;
    await session.open(uri, UNREGULARIZED_MODEL);
    assert.equal(denseSeverity(await session.waitForVersion(uri, 1)), 2);

    writeFileSync(configPath, JSON.stringify({ rules: { [DENSE]: 'off' } }));
    let from = session.diagnostics.length;
    await changed(CREATED);
    assert.equal((await session.waitForDiagnostics(uri, () => true, 10_000, from)).diagnostics.length, 0);

    unlinkSync(configPath);
    from = session.diagnostics.length;
    await changed(DELETED);
    assert.equal(denseSeverity(await session.waitForDiagnostics(uri, () => true, 10_000, from)), 2);
  });

  it('gives no diagnostics for files include/exclude leave out', async () => {
    writeFileSync(configPath, JSON.stringify({ exclude: ['generated/**'] }));
    mkdirSync(path.join(root, 'generated'));
    const excluded = pathToFileURL(path.join(root, 'generated', 'model.ts')).href;
    const included = pathToFileURL(path.join(root, 'model.ts')).href;
    await session.open(excluded, UNREGULARIZED_MODEL);
    await session.open(included, UNREGULARIZED_MODEL);
    assert.equal((await session.waitForVersion(included, 1)).diagnostics.length, 1);
    assert.equal((await session.waitForVersion(excluded, 1)).diagnostics.length, 0);
  });
});
