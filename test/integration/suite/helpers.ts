// Helpers for the integration suite, which runs inside a real VS Code extension host
// (code-server here and in CI, or the VS Code that @vscode/test-electron downloads).
import * as assert from 'node:assert/strict';
import { format } from 'node:util';
import * as vscode from 'vscode';

/**
 * Every line the suite prints starts with this marker, so the code-server runner can pick
 * the suite's output out of the workbench's own log on the page console.
 */
export const MARKER = '[itest] ';

/** console.log with the marker: use it for anything the suite prints. */
export function log(...args: unknown[]): void {
  console.log(MARKER + format(...args));
}

export const EXTENSION_ID = 'reglint.reglint';
export const SOURCE = 'reglint';

/** The static rules (DESIGN.md §3). A reglint diagnostic with another code is a sanity-train result. */
export const STATIC_RULES: ReadonlySet<string> = new Set([
  'dense-unregularized',
  'conv-unregularized',
  'recurrent-unregularized',
  'regularizer-config-invalid',
  'regularizer-strength',
  'dropout-rate-invalid',
  'dropout-rate-high',
  'dropout-before-batchnorm',
  'bias-before-batchnorm',
  'dropout-after-output',
  'unused-disable-directive',
]);

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite must run with test/integration/workspace (a copy) open as the workspace folder');
  return folder;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, name);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong, or package.json publisher/name changed)`);
  await extension.activate();
  return extension;
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  if (typeof code === 'object') return String(code.value);
  return String(code);
}

export function reglintDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter(d => d.source === SOURCE && (code === undefined || codeOf(d) === code))
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return '(no diagnostics at all)';
  return all
    .map(d => `  ${d.range.start.line + 1}:${d.range.start.character + 1} [${d.source}] ${codeOf(d)} (${vscode.DiagnosticSeverity[d.severity]}): ${d.message.slice(0, 120)}`)
    .join('\n');
}

/**
 * Waits until `check` returns a value other than undefined/false, re-checking whenever
 * diagnostics change (and every 250 ms). On timeout, fails with `what` and the file's
 * diagnostics as they are.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false,
  options: { timeoutMs?: number; uri?: vscode.Uri } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const first = check();
  if (first !== undefined && first !== false) return first;
  return new Promise<T>((resolve, reject) => {
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      clearInterval(poll);
      listener.dispose();
      fn();
    };
    const attempt = () => {
      let value: T | undefined | false;
      try {
        value = check();
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (value !== undefined && value !== false) finish(() => resolve(value as T));
    };
    const listener = vscode.languages.onDidChangeDiagnostics(attempt);
    const poll = setInterval(attempt, 250);
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}` +
              (options.uri ? `\ndiagnostics of ${vscode.workspace.asRelativePath(options.uri)}:\n${describeDiagnostics(options.uri)}` : ''),
          ),
        ),
      );
    }, timeoutMs);
  });
}

/** Waits until the file has exactly `count` reglint diagnostics with `code`. */
export function waitForCount(uri: vscode.Uri, code: string, count: number, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${count} reglint "${code}" diagnostic(s)`,
    () => {
      const found = reglintDiagnostics(uri, code);
      return found.length === count ? found : undefined;
    },
    { timeoutMs, uri },
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function isCanceled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
}

/**
 * `vscode.executeCodeActionProvider`, retried when it rejects with `Canceled` (it can,
 * once, while the document is still being synchronised).
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
        'vscode.executeCodeActionProvider',
        uri,
        range,
        kind,
      );
      // Plain Commands (legacy providers) have a string `command`; code actions do not.
      return (result ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
    } catch (error) {
      if (!isCanceled(error) || attempt >= 3) throw error;
      await sleep(300);
    }
  }
}

export function describeActions(actions: readonly vscode.CodeAction[]): string {
  if (actions.length === 0) return '(none)';
  return actions
    .map(a => {
      const diagnostics = (a.diagnostics ?? []).map(d => `${d.source}/${codeOf(d)}@${d.range.start.line + 1}`).join(',');
      return `  "${a.title}" kind=${a.kind?.value} preferred=${a.isPreferred === true} diagnostics=[${diagnostics}]`;
    })
    .join('\n');
}

/** Applies a code action the way the light bulb does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `code action "${action.title}" has neither an edit nor a command`);
  if (action.edit) {
    const applied = await vscode.workspace.applyEdit(action.edit);
    assert.ok(applied, `the edit of "${action.title}" was not applied`);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}

/**
 * The quick fixes offered for a reglint diagnostic. `vscode.executeCodeActionProvider`
 * does not carry an action's `diagnostics` back to the caller, so attribution rests on the
 * fixtures: no other extension reports anything on these ranges (asserted here), so the
 * quick fixes offered there are reglint's.
 */
export async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const others = vscode.languages.getDiagnostics(uri).filter(d => d.source !== SOURCE && d.range.intersection(diagnostic.range));
  assert.deepEqual(
    others.map(d => `${d.source}: ${d.message}`),
    [],
    'another extension reports on the same range: the quick fixes there could be its own',
  );
  const actions = await codeActions(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter(
    a =>
      a.kind !== undefined &&
      vscode.CodeActionKind.QuickFix.contains(a.kind) &&
      // When the diagnostics do come back (other VS Code versions), they must be ours.
      ((a.diagnostics ?? []).length === 0 || (a.diagnostics ?? []).some(d => d.source === SOURCE && codeOf(d) === codeOf(diagnostic))),
  );
}

export async function setRuleSeverity(rule: string, value: string | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('reglint', workspaceFolder().uri)
    .update(`rules.${rule}`, value, vscode.ConfigurationTarget.Workspace);
}

export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.scheme === 'file') {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
