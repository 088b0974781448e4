// Fault isolation over stdio: requests about documents the server never saw, malformed
// params, garbage notifications and a .reglintrc.json that cannot be read get errors or
// empty results, never a crash; the server keeps serving afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession } from './lspSession';
import { DENSE_LINE, UNREGULARIZED_MODEL } from './modelTexts';

const DENSE = 'dense-unregularized';

async function stillServes(session: LspSession, uri: string): Promise<void> {
  await session.open(uri, UNREGULARIZED_MODEL, 7);
  const published = await session.waitForVersion(uri, 7);
  assert.ok(published.diagnostics.some(d => d.code === DENSE), 'still lints');
  assert.ok(session.isRunning);
}

describe('fault isolation over stdio', function () {
  this.timeout(30_000);
  let session: LspSession;

  beforeEach(async () => {
    session = await LspSession.start();
  });

  afterEach(async () => {
    await session.dispose();
  });

  it('requests for unknown documents get empty results or errors', async () => {
    const unknown = { textDocument: { uri: 'file:///nowhere/never-opened.ts' } };
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const requests: [string, unknown][] = [
      ['textDocument/codeAction', { ...unknown, range, context: { diagnostics: [] } }],
      ['textDocument/documentSymbol', unknown],
      ['textDocument/hover', { ...unknown, position: { line: 3, character: 4 } }],
      ['textDocument/codeLens', unknown],
      ['textDocument/diagnostic', unknown],
    ];
    for (const [method, params] of requests) {
      try {
        const result = await session.connection.sendRequest(method, params);
        const empty = result === null || (Array.isArray(result) && result.length === 0) ||
          (typeof result === 'object' && (result as { items?: unknown[] }).items?.length === 0);
        assert.ok(empty, `${method}: ${JSON.stringify(result)}`);
      } catch (error) {
        assert.equal(typeof (error as { code?: unknown }).code, 'number', `${method} fails with a JSON-RPC error: ${String(error)}`);
      }
    }
    await stillServes(session, 'file:///work/after-unknown.ts');
  });

  it('malformed params and garbage notifications do not stop it', async () => {
    const bad: unknown[] = [null, {}, { textDocument: null }, { textDocument: { uri: 42 } }, [1, 2, 3], 'text'];
    for (const params of bad) {
      for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeConfiguration']) {
        await session.connection.sendNotification(method, params);
      }
      for (const method of ['textDocument/codeAction', 'textDocument/hover', 'textDocument/documentSymbol', 'textDocument/diagnostic', 'workspace/diagnostic', 'reglint/stats']) {
        await session.connection.sendRequest(method, params).catch((error: unknown) => {
          assert.equal(typeof (error as { code?: unknown }).code, 'number', `${method}(${JSON.stringify(params)}): ${String(error)}`);
        });
      }
    }
    // Unknown methods: MethodNotFound, and the server stays up.
    await assert.rejects(session.connection.sendRequest('reglint/noSuchThing', {}), (error: { code?: number }) => error.code === -32601);

    // Edits with ranges far outside the document, or reversed, are clamped like VS Code's.
    const uri = 'file:///work/clamped.ts';
    await session.open(uri, UNREGULARIZED_MODEL, 1);
    await session.waitForVersion(uri, 1);
    await session.change(uri, 2, [{ range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 5 } }, text: '\n// appended\n' }]);
    await session.change(uri, 3, [{ range: { start: { line: 2, character: 50 }, end: { line: 1, character: 0 } }, text: '' }]);
    const published = await session.waitForVersion(uri, 3);
    for (const d of published.diagnostics) assert.ok(d.range.start.line >= 0);
    await stillServes(session, 'file:///work/after-garbage.ts');
  });

  for (const [what, make] of [
    ['is a directory', (file: string) => fs.mkdirSync(file)],
    ['is not JSON', (file: string) => fs.writeFileSync(file, '{"rules": {"dense-unregularized": \u0000')],
    ['has no read permission', (file: string) => { fs.writeFileSync(file, '{}'); fs.chmodSync(file, 0); }],
  ] as const) {
    it(`a .reglintrc.json that ${what} costs nothing but itself; the folder is still linted`, async function () {
      if (what === 'has no read permission' && process.getuid?.() === 0) {
        console.log('      skipped: running as root, which reads a file even without read permission');
        this.skip();
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-badrc-'));
      try {
        make(path.join(dir, '.reglintrc.json'));
        const file = path.join(dir, 'model.ts');
        fs.writeFileSync(file, UNREGULARIZED_MODEL);
        const uri = pathToFileURL(file).href;
        await session.open(uri, UNREGULARIZED_MODEL);
        const published = await session.waitForVersion(uri, 1);
        const dense = published.diagnostics.find(d => d.code === DENSE);
        assert.equal(dense?.range.start.line, DENSE_LINE);
        if (what !== 'is a directory') {
          // Said where the user looks: on the config file itself (or in the log).
          const said = session.logMessages.some(m => m.includes('.reglintrc.json')) ||
            session.diagnostics.some(p => p.uri.endsWith('.reglintrc.json') && p.diagnostics.length > 0);
          assert.ok(said, `the broken config is reported; log: ${JSON.stringify(session.logMessages)}`);
        }
        await stillServes(session, 'file:///work/after-badrc.ts');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
