// The `reglint.*` settings as the server sees them, and where they come from: pulled
// per document with workspace/configuration when the client supports it (VS Code does),
// otherwise the last settings pushed with workspace/didChangeConfiguration, otherwise
// the defaults. Resolved settings are cached per document until the configuration changes.
import { DEFAULT_FIX_SETTINGS, resolveFixSettings, type FixSettings } from '../fixes/types';
import type { SeveritySetting } from '../rules/rule';
import type { Logger } from './logger';

export interface ReglintSettings {
  /** False turns all diagnostics off. */
  enable: boolean;
  /** Severity overrides by rule id; rules not listed keep their default severity. */
  rules: Record<string, SeveritySetting>;
  /**
   * Upper bound (ms) of the quiet time after an edit before the document is re-analysed.
   * The actual delay adapts to the document's analysis time (see validationDelay.ts).
   */
  debounceMs: number;
  /** `reglint.fix.*`: the values the quick fixes write (sanitised by resolveFixSettings). */
  fix: FixSettings;
  /** `reglint.crossFile.depth`: import hops followed into the workspace's own modules (0: single-file). */
  crossFileDepth: number;
}

export const DEFAULT_SETTINGS: Readonly<ReglintSettings> = Object.freeze({
  enable: true,
  rules: {},
  debounceMs: 100,
  fix: DEFAULT_FIX_SETTINGS,
  crossFileDepth: 1,
});

const SEVERITY_SETTINGS: ReadonlySet<string> = new Set(['off', 'hint', 'info', 'warning', 'error']);
const MAX_DEBOUNCE_MS = 5_000;
const MAX_CROSS_FILE_DEPTH = 3;

/**
 * Turns whatever the client sent for the `reglint` section into settings, keeping the
 * default for anything missing or malformed (and saying so in the log), so a typo in
 * settings.json never stops validation.
 */
export function normalizeSettings(raw: unknown, logger?: Logger): ReglintSettings {
  const settings: ReglintSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (!isRecord(raw)) return settings;

  if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
  else if (raw.enable !== undefined) logger?.warn(`reglint.enable must be true or false; using ${settings.enable}.`);

  if (raw.debounceMs !== undefined) {
    const ms = raw.debounceMs;
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) settings.debounceMs = Math.min(ms, MAX_DEBOUNCE_MS);
    else logger?.warn(`reglint.debounceMs must be a number of milliseconds ≥ 0; using ${settings.debounceMs}.`);
  }

  const depth = isRecord(raw.crossFile) ? raw.crossFile.depth : raw['crossFile.depth'];
  if (depth !== undefined) {
    if (typeof depth === 'number' && Number.isInteger(depth) && depth >= 0 && depth <= MAX_CROSS_FILE_DEPTH) settings.crossFileDepth = depth;
    else logger?.warn(`reglint.crossFile.depth must be a whole number from 0 to ${MAX_CROSS_FILE_DEPTH}; using ${settings.crossFileDepth}.`);
  }

  // VS Code nests dotted keys (`reglint.rules.x` arrives as {rules: {x}}); other clients
  // may send them flat (`{"rules.x": ...}`). Accept both.
  const ruleEntries: [string, unknown][] = [];
  if (isRecord(raw.rules)) ruleEntries.push(...Object.entries(raw.rules));
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('rules.')) ruleEntries.push([key.slice('rules.'.length), value]);
  }
  for (const [ruleId, value] of ruleEntries) {
    if (typeof value === 'string' && SEVERITY_SETTINGS.has(value)) {
      settings.rules[ruleId] = value as SeveritySetting;
    } else if (value !== undefined && value !== null) {
      logger?.warn(`reglint.rules.${ruleId}: ${JSON.stringify(value)} is not one of off, hint, info, warning, error; keeping the rule's default.`);
    }
  }
  settings.fix = normalizeFixSettings(raw, logger);
  return settings;
}

/** `reglint.fix.*`, nested (`{fix: {l2}}`, VS Code) or flat (`{"fix.l2": ...}`). */
export function normalizeFixSettings(raw: Record<string, unknown>, logger?: Logger): FixSettings {
  const given = settingsSection(raw, 'fix');
  const fix = resolveFixSettings(given as Partial<FixSettings>);
  for (const key of Object.keys(DEFAULT_FIX_SETTINGS) as (keyof FixSettings)[]) {
    const value = given[key];
    if (value !== undefined && value !== null && value !== fix[key]) {
      logger?.warn(`reglint.fix.${key}: ${JSON.stringify(value)} is not usable; using ${JSON.stringify(fix[key])}.`);
    }
  }
  return fix;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys under `name`, nested (`{name: {key}}`, VS Code) or flat (`{"name.key": ...}`); flat wins. */
export function settingsSection(raw: Record<string, unknown>, name: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (isRecord(raw[name])) Object.assign(out, raw[name]);
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(`${name}.`)) out[key.slice(name.length + 1)] = value;
  }
  return out;
}

/** Fetches the raw `reglint` section for a document (workspace/configuration). */
export type ConfigurationFetcher = (uri: string) => Promise<unknown>;

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<ReglintSettings>>();
  private readonly resolved = new Map<string, ReglintSettings>();
  /** Settings pushed by a client that cannot be asked (no workspace/configuration). */
  private pushed: ReglintSettings = { ...DEFAULT_SETTINGS, rules: {} };
  private fetcher: ConfigurationFetcher | undefined;

  constructor(private readonly logger: Logger) {}

  /** Called once the client said it answers workspace/configuration. */
  usePullModel(fetcher: ConfigurationFetcher): void {
    this.fetcher = fetcher;
    this.clear();
  }

  /** workspace/didChangeConfiguration: forget everything; `settings` is the pushed payload. */
  configurationChanged(pushedSettings: unknown): void {
    if (!this.fetcher && isRecord(pushedSettings)) {
      this.pushed = normalizeSettings(pushedSettings.reglint, this.logger);
    }
    this.clear();
  }

  get(uri: string): Promise<ReglintSettings> {
    const fetcher = this.fetcher;
    if (!fetcher) return Promise.resolve(this.pushed);
    let pending = this.byUri.get(uri);
    if (!pending) {
      pending = fetcher(uri).then(
        raw => normalizeSettings(raw, this.logger),
        (error: unknown) => {
          this.logger.warn(`Could not read reglint settings for ${uri} (${String(error)}); using defaults.`);
          return { ...DEFAULT_SETTINGS, rules: {} };
        },
      );
      this.byUri.set(uri, pending);
      void pending.then(settings => {
        if (this.byUri.get(uri) === pending) this.resolved.set(uri, settings);
      });
    }
    return pending;
  }

  /** The settings already known for a document, without waiting (defaults if none yet). */
  peek(uri: string): ReglintSettings {
    return this.fetcher ? (this.resolved.get(uri) ?? DEFAULT_SETTINGS) : this.pushed;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.resolved.delete(uri);
  }

  private clear(): void {
    this.byUri.clear();
    this.resolved.clear();
  }
}
