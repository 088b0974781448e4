// Choosing a model's training data, one step away from the model: the "Data: cars.csv" /
// "Choose data…" CodeLens beside "Sanity-train", and what any editor's picker needs:
//
// - `reglint/trainingDataCandidates` {uri, modelIndex? | line?}: the data files the code
//   itself reads (graph.dataSources, that exist) first, then the workspace's CSV/TSV/JSON
//   tables; the data the model trains on now and why; where "Save to .reglintrc.json" writes;
//   how many values per row the model takes.
// - `reglint/trainingDataColumns` {file}: the file's columns (kinds, distinct values,
//   examples) and the default label, read with the trainer's own reader.
// - `reglint.setTrainingData` (workspace/executeCommand) {uri, model | modelIndex | line,
//   file | "synthetic" | null, label?, features?, save?: "workspace" | "reglintrc"}: records
//   the choice for the model (by file and model name) in the workspace, or writes it to
//   `.reglintrc.json`; `file: null` forgets it. Returns every workspace choice, for the
//   client to keep (VS Code: workspace state, handed back at start).
// - `reglint.chooseTrainingData`: VS Code's client implements it with quick picks; for other
//   editors the server asks with window/showMessageRequest (file, label, where to keep it).
// - `reglint/workspaceTrust` (notification) {trusted}: VS Code's Workspace Trust, granted.
//   Also sent at start as initializationOptions.workspaceTrusted. A client that says nothing
//   has no such thing, and the project's `.reglintrc.json` data is used (./trainingDataChoices.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ErrorCodes,
  ResponseError,
  type CodeLens,
  type Connection,
  type InitializeParams,
  type MessageActionItem,
  type Range,
} from 'vscode-languageserver';
import type { ModelNode } from '../analysis/modelGraph';
import { CONFIG_FILE_NAME, SYNTHETIC_DATA, type ReglintConfig } from '../config/reglintrc';
import { withTrainDataChoice } from '../config/trainData';
import { specFromGraph } from '../training/modelSpec';
import { previewDataFile, readStart, type DataFilePreview } from '../trainingData/dataFilePreview';
import { detectedDataFiles } from '../trainingData/detectedDataFiles';
import type { ServerCommands } from './commands';
import { MAX_DOCUMENT_CHARS } from './diagnoseDocument';
import type { DocumentStore } from './documentStore';
import { filePathOf } from './fileUri';
import type { GraphCache } from './graphCache';
import { describeError, type Logger } from './logger';
import { pickModel } from './sanityTrain';
import { containingFolder, fetchTrainSettings, resolveDataPath, type TrainSettings } from './sanityTrainSettings';
import { dataFileOf, modelData, TrainingDataChoices, type ModelData, type StoredChoice } from './trainingDataChoices';
import { listWorkspaceDataFiles } from './workspaceFiles';

export const CHOOSE_TRAINING_DATA_COMMAND = 'reglint.chooseTrainingData';
export const SET_TRAINING_DATA_COMMAND = 'reglint.setTrainingData';
export const TRAINING_DATA_CANDIDATES_REQUEST = 'reglint/trainingDataCandidates';
export const TRAINING_DATA_COLUMNS_REQUEST = 'reglint/trainingDataColumns';
export const WORKSPACE_TRUST_NOTIFICATION = 'reglint/workspaceTrust';

/** How many workspace files the picker lists (the files the code reads always come first). */
const MAX_CANDIDATES = 200;
/** How many JSON files the listing opens to see whether they hold a table. */
const MAX_PEEKS = 1000;
/** How many choices fit a window/showMessageRequest (editors show them as buttons or a list). */
const MAX_PROMPT_ACTIONS = 10;

export interface DataCandidate {
  file: string;
  uri: string;
  /** Relative to the workspace folder that holds it (absolute when none does). */
  relativePath: string;
  /** `code`: the model's file reads it (how, 0-based line, the label column it names); `workspace`: found in the folder. */
  source: 'code' | 'workspace';
  how?: string;
  line?: number;
  label?: string;
}

export interface TrainingDataCandidates {
  uri: string;
  model: string;
  modelIndex: number;
  /** The data the model trains on now, and why (./trainingDataChoices.ts). */
  current: ModelData;
  candidates: DataCandidate[];
  /** Where "Save to .reglintrc.json" writes: the nearest config file, else a new one in the workspace folder. */
  saveTarget?: { configFile: string; exists: boolean };
  /** Values per row the model's input takes, when its input shape is known statically. */
  inputWidth?: number;
}

export interface SetTrainingDataResult {
  uri: string;
  model: string;
  /** The data the model trains on now. */
  data: ModelData;
  /** Every choice recorded in the workspace (for the client to keep). */
  choices: StoredChoice[];
  /** The `.reglintrc.json` written, when asked to save there. */
  savedTo?: string;
}

export interface TrainingDataDeps {
  connection: Connection;
  documents: DocumentStore;
  commands: ServerCommands;
  logger: Logger;
  graphs: GraphCache;
  workspaceFolders(): readonly string[];
  pullsConfiguration(): boolean;
  /** The document's `.reglintrc.json` (./projectConfig.ts). */
  configFor(uri: string): ReglintConfig;
  /** The server wrote this config file: read it again. */
  configWritten(filePath: string): void;
}

interface ModelRef {
  uri: string;
  modelIndex?: number;
  line?: number;
}

interface SetParams extends ModelRef {
  model?: string;
  file: string | null;
  label?: string;
  features?: string[];
  save?: 'workspace' | 'reglintrc';
}

export class TrainingDataService {
  private readonly choices = new TrainingDataChoices();
  /** VS Code's Workspace Trust as the client declared it; undefined: the client has none. */
  private workspaceTrusted: boolean | undefined;
  private codeLensRefresh = false;

  constructor(private readonly deps: TrainingDataDeps) {}

  initialize(params: InitializeParams): void {
    const options = (params.initializationOptions ?? {}) as { clientCommands?: unknown; workspaceTrusted?: unknown; trainingDataChoices?: unknown };
    this.choices.load(options.trainingDataChoices);
    if (typeof options.workspaceTrusted === 'boolean') this.workspaceTrusted = options.workspaceTrusted;
    this.codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    this.deps.commands.register(SET_TRAINING_DATA_COMMAND, args => this.set(args[0]));
    const clientCommands = Array.isArray(options.clientCommands) ? options.clientCommands : [];
    if (!clientCommands.includes(CHOOSE_TRAINING_DATA_COMMAND)) {
      this.deps.commands.register(CHOOSE_TRAINING_DATA_COMMAND, args => this.chooseWithPrompts(args[0]));
    }
  }

  listen(): void {
    const { connection } = this.deps;
    connection.onRequest(TRAINING_DATA_CANDIDATES_REQUEST, (params: unknown) => this.candidates(params));
    connection.onRequest(TRAINING_DATA_COLUMNS_REQUEST, (params: unknown) => this.columns(params));
    connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (params: { trusted?: unknown } | undefined) => {
      if (typeof params?.trusted !== 'boolean') return;
      this.workspaceTrusted = params.trusted;
      this.refreshLenses();
    });
  }

  /** The data a sanity-train of `model` uses. `trustedRequest`: the request itself says the workspace is trusted. */
  dataFor(uri: string, model: string, settings: TrainSettings, trustedRequest = false): ModelData {
    const projectDataAllowed = trustedRequest || this.workspaceTrusted !== false;
    return modelData(this.choices.get(uri, model), this.deps.configFor(uri), uri, model, settings, this.deps.workspaceFolders(), projectDataAllowed);
  }

  /** The CodeLens beside "Sanity-train": the data in use and where it is set (click to change), or "Choose data…". */
  lens(uri: string, model: ModelNode, range: Range, settings: TrainSettings): CodeLens {
    const data = this.dataFor(uri, model.name, settings);
    const args = { uri, modelIndex: model.index, line: range.start.line };
    const file = dataFileOf(data);
    let title: string;
    if (data.from === 'none') {
      title = data.untrustedConfig ? 'Choose data… (.reglintrc.json data needs a trusted workspace)' : 'Choose data…';
    } else {
      title = `Data: ${file ? path.basename(file) : 'synthetic'}${data.from === 'reglintrc' ? ' (.reglintrc.json)' : data.from === 'settings' ? ' (settings)' : ''}`;
    }
    return { range, command: { title, command: CHOOSE_TRAINING_DATA_COMMAND, arguments: [args] } };
  }

  async candidates(raw: unknown): Promise<TrainingDataCandidates> {
    const ref = modelRefOf(raw, TRAINING_DATA_CANDIDATES_REQUEST);
    const { document, graph, model } = this.openModel(ref);
    const filePath = filePathOf(ref.uri);
    const folders = this.folderPaths();
    const home = filePath ? containingFolder(filePath, folders) : undefined;
    const settings = await this.settingsFor(ref.uri);
    const current = this.dataFor(ref.uri, model.name, settings);

    const candidates: DataCandidate[] = [];
    const listed = new Set<string>();
    const add = (candidate: Omit<DataCandidate, 'uri' | 'relativePath'>) => {
      if (listed.has(candidate.file)) return;
      listed.add(candidate.file);
      candidates.push({ ...candidate, uri: pathToFileURL(candidate.file).href, relativePath: displayPath(candidate.file, folders) });
    };
    if (filePath) {
      for (const { file, source } of detectedDataFiles(graph, filePath, home ? [home] : folders)) {
        const c: Omit<DataCandidate, 'uri' | 'relativePath'> = { file, source: 'code', how: source.how, line: document.positionAt(source.span.start).line };
        if (source.label !== undefined) c.label = source.label;
        add(c);
      }
    }
    const currentFile = dataFileOf(current) ?? (current.untrustedConfig && current.untrustedConfig.file !== SYNTHETIC_DATA ? current.untrustedConfig.file : undefined);
    const modelDir = filePath ? path.dirname(filePath) : undefined;
    const workspace: string[] = [];
    for (const folder of home ? [home, ...folders.filter(f => f !== home)] : folders) workspace.push(...await listWorkspaceDataFiles(folder));
    // The model's own directory first, then the rest, each alphabetically; the current file is listed even if outside.
    const near = (f: string) => (modelDir && path.dirname(f) === modelDir ? 0 : 1);
    const ordered = workspace.sort((a, b) => near(a) - near(b) || a.localeCompare(b));
    if (currentFile && fs.existsSync(currentFile)) add({ file: currentFile, source: 'workspace' });
    let peeked = 0; // JSON files opened to tell tables from configs, bounded in a huge workspace
    for (const file of ordered) {
      if (candidates.length >= MAX_CANDIDATES || peeked >= MAX_PEEKS) break;
      if (listed.has(file)) continue;
      if (file.toLowerCase().endsWith('.json')) peeked++;
      if (await isTable(file)) add({ file, source: 'workspace' });
    }

    const result: TrainingDataCandidates = { uri: ref.uri, model: model.name, modelIndex: model.index, current, candidates };
    const target = this.saveTarget(ref.uri);
    if (target) result.saveTarget = { configFile: target, exists: fs.existsSync(target) };
    const spec = specFromGraph(graph, model.index, { text: document.getText(), inputShape: settings.inputShape });
    if (spec.ok) result.inputWidth = spec.spec.inputShape.reduce((a, b) => a * b, 1);
    return result;
  }

  async columns(raw: unknown): Promise<DataFilePreview> {
    const p = (Array.isArray(raw) ? raw[0] : raw) as { file?: unknown } | undefined;
    if (typeof p?.file !== 'string' || p.file === '') throw new ResponseError(ErrorCodes.InvalidParams, `${TRAINING_DATA_COLUMNS_REQUEST} needs {file}`);
    const file = filePathOf(p.file) ?? p.file;
    if (!path.isAbsolute(file)) throw new ResponseError(ErrorCodes.InvalidParams, `${TRAINING_DATA_COLUMNS_REQUEST}: give an absolute path or a file: URI, not ${p.file}`);
    try {
      return await previewDataFile(file);
    } catch (error) {
      throw new ResponseError(ErrorCodes.InvalidParams, error instanceof Error ? error.message : String(error));
    }
  }

  async set(raw: unknown): Promise<SetTrainingDataResult> {
    const params = setParamsOf(raw);
    const model = params.model ?? this.openModel(params).model.name;
    const settings = await this.settingsFor(params.uri);
    let savedTo: string | undefined;
    if (params.file === null) {
      this.choices.delete(params.uri, model);
      this.deps.logger.info(`training data for ${model} (${params.uri}): the workspace choice is forgotten`);
    } else {
      const choice: StoredChoice = { uri: params.uri, model, file: await this.checkedFile({ ...params, file: params.file }, settings) };
      if (params.label) choice.label = params.label;
      if (params.features?.length) choice.features = params.features;
      if (params.save === 'reglintrc') {
        savedTo = this.saveToConfig(choice);
        // The config file holds the choice now: edits to it take effect. (Until the workspace
        // is trusted its config's data is not used: the user's choice stays in force meanwhile.)
        if (this.workspaceTrusted === false) this.choices.set(choice);
        else this.choices.delete(params.uri, model);
      } else {
        this.choices.set(choice);
      }
      this.deps.logger.info(`training data for ${model} (${params.uri}): ${choice.file}${choice.label ? `, label ${choice.label}` : ''}${savedTo ? `, saved to ${savedTo}` : ''}`);
    }
    this.refreshLenses();
    const result: SetTrainingDataResult = { uri: params.uri, model, data: this.dataFor(params.uri, model, settings), choices: this.choices.all() };
    if (savedTo) result.savedTo = savedTo;
    return result;
  }

  /** `reglint.chooseTrainingData` for editors without their own picker: three questions with window/showMessageRequest. */
  async chooseWithPrompts(raw: unknown): Promise<SetTrainingDataResult | null> {
    const given = (Array.isArray(raw) ? raw[0] : raw) as Partial<SetParams> | undefined;
    if (given && 'file' in given) return this.set(given);
    const { window } = this.deps.connection;
    const c = await this.candidates(raw);
    const files = c.candidates.slice(0, MAX_PROMPT_ACTIONS - 1);
    const synthetic = 'Synthetic data';
    const fileAction = await window.showInformationMessage(
      `Training data for ${c.model}: ${describeData(c.current)}. Choose a file (those the code reads first):`,
      ...files.map(f => ({ title: f.source === 'code' ? `${f.relativePath} (read by the code)` : f.relativePath })),
      { title: synthetic },
    );
    if (!fileAction) return null;
    if (fileAction.title === synthetic) return this.set({ uri: c.uri, model: c.model, file: SYNTHETIC_DATA });
    const chosen = files[files.findIndex(f => fileAction.title.startsWith(f.relativePath))];
    if (!chosen) return null;
    let preview: DataFilePreview;
    try {
      preview = await previewDataFile(chosen.file);
    } catch (error) {
      void window.showErrorMessage(`reglint: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    const defaultLabel = chosen.label && preview.columns.some(col => col.name === chosen.label) ? chosen.label : preview.defaultLabel;
    const labels = [defaultLabel, ...preview.columns.map(col => col.name).filter(n => n !== defaultLabel)].slice(0, MAX_PROMPT_ACTIONS);
    const labelAction = await window.showInformationMessage(
      `Label column of ${chosen.relativePath} (${preview.rows}${preview.truncated ? '+' : ''} rows; the other columns are the features):`,
      ...labels.map((title, i): MessageActionItem => ({ title: i === 0 ? `${title} (default)` : title })),
    );
    if (!labelAction) return null;
    const label = labelAction.title.replace(/ \(default\)$/, '');
    const here = 'Remember in this session';
    const saveAction = await window.showInformationMessage(
      `Keep ${c.model}'s data (${chosen.relativePath}, label ${label}) where?`,
      { title: here }, { title: `Save to ${CONFIG_FILE_NAME}` },
    );
    if (!saveAction) return null;
    return this.set({ uri: c.uri, model: c.model, file: chosen.file, label, save: saveAction.title === here ? 'workspace' : 'reglintrc' });
  }

  private openModel(ref: ModelRef) {
    const document = this.deps.documents.get(ref.uri);
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${ref.uri} is not open`);
    if (document.getText().length > MAX_DOCUMENT_CHARS) throw new ResponseError(ErrorCodes.InvalidParams, `${ref.uri} is too large to analyse`);
    const graph = this.deps.graphs.get(document);
    if (graph.fatal) throw new ResponseError(ErrorCodes.InvalidParams, `the file could not be analysed: ${graph.fatal}`);
    const model = pickModel(graph, document, ref);
    if (!model) throw new ResponseError(ErrorCodes.InvalidParams, `no TensorFlow.js model in ${ref.uri}`);
    return { document, graph, model };
  }

  /** The chosen file as an absolute path that exists and whose columns fit the choice; or `synthetic`. */
  private async checkedFile(params: SetParams & { file: string }, settings: TrainSettings): Promise<string> {
    if (params.file === SYNTHETIC_DATA) return SYNTHETIC_DATA;
    const file = filePathOf(params.file) ?? resolveDataPath(params.file, params.uri, this.deps.workspaceFolders());
    if (!file) throw new ResponseError(ErrorCodes.InvalidParams, `cannot tell where ${params.file} is: give an absolute path`);
    let preview: DataFilePreview;
    try {
      preview = await previewDataFile(file);
    } catch (error) {
      throw new ResponseError(ErrorCodes.InvalidParams, error instanceof Error ? error.message : String(error));
    }
    const names = preview.columns.map(c => c.name);
    const missing = [params.label, ...(params.features ?? [])].filter((c): c is string => c !== undefined && !names.includes(c));
    if (missing.length > 0) throw new ResponseError(ErrorCodes.InvalidParams, `${path.basename(file)} has no column ${missing.map(m => `"${m}"`).join(', ')} (columns: ${names.join(', ')})`);
    const label = params.label ?? settings.label ?? preview.defaultLabel;
    if (params.features?.includes(label)) throw new ResponseError(ErrorCodes.InvalidParams, `the label column "${label}" is also listed as a feature`);
    return file;
  }

  private saveToConfig(choice: StoredChoice): string {
    const modelFile = filePathOf(choice.uri);
    const target = this.saveTarget(choice.uri);
    if (!modelFile || !target) throw new ResponseError(ErrorCodes.InvalidParams, `${choice.uri} is not a file on disk: there is no ${CONFIG_FILE_NAME} for it`);
    let text: string | undefined;
    try {
      text = fs.readFileSync(target, 'utf8');
    } catch {
      text = undefined; // a new file
    }
    let updated: string;
    try {
      updated = withTrainDataChoice(text, target, { modelFile, model: choice.model, file: choice.file, label: choice.label, features: choice.features });
    } catch (error) {
      throw new ResponseError(ErrorCodes.InvalidRequest, `could not save to ${target}: ${error instanceof Error ? error.message : String(error)}`);
    }
    fs.writeFileSync(target, updated);
    this.deps.configWritten(target);
    return target;
  }

  /** The nearest `.reglintrc.json`, else one in the workspace folder holding the file (else beside it). */
  private saveTarget(uri: string): string | undefined {
    const filePath = filePathOf(uri);
    if (!filePath) return undefined;
    const config = this.deps.configFor(uri);
    const dir = config.baseDir ?? containingFolder(filePath, this.folderPaths()) ?? path.dirname(filePath);
    return path.join(dir, CONFIG_FILE_NAME);
  }

  private folderPaths(): string[] {
    return this.deps.workspaceFolders().map(filePathOf).filter((p): p is string => !!p);
  }

  private settingsFor(uri: string): Promise<TrainSettings> {
    return fetchTrainSettings(this.deps.connection, uri, this.deps.pullsConfiguration(), this.deps.logger);
  }

  /** Asks the client to fetch the CodeLenses again (their "Data: …" titles changed). */
  refreshLenses(): void {
    if (!this.codeLensRefresh) return;
    this.deps.connection.sendRequest('workspace/codeLens/refresh').catch(error =>
      this.deps.logger.warn(`codeLens/refresh failed: ${describeError(error)}`));
  }
}

/** "data/cars.csv (label mpg), chosen in this workspace". */
export function describeData(data: ModelData): string {
  if (data.from === 'none') return 'synthetic data (none chosen)';
  const what = dataFileOf(data) ?? 'synthetic data';
  const where = data.from === 'workspace' ? 'chosen in this workspace' : data.from === 'reglintrc' ? `from ${data.configFile}` : 'from reglint.train.data';
  return `${what}${data.label ? ` (label ${data.label})` : ''}, ${where}`;
}

function modelRefOf(raw: unknown, what: string): ModelRef {
  const p = (Array.isArray(raw) ? raw[0] : raw) as Partial<ModelRef> | undefined;
  if (!p || typeof p !== 'object' || typeof p.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${what} needs {uri, modelIndex? | line?}`);
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
  const ref: ModelRef = { uri: p.uri };
  if (int(p.modelIndex) !== undefined) ref.modelIndex = p.modelIndex;
  if (int(p.line) !== undefined) ref.line = p.line;
  return ref;
}

function setParamsOf(raw: unknown): SetParams {
  const ref = modelRefOf(raw, SET_TRAINING_DATA_COMMAND);
  const p = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown>;
  const usage = `${SET_TRAINING_DATA_COMMAND} needs {uri, model | modelIndex | line, file: path | "synthetic" | null, label?, features?, save?: "workspace" | "reglintrc"}`;
  if (p.file !== null && (typeof p.file !== 'string' || p.file.trim() === '')) throw new ResponseError(ErrorCodes.InvalidParams, usage);
  if (p.save !== undefined && p.save !== 'workspace' && p.save !== 'reglintrc') throw new ResponseError(ErrorCodes.InvalidParams, usage);
  if (p.label !== undefined && (typeof p.label !== 'string' || p.label === '')) throw new ResponseError(ErrorCodes.InvalidParams, usage);
  if (p.features !== undefined && (!Array.isArray(p.features) || !p.features.every(f => typeof f === 'string' && f !== ''))) throw new ResponseError(ErrorCodes.InvalidParams, usage);
  const params: SetParams = { ...ref, file: p.file === null ? null : (p.file as string).trim() };
  if (typeof p.model === 'string' && p.model !== '') params.model = p.model;
  if (p.label !== undefined) params.label = p.label as string;
  if (Array.isArray(p.features) && p.features.length > 0) params.features = p.features as string[];
  if (p.save !== undefined) params.save = p.save as SetParams['save'];
  return params;
}

function displayPath(file: string, folders: readonly string[]): string {
  const folder = containingFolder(file, folders);
  return folder ? path.relative(folder, file).split(path.sep).join('/') : file;
}

/**
 * Whether a workspace file is a table: CSV and TSV are; a JSON file only when it starts like
 * an array of row objects or an object of columns (not package.json, tsconfig.json, ...).
 */
async function isTable(file: string): Promise<boolean> {
  if (!file.toLowerCase().endsWith('.json')) return true;
  let start: string;
  try {
    start = await readStart(file, 4096);
  } catch {
    return false;
  }
  return /^\uFEFF?\s*\[\s*\{/.test(start) || /^\uFEFF?\s*\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\[/.test(start);
}
