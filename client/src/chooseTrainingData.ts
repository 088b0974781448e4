// "Reglint: Choose training data…" (`reglint.chooseTrainingData`, also the "Choose data…" /
// "Data: cars.csv" CodeLens): quick picks over what the server offers
// (server/src/lsp/trainingData.ts): the data file (the files the code reads first, then the
// workspace's tables, Browse…, synthetic data), its label column, the feature columns, and
// where to keep the choice (this workspace, or .reglintrc.json for the CLI and the team).
// The server records it; the workspace's choices are kept in VS Code's workspace state and
// handed back to the server at start (initializationOptions.trainingDataChoices).
//
// Arguments skip the questions they answer; with `file` nothing is asked (scripts, tests):
// {uri?, modelIndex?, line?, file?: path | "synthetic" | null, label?, features?, save?}.
import * as path from 'node:path';
import {
  commands,
  QuickPickItemKind,
  Uri,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type QuickPickItem,
} from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { modelTarget, type ModelTarget } from './modelTarget';
import { SANITY_TRAIN_COMMAND } from './sanityTrain';

export const CHOOSE_TRAINING_DATA_COMMAND = 'reglint.chooseTrainingData';
const SET_TRAINING_DATA_COMMAND = 'reglint.setTrainingData';
const CHOICES_KEY = 'reglint.trainingDataChoices';
const SYNTHETIC = 'synthetic';

interface ChooseArgs extends ModelTarget {
  file?: string | null;
  label?: string;
  features?: string[];
  save?: 'workspace' | 'reglintrc';
}

/** The server's answers (server/src/lsp/trainingData.ts, trainingDataChoices.ts, trainingData/dataFilePreview.ts). */
interface ModelData {
  from: 'workspace' | 'reglintrc' | 'settings' | 'none';
  file?: string;
  label?: string;
  features?: string[];
  configFile?: string;
  untrustedConfig?: { configFile: string; file: string };
}
interface Candidates {
  uri: string;
  model: string;
  modelIndex: number;
  current: ModelData;
  candidates: { file: string; relativePath: string; source: 'code' | 'workspace'; how?: string; line?: number; label?: string }[];
  saveTarget?: { configFile: string; exists: boolean };
  inputWidth?: number;
}
interface Columns {
  file: string;
  rows: number;
  truncated: boolean;
  defaultLabel: string;
  columns: { name: string; kind: 'number' | 'text' | 'vector'; width: number; distinct: number; examples: string[] }[];
}
export interface SetTrainingDataResult {
  uri: string;
  model: string;
  data: ModelData;
  choices: unknown[];
  savedTo?: string;
}

/** What the server gets back at start: the choices kept for this workspace. */
export function keptTrainingDataChoices(context: ExtensionContext): unknown[] {
  return context.workspaceState.get<unknown[]>(CHOICES_KEY, []);
}

export function registerChooseTrainingData(context: ExtensionContext, getClient: () => LanguageClient | undefined): Disposable[] {
  return [
    commands.registerCommand(CHOOSE_TRAINING_DATA_COMMAND, (args?: ChooseArgs | Uri) => chooseTrainingData(context, getClient(), args)),
    // The project's .reglintrc.json data applies once the workspace is trusted.
    workspace.onDidGrantWorkspaceTrust(() => {
      const client = getClient();
      if (client?.isRunning()) void client.sendNotification('reglint/workspaceTrust', { trusted: true });
    }),
  ];
}

async function chooseTrainingData(context: ExtensionContext, client: LanguageClient | undefined, given?: ChooseArgs | Uri): Promise<SetTrainingDataResult | undefined> {
  if (!client?.isRunning()) {
    void window.showErrorMessage('Reglint: the language server is not running.');
    return undefined;
  }
  const args = modelTarget<ChooseArgs>(given, 'choose its training data');
  if (!args) return undefined;
  try {
    const target = { uri: args.uri, modelIndex: args.modelIndex, line: args.line };
    const offer = await client.sendRequest<Candidates>('reglint/trainingDataCandidates', target);
    let choice: Omit<ChooseArgs, keyof ModelTarget> | undefined;
    if (args.file !== undefined) choice = { file: args.file, label: args.label, features: args.features, save: args.save };
    else choice = await ask(client, offer, args);
    if (!choice) return undefined;
    if (choice.save === 'reglintrc' && offer.saveTarget && !(await configSaved(offer.saveTarget.configFile))) return undefined;
    const result = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: SET_TRAINING_DATA_COMMAND,
      arguments: [{ uri: offer.uri, model: offer.model, ...choice }],
    })) as SetTrainingDataResult;
    await context.workspaceState.update(CHOICES_KEY, result.choices);
    announce(offer, result);
    return result;
  } catch (error) {
    void window.showErrorMessage(`Reglint: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The four questions; undefined when one is dismissed. */
async function ask(client: LanguageClient, offer: Candidates, args: ChooseArgs): Promise<Omit<ChooseArgs, keyof ModelTarget> | undefined> {
  const file = await pickFile(offer);
  if (file === undefined) return undefined;
  if (file === null || file === SYNTHETIC) {
    const save = file === SYNTHETIC ? args.save ?? (await pickSave(offer, 'synthetic data')) : undefined;
    return file === SYNTHETIC && !save ? undefined : { file, save };
  }
  const columns = await client.sendRequest<Columns>('reglint/trainingDataColumns', { file });
  const fromCode = offer.candidates.find(c => c.file === file)?.label;
  const label = args.label ?? (await pickLabel(offer, columns, fromCode));
  if (!label) return undefined;
  const features = args.features ? { features: args.features } : await pickFeatures(offer, columns, label);
  if (!features) return undefined;
  const save = args.save ?? (await pickSave(offer, `${path.basename(file)}, label ${label}`));
  if (!save) return undefined;
  return { file, label, features: features.features, save };
}

interface FileItem extends QuickPickItem {
  file?: string | null;
  browse?: boolean;
}

/** A path, `synthetic`, null (forget the choice), or undefined (dismissed). */
async function pickFile(offer: Candidates): Promise<string | null | undefined> {
  const current = offer.current.file;
  const item = (c: Candidates['candidates'][number]): FileItem => ({
    label: `$(file) ${path.basename(c.file)}`,
    description: [path.dirname(c.relativePath) === '.' ? '' : path.dirname(c.relativePath), c.file === current ? '(current)' : ''].filter(Boolean).join('  '),
    detail: c.source === 'code' ? `read by the code: ${c.how}, line ${(c.line ?? 0) + 1}${c.label ? `, label ${c.label}` : ''}` : undefined,
    file: c.file,
  });
  const fromCode = offer.candidates.filter(c => c.source === 'code').map(item);
  const inWorkspace = offer.candidates.filter(c => c.source === 'workspace').map(item);
  const items: FileItem[] = [
    ...(fromCode.length ? [{ label: `read by ${offer.model}'s file`, kind: QuickPickItemKind.Separator }, ...fromCode] : []),
    ...(inWorkspace.length ? [{ label: 'workspace', kind: QuickPickItemKind.Separator }, ...inWorkspace] : []),
    { label: '', kind: QuickPickItemKind.Separator },
    { label: '$(folder-opened) Browse…', browse: true },
    { label: '$(beaker) Synthetic data', description: current === SYNTHETIC ? '(current)' : '', detail: 'seeded data shaped like the input: shows what the model can learn, not whether it overfits your data', file: SYNTHETIC },
  ];
  if (offer.current.from === 'workspace') items.push({ label: '$(close) Forget the choice for this model', file: null });
  const picked = await window.showQuickPick(items, {
    title: `Training data for ${offer.model} (1/4) · now: ${describe(offer.current)}`,
    placeHolder: 'A CSV (header row), TSV or JSON file; the files the code reads come first',
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.browse) {
    const folder = workspace.getWorkspaceFolder(Uri.parse(offer.uri))?.uri ?? workspace.workspaceFolders?.[0]?.uri;
    const [uri] = (await window.showOpenDialog({
      canSelectMany: false,
      defaultUri: folder,
      filters: { 'Data (CSV, TSV, JSON)': ['csv', 'tsv', 'json'] },
      openLabel: 'Use as training data',
      title: `Training data for ${offer.model}`,
    })) ?? [];
    return uri ? uri.fsPath : undefined;
  }
  return picked.file;
}

async function pickLabel(offer: Candidates, columns: Columns, fromCode: string | undefined): Promise<string | undefined> {
  const names = columns.columns.map(c => c.name);
  const sameFile = offer.current.file === columns.file ? offer.current.label : undefined;
  const preferred = [fromCode, sameFile, columns.defaultLabel].find(n => n !== undefined && names.includes(n))!;
  const why = preferred === fromCode ? 'marked isLabel in the code' : preferred === sameFile ? 'current' : 'default: the last column';
  const items = columns.columns.map(c => ({ label: c.name, description: `${describeColumn(c)}${c.name === preferred ? `  (${why})` : ''}`, detail: `e.g. ${c.examples.join(', ')}` }));
  const quickPick = window.createQuickPick<QuickPickItem>();
  quickPick.title = `Label column of ${path.basename(columns.file)} (2/4) · ${columns.rows}${columns.truncated ? '+' : ''} rows, ${names.length} columns`;
  quickPick.placeholder = 'The column the model predicts: numbers for regression, class ids or names for classification';
  quickPick.items = items;
  quickPick.activeItems = items.filter(i => i.label === preferred);
  quickPick.ignoreFocusOut = true;
  return (await accept(quickPick))?.label;
}

async function pickFeatures(offer: Candidates, columns: Columns, label: string): Promise<{ features?: string[] } | undefined> {
  const others = columns.columns.filter(c => c.name !== label);
  const numeric = others.filter(c => c.kind !== 'text');
  const width = (cs: Columns['columns']) => cs.reduce((n, c) => n + c.width, 0);
  const fits = (cs: Columns['columns']) => offer.inputWidth === undefined ? '' : width(cs) === offer.inputWidth ? ', as the model takes' : `; the model takes ${offer.inputWidth}`;
  const items: (QuickPickItem & { features?: string[]; choose?: boolean })[] = [];
  if (numeric.length === others.length) {
    items.push({ label: 'All other columns', description: `${others.map(c => c.name).join(', ')} (${width(others)} values per row${fits(others)})` });
  } else {
    const skipped = others.filter(c => c.kind === 'text').map(c => c.name);
    items.push({ label: 'The numeric columns', description: `${numeric.map(c => c.name).join(', ')} (${width(numeric)} values per row${fits(numeric)})`, detail: `skips ${skipped.join(', ')}: text`, features: numeric.map(c => c.name) });
  }
  items.push({ label: 'Choose feature columns…', description: "in the model's input order", choose: true });
  const picked = await window.showQuickPick(items, { title: `Feature columns (3/4) · label ${label}`, ignoreFocusOut: true });
  if (!picked) return undefined;
  if (!picked.choose) return picked.features ? { features: picked.features } : {};
  const sameFile = offer.current.file === columns.file ? offer.current.features : undefined;
  const chosen = await window.showQuickPick(
    others.map(c => ({ label: c.name, description: describeColumn(c), picked: sameFile ? sameFile.includes(c.name) : c.kind !== 'text' })),
    { title: `Feature columns of ${path.basename(columns.file)} (3/4)`, placeHolder: 'Check the features; they are used in this order', canPickMany: true, ignoreFocusOut: true },
  );
  if (!chosen || chosen.length === 0) return undefined;
  return { features: chosen.map(c => c.label) };
}

async function pickSave(offer: Candidates, what: string): Promise<'workspace' | 'reglintrc' | undefined> {
  const items: (QuickPickItem & { save: 'workspace' | 'reglintrc' })[] = [
    { label: '$(bookmark) Remember in this workspace', detail: 'kept by VS Code for this workspace; the CLI does not see it', save: 'workspace' },
  ];
  if (offer.saveTarget) {
    const where = workspace.asRelativePath(offer.saveTarget.configFile);
    items.push({
      label: `$(save) Save to .reglintrc.json`,
      description: offer.saveTarget.exists ? where : `new file: ${where}`,
      detail: 'shared with reglint train (the CLI) and everyone who uses this repository',
      save: 'reglintrc',
    });
  }
  const picked = await window.showQuickPick(items, { title: `Keep ${offer.model}'s data (${what}) (4/4)`, ignoreFocusOut: true });
  return picked?.save;
}

/** A .reglintrc.json open with unsaved changes would conflict with the server's write. */
async function configSaved(configFile: string): Promise<boolean> {
  const open = workspace.textDocuments.find(d => d.uri.scheme === 'file' && d.uri.fsPath === configFile);
  if (!open?.isDirty) return true;
  void window.showWarningMessage(`Reglint: ${workspace.asRelativePath(configFile)} has unsaved changes. Save it, then choose the data again.`);
  return false;
}

function announce(offer: Candidates, result: SetTrainingDataResult): void {
  const message = `Reglint: ${offer.model} trains on ${describe(result.data)}.`;
  const actions = ['Sanity-train now', ...(result.savedTo ? ['Open .reglintrc.json'] : [])];
  void window.showInformationMessage(message, ...actions).then(action => {
    if (action === 'Sanity-train now') void commands.executeCommand(SANITY_TRAIN_COMMAND, { uri: offer.uri, modelIndex: offer.modelIndex });
    else if (action === 'Open .reglintrc.json' && result.savedTo) void window.showTextDocument(Uri.file(result.savedTo));
  });
}

function describe(data: ModelData): string {
  if (data.from === 'none') return data.untrustedConfig ? 'synthetic data (.reglintrc.json data needs a trusted workspace)' : 'synthetic data';
  const file = data.file === SYNTHETIC || !data.file ? 'synthetic data' : workspace.asRelativePath(data.file);
  const where = data.from === 'workspace' ? '' : data.from === 'reglintrc' ? ' (.reglintrc.json)' : ' (settings)';
  return `${file}${data.label ? `, label ${data.label}` : ''}${where}`;
}

function describeColumn(c: Columns['columns'][number]): string {
  if (c.kind === 'vector') return `${c.width} numbers per row`;
  if (c.kind === 'text') return `text, ${c.distinct > 1000 ? 'over 1000' : c.distinct} distinct${c.distinct <= 10 ? `: ${c.examples.join(', ')}${c.distinct > c.examples.length ? ', …' : ''}` : ''}`;
  return `numbers, ${c.distinct > 1000 ? 'over 1000' : c.distinct} distinct`;
}

/** The accepted item of a QuickPick, or undefined when dismissed. */
function accept<T extends QuickPickItem>(quickPick: import('vscode').QuickPick<T>): Promise<T | undefined> {
  return new Promise(resolve => {
    let done = false;
    quickPick.onDidAccept(() => {
      done = true;
      resolve(quickPick.selectedItems[0] ?? quickPick.activeItems[0]);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      if (!done) resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
