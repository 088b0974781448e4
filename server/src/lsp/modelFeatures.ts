// Wires the model views into the server: textDocument/documentSymbol (modelOutline.ts) and
// textDocument/hover (layerHover.ts). Both read the document's ModelGraph from the shared
// GraphCache (graphCache.ts); like validation, they never throw at the client.
import type { Connection, DocumentSymbol, Hover, ServerCapabilities } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { usesTfjs, type ModelGraph } from '../analysis/modelGraph';
import { MAX_DOCUMENT_CHARS } from './diagnoseDocument';
import type { GraphCache } from './graphCache';
import { layerHover } from './layerHover';
import { describeError, type Logger } from './logger';
import { modelSymbols } from './modelOutline';
import type { RuleDocLinks } from './ruleDocLinks';

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
  /** The documents' graphs, shared with sanity-train (server.ts forgets closed documents). */
  graphs: GraphCache;
  /** How hovers link to rule pages (set at initialize). */
  docLinks(): RuleDocLinks;
}

export function registerModelFeatures(connection: Connection, deps: ModelFeatureDeps): void {
  const { graphs } = deps;

  async function withGraph<T>(uri: string, what: string, use: (graph: ModelGraph, document: TextDocument) => T): Promise<T | null> {
    const document = deps.document(uri);
    if (!document || document.getText().length > MAX_DOCUMENT_CHARS) return null;
    if (!(await deps.enabled(uri))) return null;
    try {
      const graph = graphs.get(document);
      if (!usesTfjs(graph.tfjs)) return null;
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
      withGraph(params.textDocument.uri, 'Hover', (graph, document) => layerHover(graph, document, document.offsetAt(params.position), deps.docLinks())).then(
        (hover) => hover ?? null,
      ),
  );
}
