// Which data a model trains on in the editor, and why. In order:
//   1. the choice made for it in this workspace ("Choose data…"), by file and model name,
//      so it survives edits (not renames);
//   2. the `train.data` entry of its `.reglintrc.json` that matches it; in a workspace the
//      user has not trusted (VS Code's Workspace Trust) this is not used, as VS Code does not
//      use the workspace's own `reglint.train.data` (a restricted setting) there: both are
//      paths the workspace chose, not the user;
//   3. `reglint.train.data` (settings), relative to the workspace folder;
//   4. the synthetic data.
// The choices live in the server for its lifetime; VS Code's client keeps them in its
// workspace state and hands them back at start (initializationOptions.trainingDataChoices).
import * as path from 'node:path';
import { CONFIG_FILE_NAME, SYNTHETIC_DATA, type ReglintConfig } from '../config/reglintrc';
import { configuredTrainData } from '../config/trainData';
import { filePathOf } from './fileUri';
import { resolveDataPath, type TrainSettings } from './sanityTrainSettings';

/** One model's data as chosen in the workspace. `file`: an absolute path, or `synthetic`. */
export interface StoredChoice {
  /** The model's document. */
  uri: string;
  model: string;
  file: string;
  label?: string;
  features?: string[];
}

export type DataOrigin = 'workspace' | 'reglintrc' | 'settings' | 'none';

/** The data sanity-train uses for a model, and where that comes from. */
export interface ModelData {
  from: DataOrigin;
  /** Absolute path, or `synthetic`; absent with `from: 'none'` (synthetic data, nothing chosen). */
  file?: string;
  label?: string;
  features?: string[];
  /** The `.reglintrc.json` the data comes from (`from: 'reglintrc'`). */
  configFile?: string;
  /** A `.reglintrc.json` entry that applies but is not used: the workspace is not trusted. */
  untrustedConfig?: { configFile: string; file: string };
}

export class TrainingDataChoices {
  private readonly choices = new Map<string, StoredChoice>();

  /** Loads what the client kept (anything malformed is skipped). */
  load(raw: unknown): void {
    if (!Array.isArray(raw)) return;
    for (const item of raw) {
      const choice = asChoice(item);
      if (choice) this.choices.set(keyOf(choice.uri, choice.model), choice);
    }
  }

  get(uri: string, model: string): StoredChoice | undefined {
    return this.choices.get(keyOf(uri, model));
  }

  set(choice: StoredChoice): void {
    this.choices.set(keyOf(choice.uri, choice.model), choice);
  }

  delete(uri: string, model: string): boolean {
    return this.choices.delete(keyOf(uri, model));
  }

  all(): StoredChoice[] {
    return [...this.choices.values()];
  }
}

/** The precedence at the top of this file. */
export function modelData(
  choice: StoredChoice | undefined,
  config: ReglintConfig,
  uri: string,
  model: string,
  settings: Pick<TrainSettings, 'data' | 'label' | 'features'>,
  folders: readonly string[],
  projectDataAllowed: boolean,
): ModelData {
  if (choice) return withColumns({ from: 'workspace', file: choice.file }, choice);
  const filePath = filePathOf(uri);
  const entry = filePath !== undefined ? configuredTrainData(config, filePath, model) : undefined;
  const configFile = config.baseDir !== undefined ? path.join(config.baseDir, CONFIG_FILE_NAME) : undefined;
  let untrustedConfig: ModelData['untrustedConfig'];
  if (entry && configFile) {
    if (projectDataAllowed) return withColumns({ from: 'reglintrc', file: entry.file, configFile }, entry);
    untrustedConfig = { configFile, file: entry.file };
  }
  const fromSettings = settings.data !== undefined ? resolveDataPath(settings.data, uri, folders) : undefined;
  const data: ModelData = fromSettings ? withColumns({ from: 'settings', file: fromSettings }, settings) : { from: 'none' };
  if (untrustedConfig) data.untrustedConfig = untrustedConfig;
  return data;
}

/** Whether the model trains on a data file (not on synthetic data). */
export function dataFileOf(data: ModelData): string | undefined {
  return data.file !== undefined && data.file !== SYNTHETIC_DATA ? data.file : undefined;
}

function withColumns(data: ModelData, columns: { label?: string; features?: string[] }): ModelData {
  if (columns.label) data.label = columns.label;
  if (columns.features?.length) data.features = [...columns.features];
  return data;
}

function keyOf(uri: string, model: string): string {
  return `${uri}#${model}`;
}

function asChoice(raw: unknown): StoredChoice | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.uri !== 'string' || typeof r.model !== 'string' || typeof r.file !== 'string' || r.file === '') return undefined;
  if (r.file !== SYNTHETIC_DATA && !path.isAbsolute(r.file)) return undefined;
  const choice: StoredChoice = { uri: r.uri, model: r.model, file: r.file };
  if (typeof r.label === 'string' && r.label !== '') choice.label = r.label;
  if (Array.isArray(r.features) && r.features.every(f => typeof f === 'string') && r.features.length > 0) choice.features = [...r.features] as string[];
  return choice;
}
