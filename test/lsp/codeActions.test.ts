// Quick fixes, suppressions and fix-all through the bundled server over stdio: request
// code actions for a published diagnostic, apply the WorkspaceEdit the server returns to
// the text as an editor would, send the change, and check what is published next.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_FIX_SETTINGS } from '../../server/src/fixes';
import { LspSession, REPO_ROOT, type SessionOptions } from './lspSession';
import { REGULARIZED_MODEL, UNREGULARIZED_MODEL } from './modelTexts';

const DENSE = 'dense-unregularized';
const CONV = 'conv-unregularized';
const FIX_ALL_KIND = 'source.fixAll.reglint';
const MNIST = readFileSync(path.join(REPO_ROOT, 'examples', 'mnist-convnet.ts'), 'utf8');

function codes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map(d => String(d.code));
}

/** The edits a WorkspaceEdit makes to `uri`, from `changes` or from versioned `documentChanges`. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string, version?: number): TextEdit[] {
  assert.ok(edit, 'the action carries an edit');
  if (edit.documentChanges) {
    const forUri = edit.documentChanges.filter(change => 'textDocument' in change && change.textDocument.uri === uri);
    assert.equal(forUri.length, 1, 'one versioned change for the document');
    const change = forUri[0] as { textDocument: { version: number | null }; edits: TextEdit[] };
    if (version !== undefined) assert.equal(change.textDocument.version, version, 'versioned with the document version');
    return change.edits;
  }
  assert.ok(edit.changes?.[uri], `changes for ${uri}`);
  return edit.changes[uri]!;
}

function applyEdit(text: string, edit: WorkspaceEdit | undefined, uri: string, version?: number): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 0, text), editsFor(edit, uri, version));
}

describe('code actions over stdio', function () {
  this.timeout(30_000);
  let session: LspSession;

  async function start(options: SessionOptions = {}): Promise<void> {
    session = await LspSession.start(options);
  }

  /** A request that fails with the server's stderr, rather than hanging, if the server is gone. */
  function request<T>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${method}: no answer after ${timeoutMs} ms (server running: ${session.isRunning}); stderr:\n${session.stderr}`)),
        timeoutMs,
      );
      session.connection.sendRequest(method, params).then(
        result => { clearTimeout(timer); resolve(result as T); },
        error => { clearTimeout(timer); reject(error); },
      );
    });
  }

  async function codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const context = only ? { diagnostics, only } : { diagnostics };
    return request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context });
  }

  /** Opens `text`, waits for its diagnostics, returns the first one with `code`. */
  async function openWithFinding(uri: string, text: string, code: string): Promise<Diagnostic> {
    await session.open(uri, text);
    const published = await session.waitForVersion(uri, 1);
    const diagnostic = published.diagnostics.find(d => d.code === code);
    assert.ok(diagnostic, `a ${code} diagnostic in ${JSON.stringify(codes(published))}`);
    return diagnostic;
  }

  afterEach(async () => {
    assert.deepEqual(session.protocolErrors, [], 'nothing but protocol messages on stdout');
    await session.dispose();
  });

  it('advertises quick fixes, fix-all and the fix-all command', async () => {
    await start();
    const { capabilities } = session.initializeResult;
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true });
    assert.ok(capabilities.executeCommandProvider?.commands.includes('reglint.applyFixAll'));
  });

  it('offers the preferred fix first; applying it clears the diagnostic', async () => {
    await start();
    const uri = 'file:///work/quickfix.ts';
    const diagnostic = await openWithFinding(uri, UNREGULARIZED_MODEL, DENSE);

    const actions = await codeActions(uri, [diagnostic], ['quickfix']);
    assert.ok(actions.length >= 4, `fixes and suppressions: ${actions.map(a => a.title).join(' | ')}`);
    const [preferred] = actions;
    assert.equal(preferred!.isPreferred, true);
    assert.equal(actions.filter(a => a.isPreferred).length, 1, 'one preferred fix');
    for (const action of actions) {
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics, [diagnostic]);
    }
    assert.deepEqual(actions.slice(-2).map(a => a.title), [`Disable ${DENSE} for this line`, `Disable ${DENSE} for this file`]);
    assert.ok(!actions.some(a => a.kind === FIX_ALL_KIND), 'only: quickfix leaves out fix-all');

    const fixed = applyEdit(UNREGULARIZED_MODEL, preferred!.edit, uri);
    assert.match(fixed, /tf\.layers\.dropout\(\{rate: 0\.5\}\)/);
    await session.replace(uri, 2, fixed);
    const after = await session.waitForVersion(uri, 2);
    assert.deepEqual(codes(after), [], `fixed: ${JSON.stringify(codes(after))}`);
  });

  it('matches by code and range alone (Neovim 0.7), and ignores diagnostics that are not its own', async () => {
    await start();
    const uri = 'file:///work/neovim.ts';
    const diagnostic = await openWithFinding(uri, UNREGULARIZED_MODEL, DENSE);

    const bare = { range: diagnostic.range, code: diagnostic.code, message: diagnostic.message };
    const actions = await codeActions(uri, [bare], ['quickfix']);
    assert.equal(actions[0]?.isPreferred, true, 'fixes for a diagnostic without source or data');

    assert.deepEqual(await codeActions(uri, [{ ...diagnostic, source: 'ts' }], ['quickfix']), [], 'another tool\'s diagnostic');
    const moved = { ...diagnostic, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } } };
    assert.deepEqual(await codeActions(uri, [moved], ['quickfix']), [], 'no finding at that range');
    assert.deepEqual(await codeActions(uri, [{ ...diagnostic, code: CONV }], ['quickfix']), [], 'no finding with that code');
  });

  it('writes the fix settings the document has', async () => {
    await start({ settings: { fix: { denseDropoutRate: 0.3 } } });
    const uri = 'file:///work/settings.ts';
    const diagnostic = await openWithFinding(uri, UNREGULARIZED_MODEL, DENSE);
    const [preferred] = await codeActions(uri, [diagnostic], ['quickfix']);
    assert.match(applyEdit(UNREGULARIZED_MODEL, preferred!.edit, uri), /tf\.layers\.dropout\(\{rate: 0\.3\}\)/);
  });

  for (const scope of ['line', 'file'] as const) {
    it(`"Disable … for this ${scope}" makes the finding disappear`, async () => {
      await start();
      const uri = `file:///work/suppress-${scope}.ts`;
      const diagnostic = await openWithFinding(uri, UNREGULARIZED_MODEL, DENSE);
      const actions = await codeActions(uri, [diagnostic]);
      const suppression = actions.find(a => a.title === `Disable ${DENSE} for this ${scope}`);
      assert.ok(suppression, actions.map(a => a.title).join(' | '));
      assert.notEqual(suppression.isPreferred, true, 'a suppression is never preferred');

      const suppressed = applyEdit(UNREGULARIZED_MODEL, suppression.edit, uri);
      assert.match(suppressed, scope === 'line' ? /\/\/ reglint-disable-next-line dense-unregularized\n/ : /^\/\* reglint-disable dense-unregularized \*\//);
      await session.replace(uri, 2, suppressed);
      const after = await session.waitForVersion(uri, 2);
      assert.deepEqual(codes(after), [], 'suppressed, and the directive is used');
    });
  }

  it('removes a directive that suppresses nothing', async () => {
    await start();
    const uri = 'file:///work/unused-directive.ts';
    const text = `// reglint-disable-next-line conv-unregularized\n${REGULARIZED_MODEL}`;
    const diagnostic = await openWithFinding(uri, text, 'unused-disable-directive');
    const actions = await codeActions(uri, [diagnostic], ['quickfix']);
    assert.equal(actions.length, 1, actions.map(a => a.title).join(' | '));
    assert.equal(actions[0]!.isPreferred, true);
    await session.replace(uri, 2, applyEdit(text, actions[0]!.edit, uri));
    assert.deepEqual(codes(await session.waitForVersion(uri, 2)), []);
  });

  it('source.fixAll.reglint fixes every fixable finding in one versioned edit', async () => {
    await start({ capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
    const uri = 'file:///work/mnist-convnet.ts';
    await session.open(uri, MNIST, 7);
    const before = await session.waitForVersion(uri, 7);
    assert.ok(codes(before).filter(c => c === CONV).length >= 3, JSON.stringify(codes(before)));

    const actions = await codeActions(uri, [], ['source.fixAll']);
    assert.equal(actions.length, 1, JSON.stringify(actions.map(a => a.title)));
    const [fixAll] = actions;
    assert.equal(fixAll!.kind, FIX_ALL_KIND);
    assert.equal(fixAll!.isPreferred, undefined);
    const fixed = applyEdit(MNIST, fixAll!.edit, uri, 7);

    await session.replace(uri, 8, fixed);
    const after = await session.waitForVersion(uri, 8);
    assert.deepEqual(codes(after), [], `all fixed: ${JSON.stringify(codes(after))}`);
    assert.deepEqual(await codeActions(uri, [], ['source.fixAll']), [], 'nothing left to fix');
  });

  it('lists fix-all with quick fixes and resolves its edit lazily when the client can', async () => {
    await start({ capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } } });
    const uri = 'file:///work/lazy.ts';
    const diagnostic = await openWithFinding(uri, MNIST, CONV);
    const actions = await codeActions(uri, [diagnostic]);
    const listed = actions.find(a => a.kind === FIX_ALL_KIND);
    assert.ok(listed, actions.map(a => a.title).join(' | '));
    assert.equal(listed.edit, undefined, 'edit left for resolve');

    const resolved = await request<CodeAction>('codeAction/resolve', listed);
    const fixed = applyEdit(MNIST, resolved.edit, uri);
    await session.replace(uri, 2, fixed);
    assert.deepEqual(codes(await session.waitForVersion(uri, 2)), []);

    // Resolving the old action against the edited document gives no edit.
    const stale = await request<CodeAction>('codeAction/resolve', listed);
    assert.equal(stale.edit, undefined);
  });

  it('reglint.applyFixAll sends the fix-all edit with workspace/applyEdit', async () => {
    await start({ capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } } } });
    const applied: WorkspaceEdit[] = [];
    session.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      applied.push(params.edit);
      return { applied: true };
    });
    const uri = 'file:///work/command.ts';
    await session.open(uri, MNIST, 3);
    await session.waitForVersion(uri, 3);

    const stale = await request('workspace/executeCommand', { command: 'reglint.applyFixAll', arguments: [{ uri, version: 2 }] });
    assert.deepEqual(stale, { applied: false, fixes: 0 }, 'a stale version applies nothing');
    assert.equal(applied.length, 0);

    const result = await request<{ applied: boolean; fixes: number }>('workspace/executeCommand', {
      command: 'reglint.applyFixAll',
      arguments: [{ uri, version: 3 }],
    });
    assert.equal(result.applied, true);
    assert.ok(result.fixes >= 4, `fixes: ${result.fixes}`);
    assert.equal(applied.length, 1);
    await session.replace(uri, 4, applyEdit(MNIST, applied[0], uri, 3));
    assert.deepEqual(codes(await session.waitForVersion(uri, 4)), []);
  });
});

describe('package.json contributes the fix settings and command', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const properties: Record<string, { default?: unknown; enum?: unknown[] }> = manifest.contributes.configuration.properties;

  it('offers reglint.fix.* with the fixes\' defaults', () => {
    for (const [key, value] of Object.entries(DEFAULT_FIX_SETTINGS)) {
      assert.equal(properties[`reglint.fix.${key}`]?.default, value, key);
    }
    assert.deepEqual(properties['reglint.fix.convRemedy']?.enum, ['batchNormalization', 'l2']);
  });

  it('declares "Reglint: Fix all in file"', () => {
    const commands = manifest.contributes.commands as { command: string; title: string; category: string }[];
    const fixAll = commands.find(c => c.command === 'reglint.fixAll');
    assert.equal(`${fixAll?.category}: ${fixAll?.title}`, 'Reglint: Fix all in file');
  });
});
