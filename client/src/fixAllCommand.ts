// "Reglint: Fix all in file" (`reglint.fixAll`): asks the server to apply every finding's
// preferred fix to the active document. The server computes the edit and sends it back
// with workspace/applyEdit, versioned, so an edit for text that has changed is refused.
import { commands, window, type Disposable } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

/** The server-side command (server/src/lsp/codeActions.ts APPLY_FIX_ALL_COMMAND). */
const APPLY_FIX_ALL_COMMAND = 'reglint.applyFixAll';

export function registerFixAllCommand(getClient: () => LanguageClient | undefined, languages: readonly string[]): Disposable {
  return commands.registerCommand('reglint.fixAll', async () => {
    const client = getClient();
    const document = window.activeTextEditor?.document;
    if (!client || !document) return;
    if (!languages.includes(document.languageId)) {
      void window.showInformationMessage('Reglint: fix all works on TypeScript and JavaScript files.');
      return;
    }
    try {
      const result = (await client.sendRequest(ExecuteCommandRequest.type, {
        command: APPLY_FIX_ALL_COMMAND,
        arguments: [{ uri: client.code2ProtocolConverter.asUri(document.uri), version: document.version }],
      })) as { applied?: boolean; fixes?: number } | null;
      const fixes = result?.applied ? (result.fixes ?? 0) : 0;
      window.setStatusBarMessage(fixes > 0 ? `Reglint: applied ${fixes} fix${fixes === 1 ? '' : 'es'}` : 'Reglint: nothing to fix', 3000);
    } catch (error) {
      void window.showErrorMessage(`Reglint: fix all failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
