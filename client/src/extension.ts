// The VS Code side of reglint, kept thin: start the language server (dist/server.js)
// over node IPC and hand it the TypeScript/JavaScript documents. Everything reglint
// knows lives in the server, so other editors get the same behaviour.
import * as path from 'node:path';
import { commands, window, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
const SCHEMES = ['file', 'untitled'];

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('Reglint');
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const documentSelector: DocumentSelector = LANGUAGES.flatMap(language =>
    SCHEMES.map(scheme => ({ language, scheme })),
  );
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
  };

  // The id 'reglint' makes the client read `reglint.trace.server`.
  client = new LanguageClient('reglint', 'Reglint', serverOptions, clientOptions);

  context.subscriptions.push(
    commands.registerCommand('reglint.restartServer', async () => {
      if (!client) return;
      output.appendLine('Restarting the reglint language server…');
      await client.restart();
    }),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
