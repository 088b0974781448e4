// A diagnostic's rule link, clicked in a real VS Code: it names this extension's own copy of
// the rule page (`<uriScheme>://reglint.reglint/doc/<page>`), and opening it as the hover and
// the Problems panel do (the opener service) shows that shipped page as a markdown preview. The hover's command link and the palette command open the same way.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, openFixture, revertAndCloseAll, waitFor, waitForCount } from './helpers';

const DENSE_PAGE = 'server/src/rules/dense-unregularized/README.md';

function previewTabs(page: string): vscode.Tab[] {
  const name = page.split('/').pop()!;
  return vscode.window.tabGroups.all
    .flatMap(group => group.tabs)
    .filter(tab => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes(name));
}

describe('rule documentation links', () => {
  let extension: vscode.Extension<unknown>;
  before(async () => {
    extension = await activateExtension();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(revertAndCloseAll);

  it("a diagnostic links to the extension's own copy of the rule page, which opens as a preview", async () => {
    const editor = await openFixture('dense-model.ts');
    const [diagnostic] = await waitForCount(editor.document.uri, 'dense-unregularized', 2);
    const code = diagnostic!.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.scheme, vscode.env.uriScheme);
    assert.equal(code.target.authority, EXTENSION_ID);
    assert.equal(code.target.path, `/doc/${DENSE_PAGE}`);
    const shipped = vscode.Uri.joinPath(extension.extensionUri, ...DENSE_PAGE.split('/'));
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(shipped)), /^# dense-unregularized\n/);

    assert.equal(previewTabs(DENSE_PAGE).length, 0);
    // vscode.open hands the URI to the opener service, as a click on the link does
    // (env.openExternal would send it to the browser instead).
    await vscode.commands.executeCommand('vscode.open', code.target);
    await waitFor('a markdown preview of the rule page', () => previewTabs(DENSE_PAGE).length === 1);
  });

  it('the hover links the page through reglint.openDoc, the one command its markdown trusts', async () => {
    const editor = await openFixture('dense-model.ts');
    const [diagnostic] = await waitForCount(editor.document.uri, 'dense-unregularized', 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, diagnostic!.range.start);
    const markdown = hovers.flatMap(hover => hover.contents).find(
      (content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString && content.value.includes('[dense-unregularized]'),
    );
    assert.ok(markdown, `no reglint hover: ${JSON.stringify(hovers.flatMap(hover => hover.contents))}`);
    const link = /\[dense-unregularized\]\(([^)]*)\)/.exec(markdown.value)![1]!;
    assert.equal(link, `command:reglint.openDoc?${encodeURIComponent(JSON.stringify([DENSE_PAGE]))}`);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['reglint.openDoc'] });
  });

  it('reglint.openDoc (the hover link, the palette command) opens a shipped page, and nothing outside the extension', async () => {
    await vscode.commands.executeCommand('reglint.openDoc', 'docs/disable-directives.md');
    await waitFor('a preview of docs/disable-directives.md', () => previewTabs('docs/disable-directives.md').length === 1);
    for (const page of ['../package.json', '/etc/passwd.md', 'dist/server.js']) {
      await vscode.commands.executeCommand('reglint.openDoc', page);
    }
    const opened = vscode.window.tabGroups.all.flatMap(group => group.tabs).map(tab => tab.label);
    assert.equal(opened.length, 1, `opened: ${opened.join(', ')}`);
  });
});
