// Wires the model views into the server: textDocument/documentSymbol (modelOutline.ts) and
// textDocument/hover (layerHover.ts). Both read the document's ModelGraph, analysed once
// per document version and cached; like validation, they never throw at the client.
import type { Connection, DocumentSymbol, Hover, ServerCapabilities } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../analysis';
import type { ModelGraph } from '../analysis/modelGraph';
import { fileNameOf, MAX_DOCUMENT_CHARS } from './diagnoseDocument';
import { layerHover } from './layerHover';
import { describeError, type Logger } from './logger';
import { modelSymbols } from './modelOutline';

export const MODEL_FEATURE_CAPABILITIES: Pick<ServerCapabilities, 'documentSymbolProvider' | 'hoverProvider'> = {
  documentSymbolProvider: { label: 'reglint models' },
  hoverProvider: true,
};

export interface ModelFeatureDeps {
  /** The open document, or undefined. */
  document(uri: string): TextDocument | undefined;
  /** Whether reglint is enabled for the document (`reglint.enable`). */
  enabled(uri: string): Promise<boolean>;
  logger: Logger;
}

/** The graph of each open document's latest analysed version. */
export class GraphCache {
  private readonly entries = new Map<string, { version: number; graph: ModelGraph }>();

  get(document: TextDocument): ModelGraph {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.graph;
    const graph = analyzeText(document.getText(), fileNameOf(document));
    this.entries.set(document.uri, { version: document.version, graph });
    return graph;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

export function registerModelFeatures(connection: Connection, deps: ModelFeatureDeps): GraphCache {
  const graphs = new GraphCache();

  async function withGraph<T>(uri: string, what: string, use: (graph: ModelGraph, document: TextDocument) => T): Promise<T | null> {
    const document = deps.document(uri);
    if (!document || document.getText().length > MAX_DOCUMENT_CHARS) return null;
    if (!(await deps.enabled(uri))) return null;
    try {
      const graph = graphs.get(document);
      if (graph.tfjs.modules.length === 0) return null;
      return use(graph, document);
    } catch (error) {
      deps.logger.error(`${what} failed for ${uri}:\n${describeError(error)}`);
      return null;
    }
  }

  connection.onDocumentSymbol(
    (params): Promise<DocumentSymbol[] | null> =>
      withGraph(params.textDocument.uri, 'Document symbols', (graph, document) => modelSymbols(graph, document)),
  );
  connection.onHover(
    (params): Promise<Hover | null> =>
      withGraph(params.textDocument.uri, 'Hover', (graph, document) => layerHover(graph, document, document.offsetAt(params.position))).then(
        (hover) => hover ?? null,
      ),
  );
  return graphs;
}
