// Quick fixes, suppressions and fix-all as LSP code actions, and the fix-all command.
//
// - `textDocument/codeAction`: for each reglint diagnostic the client sends, the fixes of
//   the finding it stands for (the preferred one `isPreferred`), then "Disable <rule> for
//   this line / file". The finding is found by re-linting the document's current text and
//   matching rule id and range: the client's copy of the diagnostic is never trusted to
//   carry anything more (Neovim 0.7 keeps only `code`, and drops `source`).
// - `source.fixAll.reglint`: every finding's preferred fix in one edit (fixes/fixAll.ts),
//   for `"editor.codeActionsOnSave": {"source.fixAll.reglint": "explicit"}`. Computed when
//   asked for with `only`; otherwise listed when something is fixable, its edit computed on
//   `codeAction/resolve` when the client supports that.
// - the `reglint.applyFixAll` command ({uri, version?}): the same edit, sent to the client
//   with workspace/applyEdit ("Reglint: Fix all in file" in VS Code).
//
// Fix code may throw on a shape nobody foresaw: every call is guarded, the error logged,
// and what was computed so far is returned.
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelGraph } from '../analysis/modelGraph';
import { fixAll, fixesFor, preferredFixFor, suppressionFix, type FixSettings, type TextEdit } from '../fixes';
import { measuredFixesFor, type MeasuredRemedy } from '../fixes/measuredFixes';
import { lintText, type LintMessage, type LintOptions, type LintResult } from '../lint/lintText';
import { UNUSED_DIRECTIVE_RULE_ID } from '../lint/suppressions';
import type { ServerCommands } from './commands';
import { fileNameOf, MAX_DOCUMENT_CHARS } from './diagnoseDocument';
import type { DocumentStore } from './documentStore';
import { describeError, type Logger } from './logger';
import { minimalEdits } from './minimalEdits';
import { DIAGNOSTIC_SOURCE } from './toDiagnostic';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.reglint`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];
/** Server-side fix-all (the extension's own command is `reglint.fixAll`). */
export const APPLY_FIX_ALL_COMMAND = 'reglint.applyFixAll';
export const FIX_ALL_TITLE = 'Fix all auto-fixable reglint problems';

/** What linting and fixing a document needs, as the server resolves it per document. */
export interface FixOptions {
  enabled: boolean;
  lintOptions: LintOptions;
  fixSettings: FixSettings;
}

export interface CodeActionDeps {
  connection: Connection;
  documents: DocumentStore;
  commands: ServerCommands;
  logger: Logger;
  optionsFor(uri: string): Promise<FixOptions>;
  /**
   * The remedies a fresh sanity-train measured for the model holding this layer (graph
   * index), ranked; undefined when there is no result or the model changed since.
   */
  measuredRemedies?(uri: string, text: string, graph: ModelGraph, layer: number): MeasuredRemedy[] | undefined;
}

/** `data` of a fix-all action whose edit is left for codeAction/resolve. */
interface FixAllData {
  reglintFixAll: { uri: string; version: number };
}

export interface ApplyFixAllResult {
  /** Whether the client applied the edit (false when there was nothing to apply). */
  applied: boolean;
  /** How many fixes the edit contains. */
  fixes: number;
}

/** Client abilities that change the shape of what the server sends. */
interface ClientSupport {
  documentChanges: boolean;
  resolveEdit: boolean;
  applyEdit: boolean;
}

export class CodeActionProvider {
  private support: ClientSupport = { documentChanges: false, resolveEdit: false, applyEdit: false };
  /**
   * The last text linted, with its options: clients ask for code actions on every cursor
   * move (VS Code for its light bulb), mostly for text that has not changed since.
   */
  private readonly cache = new LintCache();

  constructor(private readonly deps: CodeActionDeps) {
    deps.commands.register(APPLY_FIX_ALL_COMMAND, args => this.applyFixAll(args[0]));
  }

  /** From `initialize`: the capabilities to advertise (merge into the server's). */
  initialize(client: ClientCapabilities): { codeActionProvider: { codeActionKinds: string[]; resolveProvider: boolean } } {
    this.support = {
      documentChanges: client.workspace?.workspaceEdit?.documentChanges === true,
      resolveEdit: client.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true,
      applyEdit: client.workspace?.applyEdit === true,
    };
    return { codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true } };
  }

  listen(): void {
    const { connection, logger } = this.deps;
    connection.onCodeAction(async params => {
      try {
        return await this.codeActions(params);
      } catch (error) {
        logger.error(`Code actions for ${params.textDocument.uri} failed:\n${describeError(error)}`);
        return [];
      }
    });
    connection.onCodeActionResolve(async action => {
      try {
        return await this.resolve(action);
      } catch (error) {
        logger.error(`Resolving the code action "${action.title}" failed:\n${describeError(error)}`);
        return action;
      }
    });
  }

  async codeActions({ textDocument, context }: CodeActionParams): Promise<CodeAction[]> {
    const document = this.deps.documents.get(textDocument.uri);
    if (!document || document.getText().length > MAX_DOCUMENT_CHARS) return [];
    const options = await this.deps.optionsFor(document.uri);
    if (!options.enabled) return [];
    // The settings may have taken a while: work on the text as it is now, consistently.
    const current = this.deps.documents.get(textDocument.uri);
    if (!current) return [];
    const snapshot = new Snapshot(current, options, this.deps.logger, this.cache, this.deps.measuredRemedies);

    const only = context.only;
    const wants = (kind: string) => !only || only.some(o => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];

    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) {
        const message = snapshot.findingFor(diagnostic);
        if (message) actions.push(...snapshot.quickFixes(message, diagnostic, this.support.documentChanges));
      }
    }

    if (wants(FIX_ALL_KIND)) {
      // Asked for by kind (on save, or from a "Source Action" menu): compute it now.
      const askedFor = only !== undefined;
      if (askedFor || !this.support.resolveEdit) {
        const edit = snapshot.fixAllEdit(this.support.documentChanges);
        if (edit) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: edit.edit });
      } else if (snapshot.anyFixable()) {
        const data: FixAllData = { reglintFixAll: { uri: current.uri, version: current.version } };
        actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data });
      }
    }
    return actions;
  }

  async resolve(action: CodeAction): Promise<CodeAction> {
    const data = (action.data as Partial<FixAllData> | undefined)?.reglintFixAll;
    if (action.edit || !data || typeof data.uri !== 'string') return action;
    const document = this.deps.documents.get(data.uri);
    // Edited since the action was listed: an edit for the old text would be wrong.
    if (!document || document.version !== data.version) return action;
    const options = await this.deps.optionsFor(document.uri);
    const current = this.deps.documents.get(data.uri);
    if (!options.enabled || !current || current.version !== data.version) return action;
    const edit = new Snapshot(current, options, this.deps.logger, this.cache).fixAllEdit(this.support.documentChanges);
    return edit ? { ...action, edit: edit.edit } : action;
  }

  /** The `reglint.applyFixAll` command: `{uri, version?}`, the version the client saw. */
  async applyFixAll(arg: unknown): Promise<ApplyFixAllResult> {
    const { uri, version } = (typeof arg === 'object' && arg !== null ? arg : {}) as { uri?: unknown; version?: unknown };
    if (typeof uri !== 'string') throw new Error(`${APPLY_FIX_ALL_COMMAND} expects {uri, version?}.`);
    const document = this.deps.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open.`);
    const options = await this.deps.optionsFor(uri);
    const current = this.deps.documents.get(uri);
    if (!options.enabled || !current) return { applied: false, fixes: 0 };
    if (typeof version === 'number' && current.version !== version) {
      this.deps.logger.info(`${APPLY_FIX_ALL_COMMAND}: ${uri} changed (version ${version} → ${current.version}); nothing applied.`);
      return { applied: false, fixes: 0 };
    }
    const result = new Snapshot(current, options, this.deps.logger, this.cache).fixAllEdit(this.support.documentChanges);
    if (!result) return { applied: false, fixes: 0 };
    if (!this.support.applyEdit) throw new Error('The client does not support workspace/applyEdit.');
    const response = await this.deps.connection.workspace.applyEdit({ label: 'Reglint: Fix all', edit: result.edit });
    if (!response.applied) {
      this.deps.logger.info(`The client did not apply the fix-all edit to ${uri}${response.failureReason ? `: ${response.failureReason}` : ''}.`);
    }
    return { applied: response.applied, fixes: response.applied ? result.fixes : 0 };
  }
}

/** Rules whose fixes the sanity-train's what-if measures. */
const MEASURED_RULES = new Set(['dense-unregularized', 'conv-unregularized', 'recurrent-unregularized']);

/** One entry: the text, file name and options last linted, the result, whether fix-all has work. */
class LintCache {
  private entry: { text: string; fileName: string; optionsKey: string; result: LintResult; anyFixable?: boolean } | undefined;

  get(text: string, fileName: string, options: FixOptions) {
    const entry = this.entry;
    return entry && entry.text === text && entry.fileName === fileName && entry.optionsKey === JSON.stringify(options) ? entry : undefined;
  }

  set(text: string, fileName: string, options: FixOptions, result: LintResult) {
    this.entry = { text, fileName, optionsKey: JSON.stringify(options), result };
    return this.entry;
  }
}

/** One version of one document, linted once, with everything computed against that text. */
class Snapshot {
  private readonly text: string;
  private readonly fileName: string;
  private linted: LintResult | undefined | null = null;

  constructor(
    private readonly document: TextDocument,
    private readonly options: FixOptions,
    private readonly logger: Logger,
    private readonly cache: LintCache,
    private readonly measured?: CodeActionDeps['measuredRemedies'],
  ) {
    this.text = document.getText();
    this.fileName = fileNameOf(document);
  }

  private lint(): LintResult | undefined {
    if (this.linted === null) {
      const cached = this.cache.get(this.text, this.fileName, this.options);
      this.linted = cached?.result ?? this.guard('lint', undefined, () => lintText(this.text, this.fileName, this.options.lintOptions));
      if (!cached && this.linted) this.cache.set(this.text, this.fileName, this.options, this.linted);
    }
    return this.linted;
  }

  /** The current finding a client diagnostic stands for: same rule, same range. */
  findingFor(diagnostic: Diagnostic): LintMessage | undefined {
    if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
    if (diagnostic.code === undefined || diagnostic.code === null || !diagnostic.range) return undefined;
    const code = String(diagnostic.code);
    return this.lint()?.messages.find(message => message.ruleId === code && sameRange(this.range(message.span), diagnostic.range));
  }

  quickFixes(message: LintMessage, diagnostic: Diagnostic, documentChanges: boolean): CodeAction[] {
    const graph = this.lint()!.graph;
    const actions: CodeAction[] = [];
    // After a sanity-train on the user's data, the regularization fixes follow what it measured.
    const measured = message.layer !== undefined && MEASURED_RULES.has(message.ruleId)
      ? this.guard('measured remedies', undefined, () => this.measured?.(this.document.uri, this.text, graph, message.layer!))
      : undefined;
    const fixes = this.guard(`fixes for ${message.ruleId}`, [], () => measured?.length
      ? measuredFixesFor(this.text, graph, message, this.options.fixSettings, measured)
      : fixesFor(this.text, graph, message, this.options.fixSettings));
    for (const fix of fixes) {
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: this.workspaceEdit(fix.edits, documentChanges),
      };
      if (fix.isPreferred) action.isPreferred = true;
      actions.push(action);
    }
    const suppressions = this.guard(`suppressions for ${message.ruleId}`, [], () => suppressionFix(this.text, message, this.fileName));
    for (const fix of suppressions) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: this.workspaceEdit(fix.edits, documentChanges),
      });
    }
    return actions;
  }

  /** Whether fix-all would do something (some finding has a preferred fix). */
  anyFixable(): boolean {
    const linted = this.lint();
    if (!linted) return false;
    const cached = this.cache.get(this.text, this.fileName, this.options);
    if (cached?.anyFixable !== undefined) return cached.anyFixable;
    const anyFixable = linted.messages.some(message =>
      message.ruleId !== UNUSED_DIRECTIVE_RULE_ID &&
      this.guard(`fixes for ${message.ruleId}`, undefined, () =>
        preferredFixFor(this.text, linted.graph, message, this.options.fixSettings)) !== undefined,
    );
    if (cached) cached.anyFixable = anyFixable;
    return anyFixable;
  }

  fixAllEdit(documentChanges: boolean): { edit: WorkspaceEdit; fixes: number } | undefined {
    // The text was linted with these options already (when that lint succeeded): start from it.
    const linted = this.lint();
    const result = this.guard('fix-all', undefined, () =>
      fixAll(this.text, this.fileName, this.options.lintOptions, this.options.fixSettings, linted));
    if (!result || result.appliedCount === 0 || result.output === this.text) return undefined;
    return { edit: this.workspaceEdit(minimalEdits(this.text, result.output), documentChanges), fixes: result.appliedCount };
  }

  private workspaceEdit(edits: readonly TextEdit[], documentChanges: boolean): WorkspaceEdit {
    const textEdits: LspTextEdit[] = edits.map(edit => ({ range: this.range(edit), newText: edit.newText }));
    const { uri, version } = this.document;
    return documentChanges
      ? { documentChanges: [{ textDocument: { uri, version }, edits: textEdits }] }
      : { changes: { [uri]: textEdits } };
  }

  private range(span: { start: number; end: number }): Range {
    return { start: this.document.positionAt(span.start), end: this.document.positionAt(span.end) };
  }

  private guard<T>(what: string, fallback: T, compute: () => T): T {
    try {
      return compute();
    } catch (error) {
      this.logger.error(`reglint ${what} failed on ${this.document.uri} (version ${this.document.version}):\n${describeError(error)}`);
      return fallback;
    }
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character &&
    a.end.line === b.end.line && a.end.character === b.end.character;
}
