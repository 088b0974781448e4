// Opens reglint's documentation pages from the copy shipped in the extension, as a markdown
// preview beside the code: from a diagnostic's code link (a `<uriScheme>://<extension id>/doc/
// <page>` URI, which VS Code hands to this extension's URI handler) and from the hover's link
// and the command palette (the `reglint.openDoc` command). The server writes those links when
// told in initializationOptions.bundledDocs (server/src/lsp/ruleDocLinks.ts).
import { commands, env, Uri, window, workspace, type Disposable, type ExtensionContext } from 'vscode';

export const OPEN_DOC_COMMAND = 'reglint.openDoc';
const DOC_PATH = '/doc/';
const RULES_DIR = 'server/src/rules';

/** What the server needs to link to this extension's copy of the pages. */
export function bundledDocs(context: ExtensionContext): { uri: string; command: string } {
  return { uri: `${env.uriScheme}://${context.extension.id}${DOC_PATH.slice(0, -1)}`, command: OPEN_DOC_COMMAND };
}

export function registerRuleDocs(context: ExtensionContext): Disposable[] {
  return [
    commands.registerCommand(OPEN_DOC_COMMAND, (page?: unknown) => (page === undefined ? pickRuleDoc(context) : openShippedDoc(context, page))),
    window.registerUriHandler({
      handleUri: uri => {
        if (uri.path.startsWith(DOC_PATH)) void openShippedDoc(context, uri.path.slice(DOC_PATH.length));
      },
    }),
  ];
}

/**
 * Only markdown pages inside the extension: a link (from anywhere: any web page can link a
 * `vscode://` URI) cannot make it open anything else.
 */
export async function openShippedDoc(context: ExtensionContext, page: unknown): Promise<boolean> {
  if (typeof page !== 'string' || !/^[\w.-]+(\/[\w.-]+)*\.md$/.test(page) || page.split('/').includes('..')) {
    void window.showErrorMessage(`Reglint: ${JSON.stringify(page)} is not a documentation page.`);
    return false;
  }
  const file = Uri.joinPath(context.extensionUri, ...page.split('/'));
  try {
    await workspace.fs.stat(file);
  } catch {
    void window.showErrorMessage(`Reglint: this extension has no documentation page ${page}.`);
    return false;
  }
  try {
    await commands.executeCommand('markdown.showPreviewToSide', file);
  } catch {
    // The built-in Markdown extension is disabled: the page as text is still the page.
    await window.showTextDocument(file, { preview: true });
  }
  return true;
}

/** Reglint: Open Rule Documentation, from the command palette: the shipped rule pages to pick from. */
async function pickRuleDoc(context: ExtensionContext): Promise<void> {
  const entries = await workspace.fs.readDirectory(Uri.joinPath(context.extensionUri, ...RULES_DIR.split('/')));
  const ids = entries.map(([name]) => name).sort();
  const picked = await window.showQuickPick(ids, { placeHolder: 'Rule documentation to open' });
  if (picked) await openShippedDoc(context, `${RULES_DIR}/${picked}/README.md`);
}
