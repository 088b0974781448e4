// Pull diagnostics (LSP 3.17 `textDocument/diagnostic` and `workspace/diagnostic`), for
// clients that declare `textDocument.diagnostic` (VS Code's client does). The client asks;
// the server answers with a report and a result id, and answers "unchanged" when the
// client already holds the report for that id. The workspace request covers files that
// are not open, so the Problems panel lists findings for the whole workspace.
//
// Clients without pull support get push diagnostics (server.ts) as before; a client gets
// one or the other, never both (VS Code would show each finding twice).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version as reglintVersion } from '../../../package.json';
import { mentionsTfjs } from '../analysis/parse';
import { lintText } from '../lint/lintText';
import { diagnoseDocument, MAX_DOCUMENT_CHARS } from './diagnoseDocument';
import type { DocumentStore } from './documentStore';
import { filePathOf } from './fileUri';
import { describeError, type Logger } from './logger';
import type { RuleDocLinks } from './ruleDocLinks';
import type { ReglintSettings } from './settings';
import type { AnalysisTimes } from './validationDelay';
import { listWorkspaceFiles } from './workspaceFiles';
import { stripBom } from '../text/bom';

export interface PullDiagnosticsDeps {
  connection: Connection;
  documents: DocumentStore;
  /** A document's settings, .reglintrc.json applied. */
  settingsFor(uri: string): Promise<ReglintSettings>;
  /** The editor's settings for a URI, without .reglintrc.json (one request per folder). */
  editorSettingsFor(uri: string): Promise<ReglintSettings>;
  /** Editor settings with the .reglintrc.json that governs `uri` applied (rules, include/exclude). */
  applyProjectConfig(uri: string, settings: ReglintSettings): ReglintSettings;
  /** An open document's diagnostics (lint findings and sanity-train results), analysis timed. */
  diagnose(document: TextDocument, settings: ReglintSettings): Diagnostic[];
  /** Analysis times, for the debounce. */
  analysisTimes: AnalysisTimes;
  logger: Logger;
  /** The workspace folders (file: URIs) whose files the workspace request reports. */
  workspaceFolders: () => readonly string[];
  /** How diagnostics link to rule pages (set at initialize). */
  docLinks(): RuleDocLinks;
}

interface DocumentResult {
  version: number;
  resultId: string;
  diagnostics: Diagnostic[];
}

interface FileResult {
  mtimeMs: number;
  size: number;
  resultId: string;
}

/** Files analysed between two yields to the event loop in a workspace request. */
const FILES_PER_SLICE = 8;

export class PullDiagnostics {
  private readonly documentResults = new Map<string, DocumentResult>();
  private readonly fileResults = new Map<string, FileResult>();
  /** Part of every result id: bumped when settings change, so old reports never match. */
  private settingsGeneration = 0;
  private sequence = 0;

  constructor(private readonly deps: PullDiagnosticsDeps) {}

  register(): void {
    const { connection } = this.deps;
    connection.languages.diagnostics.on((params, token) => this.documentDiagnostic(params, token));
    connection.languages.diagnostics.onWorkspace((params, token) => this.workspaceDiagnostic(params, token));
  }

  /** Settings changed: every report is stale. */
  invalidateAll(): void {
    this.settingsGeneration++;
    this.documentResults.clear();
    this.fileResults.clear();
  }

  forget(uri: string): void {
    this.documentResults.delete(uri);
  }

  private async documentDiagnostic(params: unknown, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/diagnostic needs params.textDocument.uri');
    const previousResultId = (params as { previousResultId?: unknown }).previousResultId;

    let document = this.deps.documents.get(uri);
    if (!document) return this.closedFileReport(uri, previousResultId);

    const cached = this.documentResults.get(uri);
    if (cached && cached.version === document.version) return this.report(cached.resultId, cached.diagnostics, previousResultId);

    // Debounce as push does (validationDelay.ts): the client asks on every keystroke and
    // cancels the request when the next one comes, so a superseded request costs nothing.
    const settings = await this.deps.settingsFor(uri);
    const delay = cached ? this.deps.analysisTimes.delayAfterEdit(uri, settings.debounceMs) : 0;
    if (delay > 0) await new Promise(resolve => setTimeout(resolve, delay));
    if (token.isCancellationRequested) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer edit', { retriggerRequest: false });
    }
    document = this.deps.documents.get(uri);
    if (!document) return this.closedFileReport(uri, previousResultId);
    const again = this.documentResults.get(uri);
    if (again && again.version === document.version) return this.report(again.resultId, again.diagnostics, previousResultId);

    const result: DocumentResult = {
      version: document.version,
      resultId: `${this.settingsGeneration}:${document.version}:${++this.sequence}`,
      diagnostics: this.deps.diagnose(document, settings),
    };
    this.documentResults.set(uri, result);
    return this.report(result.resultId, result.diagnostics, previousResultId);
  }

  /** A document the client has not opened: read from disk (file: URIs), else nothing. */
  private async closedFileReport(uri: string, previousResultId: unknown): Promise<DocumentDiagnosticReport> {
    const filePath = filePathOf(uri);
    if (!filePath) return { kind: 'full', items: [] };
    const settings = await this.deps.settingsFor(uri);
    const report = await this.fileReport(filePath, uri, settings, previousResultId);
    if (!report) return { kind: 'full', items: [] };
    return report.kind === 'unchanged' ? { kind: 'unchanged', resultId: report.resultId } : { kind: 'full', resultId: report.resultId, items: report.items };
  }

  private report(resultId: string, diagnostics: Diagnostic[], previousResultId: unknown): DocumentDiagnosticReport {
    return previousResultId === resultId ? { kind: 'unchanged', resultId } : { kind: 'full', resultId, items: diagnostics };
  }

  private async workspaceDiagnostic(params: unknown, token: CancellationToken): Promise<{ items: WorkspaceDocumentDiagnosticReport[] }> {
    const previous = new Map<string, string>();
    const given = (params as { previousResultIds?: unknown } | null)?.previousResultIds;
    if (Array.isArray(given)) {
      for (const entry of given) {
        if (typeof entry?.uri === 'string' && typeof entry?.value === 'string') previous.set(entry.uri, entry.value);
      }
    }
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const folder of this.deps.workspaceFolders()) {
      const folderPath = filePathOf(folder);
      if (!folderPath) continue;
      // The editor's settings once per folder; each file gets the .reglintrc.json nearest to it.
      const editorSettings = await this.deps.editorSettingsFor(folder);
      const files = await listWorkspaceFiles(folderPath);
      for (let i = 0; i < files.length; i++) {
        if (i % FILES_PER_SLICE === 0) {
          // Let edits and document requests through between slices.
          await new Promise(resolve => setImmediate(resolve));
          if (token.isCancellationRequested) {
            throw new ResponseError(LSPErrorCodes.ServerCancelled, 'workspace diagnostics cancelled', { retriggerRequest: true });
          }
        }
        const uri = pathToFileURL(files[i]!).href;
        if (this.deps.documents.get(uri)) continue; // open documents are reported by textDocument/diagnostic
        const report = await this.fileReport(files[i]!, uri, this.deps.applyProjectConfig(uri, editorSettings), previous.get(uri));
        if (!report) continue;
        items.push(report.kind === 'unchanged'
          ? { kind: 'unchanged', uri, version: null, resultId: report.resultId }
          : { kind: 'full', uri, version: null, resultId: report.resultId, items: report.items });
      }
    }
    return { items };
  }

  /**
   * One file on disk. Unchanged size and mtime reuse the last result id without reading
   * the file; otherwise the result id is a hash of the content, reglint's version and the
   * settings generation, so an edit that restores the old content is "unchanged" again.
   */
  private async fileReport(
    filePath: string, uri: string, settings: ReglintSettings, previousResultId: unknown,
  ): Promise<{ kind: 'unchanged'; resultId: string } | { kind: 'full'; resultId: string; items: Diagnostic[] } | undefined> {
    let stats;
    try {
      stats = await stat(filePath);
    } catch {
      this.fileResults.delete(uri);
      return undefined;
    }
    if (!stats.isFile()) return undefined;
    const known = this.fileResults.get(uri);
    if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size && known.resultId === previousResultId) {
      return { kind: 'unchanged', resultId: known.resultId };
    }
    let text: string;
    try {
      if (stats.size > MAX_DOCUMENT_CHARS * 3) return undefined;
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      this.deps.logger.warn(`Could not read ${filePath}: ${describeError(error)}`);
      return undefined;
    }
    text = stripBom(text);
    const resultId = createHash('sha1').update(text).update(`\0${reglintVersion}\0${this.settingsGeneration}`).digest('base64url');
    this.fileResults.set(uri, { mtimeMs: stats.mtimeMs, size: stats.size, resultId });
    if (resultId === previousResultId) return { kind: 'unchanged', resultId };
    let items: Diagnostic[] = [];
    if (mentionsTfjs(text)) {
      // fileNameOf keeps the path's own extension, so the language id changes nothing.
      items = diagnoseDocument(TextDocument.create(uri, 'typescript', 0, text), settings, this.deps.logger, lintText, this.deps.docLinks()).diagnostics;
    }
    return { kind: 'full', resultId, items };
  }
}
