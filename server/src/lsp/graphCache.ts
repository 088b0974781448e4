// The ModelGraph of each open document's latest version, shared by the outline, hover and
// sanity-train (CodeLens, results): analysed at most once per document version, and not
// at all when the last lint (./documentAnalyses.ts) already analysed that version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../analysis';
import type { ModelGraph } from '../analysis/modelGraph';
import { fileNameOf } from './diagnoseDocument';

/** The graph an earlier analysis found for exactly this version of the document, if any. */
export type AnalysedGraph = (document: TextDocument, fileName: string) => ModelGraph | undefined;

export class GraphCache {
  private readonly entries = new Map<string, { version: number; graph: ModelGraph }>();

  constructor(private readonly analysed?: AnalysedGraph) {}

  get(document: TextDocument): ModelGraph {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.graph;
    const fileName = fileNameOf(document);
    const graph = this.analysed?.(document, fileName) ?? analyzeText(document.getText(), fileName);
    this.entries.set(document.uri, { version: document.version, graph });
    return graph;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
