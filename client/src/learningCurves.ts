// `reglint.showLearningCurves`: a webview with the last sanity-train's learning curves
// (learningCurvesSvg.ts draws them; no scripts, strict CSP). One panel, reused.
import { randomBytes } from 'node:crypto';
import { ViewColumn, window, type Disposable, type WebviewPanel } from 'vscode';
import { learningCurvesHtml, type CurvesReport } from './learningCurvesSvg';

export interface CurvesArgs {
  uri?: string;
  model?: string;
  report: CurvesReport;
}

export class LearningCurvesView implements Disposable {
  private panel: WebviewPanel | undefined;
  private last: CurvesArgs | undefined;

  /** Remembers the latest result, for the command without arguments. */
  remember(args: CurvesArgs): void {
    this.last = args;
  }

  show(args?: CurvesArgs): void {
    const shown = args?.report ? args : this.last;
    if (!shown) {
      void window.showInformationMessage('Reglint: no sanity-train result yet. Run "Reglint: Sanity-train model" first.');
      return;
    }
    if (!this.panel) {
      this.panel = window.createWebviewPanel('reglint.learningCurves', 'Learning curves', { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    const fileLabel = shown.uri ? decodeURIComponent(shown.uri.split('/').pop() ?? '') : undefined;
    this.panel.title = `Learning curves: ${shown.report.model}`;
    this.panel.webview.html = learningCurvesHtml(shown.report, {
      cspSource: this.panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      fileLabel,
    });
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
