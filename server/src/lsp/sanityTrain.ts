// Sanity-train in the editor: the `reglint/sanityTrain` request (and, for editors that do
// not implement the command themselves, `workspace/executeCommand` `reglint.sanityTrain`),
// a "Sanity-train" CodeLens above each model, work-done progress per epoch, cancellation,
// and the results as diagnostics on the model's definition, merged into the document's
// lint diagnostics by server.ts (`diagnosticsFor`) so a re-lint never wipes them.
//
// Training runs in worker threads (training/runner.ts); this thread only builds the spec
// (a few ms) and relays messages, so the server keeps answering while a model trains.
//
// Trust: the model is rebuilt from the graph's literal configs (never runs workspace code)
// unless the request says `trusted: true` (VS Code's Workspace Trust, sent by the client):
// only then may the trainer run the file's own builder code.
import {
  CancellationToken,
  ErrorCodes,
  ResponseError,
  WorkDoneProgress,
  type CodeLens,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type ProgressToken,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { usesTfjs, type ModelGraph, type ModelNode } from '../analysis/modelGraph';
import type { ReglintConfig } from '../config/reglintrc';
import { assumedByExpression, parseValue, type UserValues } from '../training/assumptions';
import { specFromGraph, type SpecResult } from '../training/modelSpec';
import { runSanityTrain, type TrainProgress, type TrainReport, type TrainRequest } from '../training/runner';
import { fileNameOf, MAX_DOCUMENT_CHARS } from './diagnoseDocument';
import type { DocumentStore } from './documentStore';
import { filePathOf } from './fileUri';
import type { GraphCache } from './graphCache';
import { describeError, type Logger } from './logger';
import type { MeasuredRemedy } from '../fixes/measuredFixes';
import {
  currentDiagnostics,
  definitionRange,
  findModel,
  modelFingerprint,
  occurrenceOf,
  storeResult,
  summaryMessage,
  type StoredResult,
} from './sanityTrainDiagnostics';
import { fetchTrainSettings, whatIfFromFix, type TrainSettings } from './sanityTrainSettings';
import type { TrainingDataService } from './trainingData';
import { dataFileOf } from './trainingDataChoices';
import type { ServerCommands } from './commands';

export const SANITY_TRAIN_COMMAND = 'reglint.sanityTrain';
export const SANITY_TRAIN_REQUEST = 'reglint/sanityTrain';
export const SHOW_CURVES_COMMAND = 'reglint.showLearningCurves';

export interface SanityTrainParams {
  uri: string;
  /** Index in the file's ModelGraph (what the CodeLens sends). */
  modelIndex?: number;
  /** 0-based line: the model defined at or above it (what a command at the cursor sends). */
  line?: number;
  /** VS Code's `workspace.isTrusted`. Anything but `true` means static building only. */
  trusted?: boolean;
  /** Client-created work-done progress token. */
  workDoneToken?: ProgressToken;
  /** Overrides of `reglint.train.budgetSeconds` / `seed` (tests, scripts). */
  budgetSeconds?: number;
  seed?: number;
  /**
   * The user's values for what the code does not fix, per model name, as typed (`"64"`,
   * `"l2(1e-4)"`, `"none"`): the editor remembers them per model and sends them all.
   */
  values?: Record<string, Record<string, string>>;
  /** The client can ask the user (a quick input): values still open come back as `needsValues` instead of a run. */
  ask?: boolean;
}

/** A value the code does not fix that the user may give (the editor's quick input). */
export interface ValueQuestion {
  /** `dense_2.units`: the key of `values`. */
  id: string;
  layer: string;
  key: string;
  line?: number;
  expression?: string;
  /** What the sanity-train uses when not given (none: it cannot train without one). */
  default?: string;
  why: string;
}

export interface SanityTrainResult {
  uri: string;
  model: string;
  modelIndex: number;
  /** 0-based line of the model's definition. */
  line: number;
  trusted: boolean;
  built: TrainReport['built'];
  reason?: string;
  cancelled?: boolean;
  report: TrainReport;
  diagnostics: Diagnostic[];
  /** One-line outcome, for a notification. */
  summary: string;
  /** Present (and nothing was trained) when `ask` was set and these values are still open. */
  needsValues?: ValueQuestion[];
}

export interface SanityTrainDeps {
  connection: Connection;
  documents: DocumentStore;
  commands: ServerCommands;
  logger: Logger;
  /** The documents' graphs, shared with the outline and hover (server.ts forgets closed documents). */
  graphs: GraphCache;
  /** Which data a model trains on, and its CodeLens (./trainingData.ts). */
  trainingData: Pick<TrainingDataService, 'dataFor' | 'lens'>;
  /** Whether the client answers workspace/configuration (else the train settings are the defaults). */
  pullsConfiguration(): boolean;
  /** The document's `.reglintrc.json` (./projectConfig.ts): its `train.*` under the editor's settings. */
  configFor?(uri: string): ReglintConfig;
  /** Re-lint and publish `uri` now (lint + `diagnosticsFor`), resolved once sent. */
  republish(uri: string): Promise<void>;
}

interface Running {
  controller: AbortController;
  done: Promise<unknown>;
}

export class SanityTrainService {
  /** uri → results by model key (`name#occurrence`). */
  private readonly results = new Map<string, Map<string, StoredResult>>();
  private readonly running = new Map<string, Running>();
  private serverProgress = false;
  private codeLensRefresh = false;
  private showCurvesLens = false;

  constructor(private readonly deps: SanityTrainDeps) {}

  /** From onInitialize: the capabilities to merge, and the command unless the client runs it itself. */
  initialize(params: InitializeParams): Pick<ServerCapabilities, 'codeLensProvider'> {
    const caps = params.capabilities;
    this.serverProgress = caps.window?.workDoneProgress === true;
    this.codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    // VS Code's client registers a VS Code command for every executeCommand id, which would
    // clash with the extension's own `reglint.sanityTrain` (progress UI, trust): such a
    // client lists its commands in initializationOptions.clientCommands and sends the request.
    const options = params.initializationOptions as { clientCommands?: unknown } | undefined;
    const clientCommands = Array.isArray(options?.clientCommands) ? options.clientCommands : [];
    if (!clientCommands.includes(SANITY_TRAIN_COMMAND)) {
      this.deps.commands.register(SANITY_TRAIN_COMMAND, args => this.run(args[0], CancellationToken.None));
    }
    this.showCurvesLens = clientCommands.includes(SHOW_CURVES_COMMAND);
    return { codeLensProvider: { resolveProvider: false } };
  }

  listen(): void {
    const { connection } = this.deps;
    connection.onRequest(SANITY_TRAIN_REQUEST, (params: unknown, token: CancellationToken) => this.run(params, token));
    connection.onCodeLens(params => this.codeLenses(params.textDocument.uri));
  }

  /** The sanity-train diagnostics of an open document as they apply to its current text. */
  diagnosticsFor(document: TextDocument): Diagnostic[] {
    const stored = this.results.get(document.uri);
    if (!stored || stored.size === 0) return [];
    try {
      const graph = this.deps.graphs.get(document);
      const out: Diagnostic[] = [];
      for (const [key, result] of stored) {
        const now = currentDiagnostics(result, document, graph);
        if (!now) {
          stored.delete(key); // the model is gone
          continue;
        }
        out.push(...now.diagnostics);
      }
      return out;
    } catch (error) {
      this.deps.logger.error(`Sanity-train diagnostics for ${document.uri} failed:\n${describeError(error)}`);
      return [];
    }
  }

  /**
   * The what-if's ranked remedies for the model holding `layer` (a graph index), when that
   * model's last run measured them on the user's data and its text has not changed since.
   */
  measuredRemedies(uri: string, text: string, graph: ModelGraph, layer: number): MeasuredRemedy[] | undefined {
    const stored = this.results.get(uri);
    if (!stored) return undefined;
    const top = graph.layers[layer]?.wrappedBy ?? layer;
    for (const result of stored.values()) {
      const model = findModel(graph, result.modelName, result.occurrence);
      if (!model || !model.layers.includes(top)) continue;
      if (modelFingerprint(text, graph, model) !== result.fingerprint) return undefined;
      const effects = result.report.checks.find(c => c.id === 'what-if')?.remedies ?? [];
      const ranked = effects.filter(e => e.rank !== undefined && !e.notMeasured);
      return ranked.length ? ranked.map(e => ({
        kind: e.kind, rank: e.rank!, claim: e.claim, valLossChange: e.valLossChange, valLossChangeSd: e.valLossChangeSd, seeds: e.seeds,
        ...(e.strength !== undefined ? { strength: e.strength } : {}),
      })) : undefined;
    }
    return undefined;
  }

  /** The document closed: stop its runs, forget its results. */
  forget(uri: string): void {
    for (const [key, run] of this.running) if (key.startsWith(`${uri}#`)) run.controller.abort();
    this.results.delete(uri);
  }

  dispose(): void {
    for (const run of this.running.values()) run.controller.abort();
  }

  private async codeLenses(uri: string): Promise<CodeLens[] | null> {
    const document = this.deps.documents.get(uri);
    if (!document || document.getText().length > MAX_DOCUMENT_CHARS) return null;
    try {
      const graph = this.deps.graphs.get(document);
      if (graph.fatal || !usesTfjs(graph.tfjs)) return [];
      const stored = this.results.get(uri);
      const settings = await this.settingsFor(uri);
      return graph.models.flatMap(model => {
        const range = definitionRange(document, model);
        const args = { uri, modelIndex: model.index, line: range.start.line };
        const lenses: CodeLens[] = [{
          range,
          command: { title: 'Sanity-train', command: SANITY_TRAIN_COMMAND, arguments: [args] },
        }, this.deps.trainingData.lens(uri, model, range, settings)];
        const result = stored?.get(modelKey(model.name, occurrenceOf(graph, model)));
        if (this.showCurvesLens && result && result.report.checks.some(c => c.curves)) {
          lenses.push({ range, command: { title: 'Learning curves', command: SHOW_CURVES_COMMAND, arguments: [{ uri, model: model.name, report: result.report }] } });
        }
        return lenses;
      });
    } catch (error) {
      this.deps.logger.error(`Code lenses for ${uri} failed:\n${describeError(error)}`);
      return [];
    }
  }

  private settingsFor(uri: string): Promise<TrainSettings> {
    return fetchTrainSettings(this.deps.connection, uri, this.deps.pullsConfiguration(), this.deps.logger, this.deps.configFor?.(uri).train);
  }

  async run(rawParams: unknown, token: CancellationToken): Promise<SanityTrainResult> {
    const params = validateParams(rawParams);
    const document = this.deps.documents.get(params.uri);
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${params.uri} is not open`);
    const text = document.getText();
    const graph = this.deps.graphs.get(document);
    if (graph.fatal) throw new ResponseError(ErrorCodes.InvalidParams, `the file could not be analysed: ${graph.fatal}`);
    const model = pickModel(graph, document, params);
    if (!model) throw new ResponseError(ErrorCodes.InvalidParams, `no TensorFlow.js model ${params.modelIndex !== undefined ? `#${params.modelIndex} ` : ''}in ${params.uri}`);
    const occurrence = occurrenceOf(graph, model);
    const key = modelKey(model.name, occurrence);
    const runKey = `${params.uri}#${key}`;
    const trusted = params.trusted === true;
    const fingerprint = modelFingerprint(text, graph, model);
    const line = definitionRange(document, model).start.line;

    const settings = await this.settingsFor(params.uri);
    const fileName = fileNameOf(document);
    const given = params.values?.[model.name] ?? {};
    const spec = specFromGraph(graph, model.index, { text, inputShape: settings.inputShape, values: parseGiven(given) });
    const open = params.ask ? questionsOf(spec).filter(q => !(q.id in given)) : [];
    if (open.length) {
      return {
        uri: params.uri, model: model.name, modelIndex: model.index, line, trusted, built: 'failed', needsValues: open, diagnostics: [],
        summary: `sanity-train of ${model.name} needs ${open.length} value${open.length === 1 ? '' : 's'} the code does not fix`,
        report: { model: model.name, built: 'failed', seed: params.seed ?? settings.seed, seeds: 1, budgetSeconds: params.budgetSeconds ?? settings.budgetSeconds, elapsedMs: 0, whatIfChanges: [], checks: [] },
      };
    }
    const request: TrainRequest = {
      seed: params.seed ?? settings.seed,
      budgetSeconds: params.budgetSeconds ?? settings.budgetSeconds,
      whatIf: whatIfFromFix(settings.fix),
    };
    if (settings.samples !== undefined) request.samples = settings.samples;
    // The data chosen for this model, else .reglintrc.json's, else reglint.train.data (./trainingData.ts).
    const data = this.deps.trainingData.dataFor(params.uri, model.name, settings, trusted);
    const dataFile = dataFileOf(data);
    if (dataFile) request.data = { file: dataFile, features: data.features, label: data.label };
    // Builder mode gets a real path when there is one (the file's relative requires resolve against it).
    let notTrainedReason: string | undefined;
    if (spec.ok) request.spec = spec.spec;
    else if (trusted) {
      request.builder = {
        fileName: filePathOf(params.uri) ?? fileName, text, modelName: model.name, at: model.span.start, assumed: assumedByExpression(spec.assumptions),
      };
    }
    else notTrainedReason = `${spec.reason}. Building it would mean running the file's own code, which reglint does only in a trusted workspace (Workspace Trust); this workspace is not trusted, so nothing was executed`;

    // One run per model: a new request replaces a running one.
    this.running.get(runKey)?.controller.abort();
    const controller = new AbortController();
    const cancelSub = token.onCancellationRequested(() => controller.abort());
    const progress = await this.startProgress(params.workDoneToken, `Sanity-training ${model.name}`, controller);
    let report: TrainReport;
    const started = Date.now();
    try {
      if (notTrainedReason) {
        report = { model: model.name, built: 'failed', reason: notTrainedReason, seed: request.seed ?? 1, seeds: 0, budgetSeconds: request.budgetSeconds ?? 10, elapsedMs: 0, whatIfChanges: [], checks: [] };
      } else {
        const tracker = new ProgressTracker();
        const done = runSanityTrain(request, {
          signal: controller.signal,
          onProgress: p => progress.report(tracker.update(p), tracker.percentage()),
        });
        this.running.set(runKey, { controller, done });
        report = await done;
      }
    } finally {
      cancelSub.dispose();
      if (this.running.get(runKey)?.controller === controller) this.running.delete(runKey);
    }
    const cancelled = report.cancelled === true || controller.signal.aborted;
    progress.done(cancelled ? 'cancelled' : summaryMessage(report));
    this.deps.logger.info(`sanity-train ${params.uri} ${model.name}: ${cancelled ? 'cancelled' : summaryMessage(report)} (${Date.now() - started} ms)`);

    // Results computed against the text as it was when the run started: stored with that
    // text's fingerprint, so an edit made meanwhile shows them as stale.
    const stored = storeResult(report, { uri: params.uri, document, graph, model, notTrainedReason }, fingerprint);
    if (!cancelled && this.deps.documents.get(params.uri)) {
      let byModel = this.results.get(params.uri);
      if (!byModel) this.results.set(params.uri, (byModel = new Map()));
      byModel.set(key, stored);
      await this.deps.republish(params.uri).catch(error =>
        this.deps.logger.error(`Publishing sanity-train results for ${params.uri} failed:\n${describeError(error)}`));
      if (this.codeLensRefresh) void this.deps.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }
    const result: SanityTrainResult = {
      uri: params.uri, model: model.name, modelIndex: model.index, line, trusted, built: report.built, report,
      diagnostics: stored.diagnostics, summary: cancelled ? `sanity-train of ${model.name} cancelled` : summaryMessage(report),
    };
    if (report.reason) result.reason = report.reason;
    if (cancelled) result.cancelled = true;
    return result;
  }

  /** Progress on the client's token, else one the server creates (when the client allows), else none. */
  private async startProgress(token: ProgressToken | undefined, title: string, controller: AbortController): Promise<ProgressSink> {
    const { connection } = this.deps;
    if (token !== undefined) {
      const send = (value: unknown) => void connection.sendProgress(WorkDoneProgress.type, token, value as never);
      send({ kind: 'begin', title, cancellable: true, message: 'starting', percentage: 0 });
      return {
        report: (message, percentage) => send({ kind: 'report', message, percentage }),
        done: message => send({ kind: 'end', message }),
      };
    }
    if (this.serverProgress) {
      try {
        const reporter = await connection.window.createWorkDoneProgress();
        reporter.token.onCancellationRequested(() => controller.abort());
        reporter.begin(title, 0, 'starting', true);
        return { report: (message, percentage) => reporter.report(percentage, message), done: () => reporter.done() };
      } catch {
        // the client refused: no progress
      }
    }
    return { report: () => undefined, done: () => undefined };
  }
}

interface ProgressSink {
  report(message: string, percentage: number): void;
  done(message: string): void;
}

/** Progress of the parallel jobs → one message, and the share of the budget used as the percentage. */
class ProgressTracker {
  private last = 0;

  update(p: TrainProgress): string {
    this.last = Math.max(this.last, p.budgetMs > 0 ? p.elapsedMs / p.budgetMs : 0);
    const what = p.job === 'what-if' && p.remedy ? `what-if ${p.remedy}` : p.job;
    return `${what} seed ${p.seedIndex + 1} epoch ${Math.round(p.epoch)}: train loss ${p.trainLoss.toFixed(4)}, val loss ${p.valLoss.toFixed(4)}`;
  }

  percentage(): number {
    // Runs stop when their curves have said enough, so elapsed time over the budget is the honest measure.
    return Math.min(99, Math.round(100 * this.last));
  }
}

function modelKey(name: string, occurrence: number): string {
  return `${name}#${occurrence}`;
}

/** The editor's typed values, parsed as `--set` parses them; a value that does not parse is an error for the user. */
function parseGiven(given: Record<string, string>): UserValues {
  const out: UserValues = {};
  for (const [id, text] of Object.entries(given)) {
    try {
      out[id] = parseValue(String(text), `${id}=${text}`);
    } catch (error) {
      throw new ResponseError(ErrorCodes.InvalidParams, (error as Error).message.replace(/^--set /, ''));
    }
  }
  return out;
}

/** What the user could give: the values a build still needs, else the defaults worth asking about. */
function questionsOf(spec: SpecResult): ValueQuestion[] {
  const list = spec.ok ? (spec.spec.assumptions ?? []).filter(a => a.ask && a.source === 'default') : spec.needs ?? [];
  const seen = new Set<string>();
  return list.flatMap(a => {
    const id = `${a.layer}.${a.key}`;
    if (seen.has(id)) return [];
    seen.add(id);
    const q: ValueQuestion = { id, layer: a.layer, key: a.key, why: a.why };
    if (a.line !== undefined) q.line = a.line;
    if (a.expression !== undefined) q.expression = a.expression;
    if (spec.ok) q.default = Array.isArray(a.value) ? a.value.join(',') : a.value === null ? 'none' : String(a.value);
    return [q];
  });
}

function validateParams(raw: unknown): SanityTrainParams {
  const p = (Array.isArray(raw) ? raw[0] : raw) as Partial<SanityTrainParams> | undefined;
  if (!p || typeof p !== 'object' || typeof p.uri !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, `${SANITY_TRAIN_REQUEST} needs {uri, modelIndex? | line?, trusted?}`);
  }
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
  const out: SanityTrainParams = { uri: p.uri, trusted: p.trusted === true };
  if (int(p.modelIndex) !== undefined) out.modelIndex = p.modelIndex;
  if (int(p.line) !== undefined) out.line = p.line;
  if (typeof p.budgetSeconds === 'number' && p.budgetSeconds > 0) out.budgetSeconds = p.budgetSeconds;
  if (int(p.seed) !== undefined) out.seed = p.seed;
  if (typeof p.workDoneToken === 'string' || typeof p.workDoneToken === 'number') out.workDoneToken = p.workDoneToken;
  if (p.values && typeof p.values === 'object') {
    const values: Record<string, Record<string, string>> = {};
    for (const [name, byId] of Object.entries(p.values)) {
      if (!byId || typeof byId !== 'object') continue;
      values[name] = Object.fromEntries(Object.entries(byId).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
    }
    out.values = values;
  }
  if (p.ask === true) out.ask = true;
  return out;
}

/** By index; else the model defined at or above `line` (else the first below it); else the first. */
export function pickModel(graph: ModelGraph, document: TextDocument, params: SanityTrainParams): ModelNode | undefined {
  if (params.modelIndex !== undefined) return graph.models[params.modelIndex];
  if (params.line === undefined || graph.models.length === 0) return graph.models[0];
  const starts = graph.models.map(m => ({ m, line: document.positionAt(m.span.start).line, end: document.positionAt(m.span.end).line }));
  const containing = starts.filter(s => s.line <= params.line! && params.line! <= s.end).pop();
  if (containing) return containing.m;
  const above = starts.filter(s => s.line <= params.line!).sort((a, b) => b.line - a.line)[0];
  return (above ?? starts.sort((a, b) => a.line - b.line)[0])?.m;
}
