// `.reglintrc.json` in the language server.
//
// - Each document (file: URIs) gets the config nearest to it (config/configLoader.ts).
//   Settings merge as defaults < .reglintrc.json < editor settings: the editor's `reglint.*`
//   settings win, and only those the user set reach the server (the VS Code client sends
//   explicitly set `rules`/`fix` values only, see client/src/explicitSettings.ts).
// - Files the config's include/exclude leave out get no diagnostics.
// - Config files are watched (workspace/didChangeWatchedFiles, registered dynamically on
//   `**/.reglintrc.json`) and re-read on change.
// - A config file that does not parse or validate gets diagnostics on the file itself; the
//   last good version of it stays in force (or the defaults, if it never was valid). The
//   server never fails because of a config file.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import {
  DiagnosticSeverity,
  FileChangeType,
  type Connection,
  type Diagnostic,
  type FileEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_FIX_SETTINGS, resolveFixSettings, type FixSettings } from '../fixes/types';
import { ConfigLoader, isIncluded, type ConfigFileState } from '../config/configLoader';
import { CONFIG_FILE_NAME, emptyConfig, type ReglintConfig } from '../config/reglintrc';
import { filePathOf } from './fileUri';
import { describeError, type Logger } from './logger';
import type { ReglintSettings } from './settings';
import { DIAGNOSTIC_SOURCE } from './toDiagnostic';

export const CONFIG_WATCH_GLOB = `**/${CONFIG_FILE_NAME}`;
export const INVALID_CONFIG_CODE = 'reglint-invalid-config';

export class ProjectConfigs {
  private readonly loader = new ConfigLoader();
  /** Per config file, the state whose diagnostics were last published (by identity). */
  private readonly published = new Map<string, ConfigFileState | null>();

  constructor(
    private readonly connection: Pick<Connection, 'sendDiagnostics'>,
    private readonly logger: Logger,
  ) {}

  /** The configuration for a document (the empty config for non-file URIs or on any failure). */
  forDocument(uri: string): ReglintConfig {
    const filePath = filePathOf(uri);
    if (filePath === undefined) return emptyConfig();
    try {
      const resolved = this.loader.forFile(filePath);
      if (resolved.file) this.report(resolved.file);
      return resolved.config;
    } catch (error) {
      this.logger.error(`Could not load ${CONFIG_FILE_NAME} for ${uri}:\n${describeError(error)}`);
      return emptyConfig();
    }
  }

  /** Editor settings over the document's .reglintrc.json (see the top of this file). */
  apply(uri: string, settings: ReglintSettings): ReglintSettings {
    const config = this.forDocument(uri);
    const filePath = filePathOf(uri);
    const included = filePath === undefined || isIncluded(config, filePath);
    const applied: ReglintSettings = { ...settings, enable: settings.enable && included, rules: { ...config.rules, ...settings.rules } };
    // settings.fix arrives resolved (every key filled in), so a value equal to the default
    // counts as "not set in the editor" and the config file's value applies.
    if (settings.fix && Object.keys(config.fix).length > 0) {
      const fix = { ...settings.fix } as Record<string, unknown>;
      for (const [key, value] of Object.entries(config.fix)) {
        if (fix[key] === (DEFAULT_FIX_SETTINGS as Record<string, unknown>)[key]) fix[key] = value;
      }
      applied.fix = resolveFixSettings(fix as Partial<FixSettings>);
    }
    return applied;
  }

  /**
   * workspace/didChangeWatchedFiles. Returns whether a config file changed (the caller
   * then re-validates the open documents).
   */
  filesChanged(changes: readonly FileEvent[]): boolean {
    let changed = false;
    for (const change of changes) {
      const filePath = filePathOf(change.uri);
      if (filePath === undefined || path.basename(filePath) !== CONFIG_FILE_NAME) continue;
      changed = true;
      if (change.type === FileChangeType.Deleted) {
        this.loader.forget(filePath);
        this.clear(filePath);
        this.logger.info(`${filePath} was deleted.`);
        continue;
      }
      this.loader.invalidate(filePath);
      const state = this.loader.load(filePath);
      this.report(state);
      this.logger.info(
        state.problems.length === 0
          ? `Loaded ${filePath}.`
          : `${filePath} is invalid (${state.problems.length} problem${state.problems.length === 1 ? '' : 's'}); ${state.usingLastGood ? 'its last valid version stays in force' : 'using the defaults'}.`,
      );
    }
    return changed;
  }

  private report(state: ConfigFileState): void {
    if (this.published.get(state.filePath) === state) return;
    const hadProblems = (this.published.get(state.filePath)?.problems.length ?? 0) > 0;
    this.published.set(state.filePath, state);
    if (state.problems.length === 0 && !hadProblems) return;
    const text = TextDocument.create(pathToFileURL(state.filePath).href, 'jsonc', 0, state.text);
    const fallback = state.usingLastGood
      ? 'The last valid version of this file stays in force until this is fixed.'
      : 'reglint uses its default settings until this is fixed.';
    const diagnostics: Diagnostic[] = state.problems.map((problem) => ({
      range: { start: text.positionAt(problem.offset), end: text.positionAt(problem.offset + problem.length) },
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code: INVALID_CONFIG_CODE,
      message: `${problem.message} ${fallback}`,
    }));
    void this.connection.sendDiagnostics({ uri: pathToFileURL(state.filePath).href, diagnostics });
  }

  private clear(filePath: string): void {
    if ((this.published.get(filePath)?.problems.length ?? 0) > 0) {
      void this.connection.sendDiagnostics({ uri: pathToFileURL(filePath).href, diagnostics: [] });
    }
    this.published.delete(filePath);
  }
}
