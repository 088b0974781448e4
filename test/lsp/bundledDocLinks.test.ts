// A client that ships the rule pages itself (the VS Code extension sends
// `initializationOptions.bundledDocs`) gets links to its own copy, in every diagnostic
// path (pushed, pulled for open documents, pulled for unopened workspace files) and in the
// hover; other clients keep the docs base URL (test/lsp/diagnostics.test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver';
import { LspSession } from './lspSession';
import { DENSE_LINE, UNREGULARIZED_MODEL } from './modelTexts';

const BUNDLED_DOCS = { uri: 'vscode://reglint.reglint/doc', command: 'reglint.openDoc' };
const DENSE_PAGE = 'server/src/rules/dense-unregularized/README.md';
const DENSE_HREF = `${BUNDLED_DOCS.uri}/${DENSE_PAGE}`;

describe('links to the client\'s bundled rule pages', function () {
  this.timeout(30_000);
  let dir: string;
  const sessions: LspSession[] = [];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-doclinks-'));
    fs.writeFileSync(path.join(dir, 'unopened.ts'), UNREGULARIZED_MODEL);
  });

  after(async () => {
    for (const session of sessions) {
      assert.deepEqual(session.protocolErrors, []);
      await session.dispose();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pushed diagnostics and the hover', async () => {
    const session = await LspSession.start({ initializationOptions: { bundledDocs: BUNDLED_DOCS } });
    sessions.push(session);
    const uri = 'file:///work/pushed.ts';
    await session.open(uri, UNREGULARIZED_MODEL);
    const [dense] = (await session.waitForVersion(uri, 1)).diagnostics.filter(d => d.code === 'dense-unregularized');
    assert.equal(dense?.codeDescription?.href, DENSE_HREF);

    const line = UNREGULARIZED_MODEL.split('\n')[DENSE_LINE]!;
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri }, position: { line: DENSE_LINE, character: line.indexOf('dense') + 1 },
    })) as Hover;
    const markdown = (hover.contents as MarkupContent).value;
    const link = /\[dense-unregularized\]\(([^)]*)\)/.exec(markdown)?.[1];
    assert.equal(link, `command:${BUNDLED_DOCS.command}?${encodeURIComponent(JSON.stringify([DENSE_PAGE]))}`, markdown);
  });

  it('pulled diagnostics, for open documents and unopened workspace files', async () => {
    const session = await LspSession.start({
      initializationOptions: { bundledDocs: BUNDLED_DOCS },
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
    });
    sessions.push(session);
    const uri = pathToFileURL(path.join(dir, 'open.ts')).href;
    await session.open(uri, UNREGULARIZED_MODEL);
    const open = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    assert.deepEqual(open.items.map(d => d.codeDescription?.href), [DENSE_HREF]);

    const workspace = (await session.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] };
    const unopened = workspace.items.find(item => item.uri.endsWith('/unopened.ts'));
    assert.deepEqual(unopened?.items.map(d => d.codeDescription?.href), [DENSE_HREF]);
  });
});
