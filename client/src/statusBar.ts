// The status bar item: reglint's state and the findings in the active file; a click opens
// the Reglint output.
//
//   $(check) reglint          running, nothing found in this file
//   $(warning) reglint 3      running, 3 findings (errors and warnings; hints not counted)
//   $(sync~spin) reglint      starting
//   $(error) reglint          the server is stopped (crashed, or failed to start)
import { DiagnosticSeverity, languages, StatusBarAlignment, window, workspace, type Disposable, type TextEditor } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

export const SHOW_OUTPUT_COMMAND = 'reglint.showOutput';

export type ServerState = 'starting' | 'running' | 'stopped' | 'disabled';

export class ReglintStatusBar implements Disposable {
  private readonly item = window.createStatusBarItem('reglint.status', StatusBarAlignment.Right, 100);
  private readonly subscriptions: Disposable[] = [];
  private state: ServerState = 'starting';

  constructor(private readonly languageIds: readonly string[]) {
    this.item.name = 'reglint';
    this.item.command = SHOW_OUTPUT_COMMAND;
    this.subscriptions.push(
      this.item,
      window.onDidChangeActiveTextEditor(() => this.update()),
      languages.onDidChangeDiagnostics(() => this.update()),
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('reglint.enable')) this.update();
      }),
    );
    this.update();
  }

  /** Follows the client's state (Starting, Running, Stopped). */
  track(client: LanguageClient): void {
    this.subscriptions.push(
      client.onDidChangeState((event) => {
        this.setState(event.newState === State.Running ? 'running' : event.newState === State.Starting ? 'starting' : 'stopped');
      }),
    );
  }

  setState(state: ServerState): void {
    this.state = state;
    this.update();
  }

  update(editor: TextEditor | undefined = window.activeTextEditor): void {
    if (!editor || !this.languageIds.includes(editor.document.languageId)) {
      this.item.hide();
      return;
    }
    const findings = languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'reglint');
    const errors = findings.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    const warnings = findings.filter((d) => d.severity === DiagnosticSeverity.Warning || d.severity === DiagnosticSeverity.Information).length;
    const counted = errors + warnings;
    const enabled = workspace.getConfiguration('reglint', editor.document.uri).get<boolean>('enable') !== false;
    const state = this.state === 'running' && !enabled ? 'disabled' : this.state;
    switch (state) {
      case 'starting':
        this.item.text = '$(sync~spin) reglint';
        this.item.tooltip = 'reglint: the language server is starting. Click to open the Reglint output.';
        break;
      case 'stopped':
        this.item.text = '$(error) reglint';
        this.item.tooltip = 'reglint: the language server is not running. Click to open the Reglint output; "Reglint: Restart Server" starts it again.';
        break;
      case 'disabled':
        this.item.text = '$(circle-slash) reglint';
        this.item.tooltip = 'reglint is disabled (reglint.enable). Click to open the Reglint output.';
        break;
      case 'running':
        this.item.text = counted === 0 ? '$(check) reglint' : `${errors > 0 ? '$(error)' : '$(warning)'} reglint ${counted}`;
        this.item.tooltip =
          `reglint: ${describeCount(errors, 'error')}, ${describeCount(warnings, 'warning')}` +
          `${findings.length > counted ? ` and ${describeCount(findings.length - counted, 'hint')}` : ''} in this file. Click to open the Reglint output.`;
        break;
    }
    this.item.show();
  }

  /** What the item shows now (for tests and logs). */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function describeCount(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
