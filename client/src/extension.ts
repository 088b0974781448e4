// The VS Code side of reglint, kept thin: start the language server (dist/server.js)
// over node IPC and hand it the TypeScript/JavaScript documents. Everything reglint
// knows lives in the server, so other editors get the same behaviour.
import { appendFileSync } from 'node:fs';
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CHOOSE_TRAINING_DATA_COMMAND, keptTrainingDataChoices, registerChooseTrainingData } from './chooseTrainingData';
import { explicitSettingsMiddleware } from './explicitSettings';
import { LearningCurvesView } from './learningCurves';
import { CLIENT_COMMANDS, registerSanityTrain } from './sanityTrain';
import { registerFixAllCommand } from './fixAllCommand';
import { CrashRestartHandler, LeveledOutputChannel, parseLogLevel } from './serverHealth';
import { bundledDocs, OPEN_DOC_COMMAND, registerRuleDocs } from './ruleDocs';
import { ReglintStatusBar, SHOW_OUTPUT_COMMAND } from './statusBar';

// html: the inline <script> blocks of a page (the server lints only those, at their place in the page).
const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'html'];
const SCHEMES = ['file', 'untitled'];

let client: LanguageClient | undefined;

/** What the extension exports (for tests): how long activation took until the client was ready. */
export interface ReglintExtensionApi {
  activationMs: number;
}

export async function activate(context: ExtensionContext): Promise<ReglintExtensionApi> {
  const activationStarted = performance.now();
  const output = window.createOutputChannel('Reglint');
  context.subscriptions.push(output);
  // Status bar, log level and crash restarts: ./statusBar.ts, ./serverHealth.ts.
  const logLevel = () => parseLogLevel(workspace.getConfiguration('reglint').get('logLevel'));
  const leveledOutput = new LeveledOutputChannel(output, logLevel());
  const statusBar = new ReglintStatusBar(LANGUAGES);
  const crashHandler = new CrashRestartHandler(output, () => statusBar.setState('stopped'));
  context.subscriptions.push(
    statusBar,
    commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
    workspace.onDidChangeConfiguration(event => {
      if (event.affectsConfiguration('reglint.logLevel')) leveledOutput.level = logLevel();
    }),
  );

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
    outputChannel: leveledOutput,
    traceOutputChannel: output,
    errorHandler: crashHandler,
    // rules/fix: only what the user set, so .reglintrc.json is not overridden by defaults.
    middleware: { workspace: { configuration: explicitSettingsMiddleware } },
    // Commands the extension implements itself (./sanityTrain.ts, ./chooseTrainingData.ts):
    // the server then leaves them out of executeCommandProvider, whose ids the client would
    // register a second time. Workspace Trust and the training data chosen in this workspace
    // are read at each (re)start. Rule links lead to the pages shipped in the extension
    // (./ruleDocs.ts).
    initializationOptions: () => ({
      clientCommands: [...CLIENT_COMMANDS, CHOOSE_TRAINING_DATA_COMMAND],
      workspaceTrusted: workspace.isTrusted,
      trainingDataChoices: keptTrainingDataChoices(context),
      bundledDocs: bundledDocs(context),
    }),
    // The hover's rule link runs this one command.
    markdown: { isTrusted: { enabledCommands: [OPEN_DOC_COMMAND] } },
  };

  // The id 'reglint' makes the client read `reglint.trace.server`.
  client = new LanguageClient('reglint', 'Reglint', serverOptions, clientOptions);
  statusBar.track(client);

  context.subscriptions.push(
    commands.registerCommand('reglint.restartServer', async () => {
      if (!client) return;
      output.appendLine('Restarting the reglint language server…');
      crashHandler.reset();
      await client.restart();
    }),
    registerFixAllCommand(() => client, LANGUAGES),
    ...registerRuleDocs(context),
    // Reglint: Sanity-train model, progress, the Reglint Training log, learning curves.
    ...registerSanityTrain(context, () => client, new LearningCurvesView()),
    // Reglint: Choose training data…, and the "Data:" CodeLens.
    ...registerChooseTrainingData(context, () => client),
  );

  await client.start();
  const activationMs = performance.now() - activationStarted;
  output.appendLine(`[reglint] activated in ${activationMs.toFixed(0)} ms (from activate() to the language client ready)`);
  // For BENCHMARKS.md: the activation time measured in a real editor (code-server).
  const activationLog = process.env.REGLINT_ACTIVATION_LOG;
  if (activationLog) appendFileSync(activationLog, `${JSON.stringify({ activationMs, at: new Date().toISOString() })}\n`);
  return { activationMs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
