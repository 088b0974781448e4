// Wires the language server together: capabilities, the document store, settings, and
// validation scheduling. Everything that decides something lives in its own module;
// this file only connects events to them.
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { CodeActionProvider } from './codeActions';
import { CrossFileModules } from './crossFileModules';
import { ServerCommands } from './commands';
import { diagnoseDocument, fileNameOf, MAX_DOCUMENT_CHARS } from './diagnoseDocument';
import { DocumentAnalyses } from './documentAnalyses';
import { DocumentStore } from './documentStore';
import { GraphCache } from './graphCache';
import { connectionLogger, describeError } from './logger';
import { MODEL_FEATURE_CAPABILITIES, registerModelFeatures } from './modelFeatures';
import { filePathOf } from './fileUri';
import { CONFIG_WATCH_GLOB, ProjectConfigs } from './projectConfig';
import { SanityTrainService } from './sanityTrain';
import { TrainingDataService } from './trainingData';
import { PullDiagnostics } from './pullDiagnostics';
import { SettingsStore, type ReglintSettings } from './settings';
import { RuleDocLinks } from './ruleDocLinks';
import { registerStatsRequest } from './statsRequest';
import { AnalysisTimes } from './validationDelay';
import { ValidationScheduler } from './validationScheduler';

/** Source files whose changes on disk reach the analysis of documents that import them. */
const SOURCE_WATCH_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,json}';

export function startServer(connection: Connection): void {
  const logger = connectionLogger(connection);
  const documents = new DocumentStore();
  const settings = new SettingsStore(logger);
  /** .reglintrc.json files: defaults < .reglintrc.json < editor settings (./projectConfig.ts). */
  const projectConfigs = new ProjectConfigs(connection, logger);
  let clientWatchesFilesDynamically = false;
  const analysisTimes = new AnalysisTimes();
  /** Syntax trees kept per document and reparsed incrementally (./documentAnalyses.ts). */
  const analyses = new DocumentAnalyses();
  /**
   * Clients that declare `textDocument.diagnostic` (VS Code) pull diagnostics, for open
   * documents and the whole workspace (./pullDiagnostics.ts); others get them pushed.
   */
  let pullMode = false;
  let workspaceFolders: string[] = [];
  let clientRefreshesDiagnostics = false;
  /** Documents currently skipped for size, so the log says it once, not per keystroke. */
  const skippedForSize = new Set<string>();
  let clientAcceptsDynamicConfigurationRegistration = false;
  let clientAnswersConfiguration = false;
  /** Links to rule pages: the docs base URL, or the client's own copy (./ruleDocLinks.ts). */
  let docLinks = RuleDocLinks.standard;
  /** Each open document's ModelGraph, for the outline, hover and sanity-train (./graphCache.ts). */
  const graphs = new GraphCache((document, fileName) => analyses.graphFor(document, fileName));
  /** The workspace's own modules that open documents import, cached until they change (./crossFileModules.ts). */
  const crossFile = new CrossFileModules({
    workspaceFolders: () => workspaceFolders,
    openText: filePath => documents.all().find(d => filePathOf(d.uri) === filePath)?.getText(),
  });

  /** A document's settings, .reglintrc.json applied. */
  async function settingsFor(uri: string): Promise<ReglintSettings> {
    return projectConfigs.apply(uri, await settings.get(uri));
  }
  // Server commands (workspace/executeCommand) register here; one dispatcher for all.
  const commands = new ServerCommands(logger);
  // Quick fixes, suppressions, source.fixAll.reglint and reglint.applyFixAll (./codeActions.ts).
  const codeActions = new CodeActionProvider({
    connection,
    documents,
    commands,
    logger,
    optionsFor: async uri => {
      const documentSettings = await settingsFor(uri);
      const lintOptions = { rules: documentSettings.rules, crossFile: crossFile.forDepth(documentSettings.crossFileDepth) };
      return { enabled: documentSettings.enable, lintOptions, fixSettings: documentSettings.fix };
    },
    // Called only once requests flow, after sanityTrain below exists.
    measuredRemedies: (uri, text, graph, layer) => sanityTrain.measuredRemedies(uri, text, graph, layer),
  });

  async function validate(uri: string, isCurrent: () => boolean): Promise<void> {
    if (pullMode) return refreshPulled(uri);
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const documentSettings = await settingsFor(uri);
    // A newer edit or a close may have arrived while the settings were fetched.
    // (The store updates documents in place, so compare versions, not objects.)
    if (!isCurrent() || documents.get(uri)?.version !== version) return;

    const outcome = diagnoseOpenDocument(document, documentSettings);
    logSizeSkip(document, outcome.skippedTooLarge);

    if (!isCurrent() || document.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: outcome.diagnostics });
  }

  /**
   * An open document's diagnostics, pushed or pulled: the lint findings (analysed
   * incrementally, timed for the debounce) and the sanity-train results (./sanityTrain.ts),
   * published together so a re-lint keeps them.
   */
  function diagnoseOpenDocument(document: TextDocument, documentSettings: ReglintSettings): { skippedTooLarge: boolean; diagnostics: Diagnostic[] } {
    const started = performance.now();
    const modules = crossFile.forDepth(documentSettings.crossFileDepth);
    const outcome = diagnoseDocument(document, documentSettings, logger, analyses.linterFor(document), docLinks, modules);
    analysisTimes.record(document.uri, performance.now() - started);
    crossFile.analysed(document.uri, analyses.graphFor(document, fileNameOf(document))?.dependencies);
    const trained = sanityTrain.diagnosticsFor(document);
    return {
      skippedTooLarge: outcome.kind === 'skipped-too-large',
      diagnostics: trained.length ? [...outcome.diagnostics, ...trained] : outcome.diagnostics,
    };
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
  // Which data a model trains on: the "Data:" CodeLens, the picker's requests, the choices (./trainingData.ts).
  const trainingData = new TrainingDataService({
    connection, documents, commands, logger, graphs,
    workspaceFolders: () => workspaceFolders,
    pullsConfiguration: () => clientAnswersConfiguration,
    configFor: uri => projectConfigs.forDocument(uri),
    configWritten: filePath => {
      if (projectConfigs.filesChanged([{ uri: pathToFileURL(filePath).href, type: FileChangeType.Changed }])) revalidateAll();
    },
  });
  // Sanity-train: reglint/sanityTrain request, command, CodeLens, results as diagnostics.
  const sanityTrain = new SanityTrainService({
    connection, documents, commands, logger, graphs, trainingData,
    pullsConfiguration: () => clientAnswersConfiguration,
    configFor: uri => projectConfigs.forDocument(uri),
    republish: uri => validate(uri, () => true),
  });

  const pull = new PullDiagnostics({
    connection, documents, analysisTimes, logger, settingsFor,
    editorSettingsFor: uri => settings.get(uri),
    applyProjectConfig: (uri, editorSettings) => projectConfigs.apply(uri, editorSettings),
    diagnose: (document, documentSettings) => diagnoseOpenDocument(document, documentSettings).diagnostics,
    workspaceFolders: () => workspaceFolders,
    docLinks: () => docLinks,
  });

  /** Pull mode: what `validate` would push becomes a refresh request; the client asks again. */
  function refreshPulled(uri?: string): void {
    if (uri) pull.forget(uri);
    else pull.invalidateAll();
    if (clientRefreshesDiagnostics) void connection.languages.diagnostics.refresh();
  }

  /** Analyses these open documents again (their imports changed). */
  function revalidate(uris: Iterable<string>): void {
    for (const uri of uris) {
      if (!documents.get(uri)) continue;
      if (pullMode) refreshPulled(uri);
      else scheduler.schedule(uri, 0);
    }
  }

  function revalidateAll(): void {
    if (pullMode) return refreshPulled();
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
  }

  connection.onInitialize((params): InitializeResult => {
    const workspace = params.capabilities.workspace;
    pullMode = params.capabilities.textDocument?.diagnostic !== undefined;
    clientRefreshesDiagnostics = workspace?.diagnostics?.refreshSupport === true;
    workspaceFolders = (params.workspaceFolders ?? []).map(folder => folder.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    clientAcceptsDynamicConfigurationRegistration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    clientWatchesFilesDynamically = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    clientAnswersConfiguration = workspace?.configuration === true;
    docLinks = RuleDocLinks.fromInitializationOptions(params.initializationOptions);
    if (clientAnswersConfiguration) {
      settings.usePullModel(async uri => {
        const [section] = await connection.workspace.getConfiguration([{ scopeUri: uri, section: 'reglint' }]);
        return section;
      });
    }
    trainingData.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(pullMode ? { diagnosticProvider: { identifier: 'reglint', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        ...codeActions.initialize(params.capabilities),
        ...MODEL_FEATURE_CAPABILITIES,
        ...sanityTrain.initialize(params),
        executeCommandProvider: { commands: commands.ids() },
      },
      serverInfo: { name: 'reglint', version },
    };
  });

  connection.onInitialized(() => {
    // Ask to be told about changes to the `reglint` section (VS Code sends nothing otherwise).
    if (clientAcceptsDynamicConfigurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'reglint' });
    }
    if (clientWatchesFilesDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: CONFIG_WATCH_GLOB }, { globPattern: SOURCE_WATCH_GLOB }],
      });
    }
    logger.info(`reglint language server ${version} started (node ${process.version}).`);
  });

  connection.onDidChangeConfiguration(params => {
    settings.configurationChanged(params.settings);
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(params => {
    // A module an open document imports changed on disk (cross-file analysis).
    const dependents = new Set<string>();
    for (const change of params.changes) {
      for (const uri of crossFile.changed(change.uri, change.type === FileChangeType.Changed)) dependents.add(uri);
      // A created or deleted file can change how any import resolves.
      if (change.type !== FileChangeType.Changed && crossFile.followsImports()) documents.all().forEach(d => dependents.add(d.uri));
    }
    if (projectConfigs.filesChanged(params.changes)) {
      revalidateAll();
      trainingData.refreshLenses(); // "Data: …" may come from the changed train.data
      return;
    }
    revalidate(dependents);
  });

  // Outline (document symbols) and hover over the ModelGraph (./modelFeatures.ts).
  registerModelFeatures(connection, {
    document: uri => documents.get(uri),
    enabled: async uri => (await settingsFor(uri)).enable,
    logger,
    graphs,
    docLinks: () => docLinks,
  });

  documents.listen(connection, {
    opened: document => {
      analyses.opened(document.uri);
      pull.forget(document.uri);
      if (!pullMode) scheduler.schedule(document.uri, 0);
    },
    changed: (document, edits) => {
      analyses.edited(document.uri, edits);
      // Open documents that import this one are analysed again with its new text.
      const dependents = crossFile.changed(document.uri);
      if (dependents.length) revalidate(dependents);
      if (pullMode) return; // the client asks (textDocument/diagnostic) after each change
      const cap = settings.peek(document.uri).debounceMs;
      scheduler.schedule(document.uri, analysisTimes.delayAfterEdit(document.uri, cap));
    },
    closed: uri => {
      scheduler.cancel(uri);
      analyses.forget(uri);
      pull.forget(uri);
      settings.forget(uri);
      analysisTimes.forget(uri);
      skippedForSize.delete(uri);
      graphs.forget(uri);
      sanityTrain.forget(uri);
      crossFile.forget(uri);
      revalidate(crossFile.changed(uri)); // the disk's text applies again to its importers
      if (!pullMode) void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  });

  pull.register();
  registerStatsRequest(connection, {
    openDocuments: () => documents.all().length,
    incrementalDocuments: () => analyses.size,
    analyses: () => analyses.stats(),
    diagnosticsMode: () => (pullMode ? 'pull' : 'push'),
  });

  codeActions.listen();
  sanityTrain.listen();
  trainingData.listen();
  commands.listen(connection);

  connection.onShutdown(() => {
    scheduler.dispose();
    sanityTrain.dispose();
  });

  connection.listen();
}
