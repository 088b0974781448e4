// `reglint.train.*` as the sanity-train command reads them (nested `{train: {data}}` as VS
// Code sends them, or flat `{"train.data": ...}`), validated; anything unusable keeps its
// default and is logged, like the other settings (settings.ts). budgetSeconds, seed and
// inputShape merge as defaults < `.reglintrc.json` `train.*` < editor settings, as rules do
// (the VS Code client sends only the values the user set: client/src/explicitSettings.ts).
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { TrainConfig } from '../config/reglintrc';
import { resolveFixSettings, type FixSettings } from '../fixes/types';
import { MAX_SAMPLES, MIN_SAMPLES, RECIPE } from '../training/recipe';
import type { WhatIfSettings } from '../training/whatIf';
import { filePathOf } from './fileUri';
import type { Logger } from './logger';
import { isRecord, normalizeFixSettings, settingsSection } from './settings';

export interface TrainSettings {
  budgetSeconds: number;
  seed: number;
  /** `reglint.train.samples`: synthetic rows for the memorization probe. */
  samples?: number;
  inputShape?: number[];
  /** `reglint.train.data` as written (resolved later against the workspace folder). */
  data?: string;
  features?: string[];
  label?: string;
  /** The quick fixes' values (`reglint.fix.*`): the what-if applies them exactly. */
  fix: FixSettings;
}

const MAX_BUDGET_SECONDS = 600;

export function normalizeTrainSettings(raw: unknown, logger?: Logger, project: TrainConfig = {}): TrainSettings {
  const settings: TrainSettings = {
    budgetSeconds: project.budgetSeconds !== undefined ? Math.min(project.budgetSeconds, MAX_BUDGET_SECONDS) : RECIPE.defaultBudgetSeconds,
    seed: project.seed ?? 1, fix: resolveFixSettings(),
  };
  if (project.inputShape) settings.inputShape = [...project.inputShape];
  if (!isRecord(raw)) return settings;
  const t = settingsSection(raw, 'train');
  const warn = (key: string, value: unknown, why: string) =>
    logger?.warn(`reglint.train.${key}: ${JSON.stringify(value)} ${why}; using the default.`);
  if (t.budgetSeconds !== undefined) {
    const b = t.budgetSeconds;
    if (typeof b === 'number' && Number.isFinite(b) && b > 0) settings.budgetSeconds = Math.min(b, MAX_BUDGET_SECONDS);
    else warn('budgetSeconds', b, 'is not a number of seconds > 0');
  }
  if (t.seed !== undefined) {
    if (typeof t.seed === 'number' && Number.isInteger(t.seed) && t.seed >= 0) settings.seed = t.seed;
    else warn('seed', t.seed, 'is not an integer ≥ 0');
  }
  if (t.samples !== undefined && t.samples !== null) {
    const n = t.samples;
    if (typeof n === 'number' && Number.isInteger(n) && n >= MIN_SAMPLES && n <= MAX_SAMPLES) settings.samples = n;
    else warn('samples', n, `is not an integer from ${MIN_SAMPLES} to ${MAX_SAMPLES}`);
  }
  if (t.inputShape !== undefined && t.inputShape !== null) {
    const s = t.inputShape;
    if (Array.isArray(s) && s.length > 0 && s.every(d => Number.isInteger(d) && (d as number) > 0)) settings.inputShape = s as number[];
    else warn('inputShape', s, 'is not a list of positive integers such as [28, 28, 1]');
  }
  if (typeof t.data === 'string' && t.data.trim() !== '') settings.data = t.data.trim();
  else if (t.data !== undefined && t.data !== null && t.data !== '') warn('data', t.data, 'is not a file path');
  const features = typeof t.features === 'string' ? t.features.split(',') : t.features;
  if (Array.isArray(features)) {
    const names = features.filter((f): f is string => typeof f === 'string').map(f => f.trim()).filter(Boolean);
    if (names.length) settings.features = names;
  } else if (features !== undefined && features !== null) warn('features', features, 'is not a list of column names');
  if (typeof t.label === 'string' && t.label.trim() !== '') settings.label = t.label.trim();
  settings.fix = normalizeFixSettings(raw);
  return settings;
}

/** A document's `reglint.train.*` (the defaults when the client does not answer workspace/configuration, or fails to). */
export async function fetchTrainSettings(
  connection: Connection, uri: string, pullsConfiguration: boolean, logger: Logger, project?: TrainConfig,
): Promise<TrainSettings> {
  if (!pullsConfiguration) return normalizeTrainSettings(undefined, logger, project);
  try {
    const [raw] = await connection.workspace.getConfiguration([{ scopeUri: uri, section: 'reglint' }]);
    return normalizeTrainSettings(raw, logger, project);
  } catch (error) {
    logger.warn(`Could not read reglint.train settings for ${uri} (${String(error)}); using defaults.`);
    return normalizeTrainSettings(undefined, logger, project);
  }
}

/** The what-if as the quick fixes would write it in this workspace. */
export function whatIfFromFix(fix: FixSettings): WhatIfSettings {
  return { dropoutRate: fix.denseDropoutRate, l2: fix.l2, rnnDropout: fix.recurrentDropout, convFix: fix.convRemedy };
}

/**
 * `reglint.train.data` → an absolute path: absolute as is; relative against the workspace
 * folder that contains the document (else the first folder, else the document's directory).
 */
export function resolveDataPath(data: string, documentUri: string, folderUris: readonly string[]): string | undefined {
  if (path.isAbsolute(data)) return data;
  const docPath = filePathOf(documentUri);
  const folders = folderUris.map(filePathOf).filter((p): p is string => !!p);
  const containing = docPath ? containingFolder(docPath, folders) : undefined;
  const base = containing ?? folders[0] ?? (docPath ? path.dirname(docPath) : undefined);
  return base ? path.join(base, data) : undefined;
}

/** The innermost of `folders` (paths) that holds `filePath`. */
export function containingFolder(filePath: string, folders: readonly string[]): string | undefined {
  return folders.filter(f => filePath.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
}
