// Wires the language server together: capabilities, the document store, settings, and
// validation scheduling. Everything that decides something lives in its own module;
// this file only connects events to them.
import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { diagnoseDocument, MAX_DOCUMENT_CHARS } from './diagnoseDocument';
import { DocumentStore } from './documentStore';
import { connectionLogger, describeError } from './logger';
import { SettingsStore } from './settings';
import { AnalysisTimes } from './validationDelay';
import { ValidationScheduler } from './validationScheduler';

export function startServer(connection: Connection): void {
  const logger = connectionLogger(connection);
  const documents = new DocumentStore();
  const settings = new SettingsStore(logger);
  const analysisTimes = new AnalysisTimes();
  /** Documents currently skipped for size, so the log says it once, not per keystroke. */
  const skippedForSize = new Set<string>();
  let clientAcceptsDynamicConfigurationRegistration = false;

  async function validate(uri: string, isCurrent: () => boolean): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const documentSettings = await settings.get(uri);
    // A newer edit or a close may have arrived while the settings were fetched.
    // (The store updates documents in place, so compare versions, not objects.)
    if (!isCurrent() || documents.get(uri)?.version !== version) return;

    const started = performance.now();
    const outcome = diagnoseDocument(document, documentSettings, logger);
    analysisTimes.record(uri, performance.now() - started);
    logSizeSkip(document, outcome.kind === 'skipped-too-large');

    if (!isCurrent() || document.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: outcome.diagnostics });
  }

  function logSizeSkip(document: TextDocument, skipped: boolean): void {
    if (skipped && !skippedForSize.has(document.uri)) {
      skippedForSize.add(document.uri);
      const megabytes = (document.getText().length / (1024 * 1024)).toFixed(1);
      logger.info(`Skipping ${document.uri}: ${megabytes} MB is over the ${MAX_DOCUMENT_CHARS / (1024 * 1024)} MB limit.`);
    } else if (!skipped) {
      skippedForSize.delete(document.uri);
    }
  }

  const scheduler = new ValidationScheduler(validate, (uri, error) =>
    logger.error(`Validation of ${uri} failed:\n${describeError(error)}`),
  );

  function revalidateAll(): void {
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
  }

  connection.onInitialize((params): InitializeResult => {
    const workspace = params.capabilities.workspace;
    clientAcceptsDynamicConfigurationRegistration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    if (workspace?.configuration === true) {
      settings.usePullModel(async uri => {
        const [section] = await connection.workspace.getConfiguration([{ scopeUri: uri, section: 'reglint' }]);
        return section;
      });
    }
    return {
      capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
      serverInfo: { name: 'reglint', version },
    };
  });

  connection.onInitialized(() => {
    // Ask to be told about changes to the `reglint` section (VS Code sends nothing otherwise).
    if (clientAcceptsDynamicConfigurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'reglint' });
    }
    logger.info(`reglint language server ${version} started (node ${process.version}).`);
  });

  connection.onDidChangeConfiguration(params => {
    settings.configurationChanged(params.settings);
    revalidateAll();
  });

  documents.listen(connection, {
    opened: document => scheduler.schedule(document.uri, 0),
    changed: document => {
      const cap = settings.peek(document.uri).debounceMs;
      scheduler.schedule(document.uri, analysisTimes.delayAfterEdit(document.uri, cap));
    },
    closed: uri => {
      scheduler.cancel(uri);
      settings.forget(uri);
      analysisTimes.forget(uri);
      skippedForSize.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  });

  connection.onShutdown(() => scheduler.dispose());

  connection.listen();
}
