// Per open document, the incremental analysis (server/src/analysis/incremental.ts): the
// syntax tree survives between keystrokes and each edit reparses only around itself. The
// edits arrive with didChange (DocumentStore.changeWithEdits) and are replayed onto the
// tree at the next analysis, however many edits the debounce coalesced.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalAnalysis, type IncrementalStats, type TextEditRange } from '../analysis/incremental';
import type { ModelGraph } from '../analysis/modelGraph';
import { lintGraph, type LintOptions, type LintResult } from '../lint/lintText';

export class DocumentAnalyses {
  private readonly byUri = new Map<string, IncrementalAnalysis>();
  /** The graph of each document's last successful lint, for GraphCache (./graphCache.ts). */
  private readonly graphs = new Map<string, { version: number; fileName: string; graph: ModelGraph }>();
  /** Counters of documents already closed, so `stats()` covers the whole session. */
  private readonly closedTotals: IncrementalStats = { fullParses: 0, incrementalParses: 0, reused: 0, skipped: 0 };

  /** A document was opened (again): its next analysis parses from scratch. */
  opened(uri: string): void {
    this.forget(uri);
  }

  edited(uri: string, edits: readonly TextEditRange[]): void {
    const analysis = this.byUri.get(uri);
    if (!analysis) return;
    for (const edit of edits) analysis.recordEdit(edit);
  }

  forget(uri: string): void {
    this.graphs.delete(uri);
    const analysis = this.byUri.get(uri);
    if (!analysis) return;
    for (const key of Object.keys(this.closedTotals) as (keyof IncrementalStats)[]) {
      this.closedTotals[key] += analysis.stats[key];
    }
    this.byUri.delete(uri);
  }

  /** A `lint` function for diagnoseDocument that analyses `document` incrementally. */
  linterFor(document: TextDocument): (text: string, fileName: string, options?: LintOptions) => LintResult {
    return (text, fileName, options) => {
      let analysis = this.byUri.get(document.uri);
      if (!analysis || analysis.fileName !== fileName) {
        analysis = new IncrementalAnalysis(fileName);
        this.byUri.set(document.uri, analysis);
      }
      const version = document.version;
      this.graphs.delete(document.uri);
      try {
        const graph = analysis.analyze(text, { modules: options?.crossFile });
        const result = lintGraph(text, fileName, graph, options, analysis.tree);
        if (text === document.getText()) this.graphs.set(document.uri, { version, fileName, graph });
        return result;
      } catch (error) {
        // Whatever went wrong, the next analysis must not build on this tree.
        analysis.reset();
        throw error;
      }
    };
  }

  /** The graph the last lint found for this version of `document` (equal to analyzeText's), if any. */
  graphFor(document: TextDocument, fileName: string): ModelGraph | undefined {
    const entry = this.graphs.get(document.uri);
    return entry && entry.version === document.version && entry.fileName === fileName ? entry.graph : undefined;
  }

  get size(): number {
    return this.byUri.size;
  }

  stats(): IncrementalStats {
    const total = { ...this.closedTotals };
    for (const analysis of this.byUri.values()) {
      for (const key of Object.keys(total) as (keyof IncrementalStats)[]) total[key] += analysis.stats[key];
    }
    return total;
  }
}
