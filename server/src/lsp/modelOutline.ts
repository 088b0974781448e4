// textDocument/documentSymbol: each model in the file with its layers as children, so the
// editor's Outline reads like `model.summary()` without running anything.
//
//   model                     sequential · 101770 params
//     dense_1 (dense)         [null,128] · 100480 params
//     dropout_1 (dropout)     [null,128] · 0 params
//
// Shapes and counts come from the static summary (server/src/summary); where they cannot
// be known statically the detail says `unknown`.
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelGraph, ModelStyle, Span } from '../analysis/modelGraph';
import { formatLayerSummary, formatModelTotals, summarizeModel, type LayerSummary, type ModelSummary } from '../summary';
import { spanToRange } from './toDiagnostic';

const STYLE_LABEL: Record<ModelStyle, string> = {
  'sequential-add': 'sequential',
  'sequential-array': 'sequential',
  functional: 'functional',
};

export function modelSymbols(graph: ModelGraph, document: TextDocument): DocumentSymbol[] {
  if (graph.fatal) return [];
  return graph.models.map((model) => {
    const summary = safeSummary(graph, model.index);
    // The model's range covers its constructing call and all its layers (with `model.add`
    // the layers come after the `tf.sequential()` call), so the outline follows the cursor.
    const spans = [model.span, ...model.layers.map((i) => graph.layers[i]!.span)];
    const range = spanToRange(document, { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) });
    const children = model.layers.map((layerIndex, position) =>
      layerSymbol(graph, document, layerIndex, summary?.layers[position]),
    );
    return {
      name: model.name || '(model)',
      detail: `${STYLE_LABEL[model.style]} · ${summary ? formatModelTotals(summary) : 'unknown params'}`,
      kind: SymbolKind.Class,
      range,
      selectionRange: spanToRange(document, model.span),
      children,
    };
  });
}

function layerSymbol(graph: ModelGraph, document: TextDocument, index: number, summary: LayerSummary | undefined): DocumentSymbol {
  const layer = graph.layers[index]!;
  const name = summary?.name ?? layer.factory;
  const symbol: DocumentSymbol = {
    name: isGeneratedName(name, layer.factory) ? name : `${name} (${layer.factory})`,
    detail: summary ? formatLayerSummary(summary) : 'unknown · unknown params',
    kind: SymbolKind.Field,
    range: spanToRange(document, layer.span),
    selectionRange: containedRange(document, layer.nameSpan, layer.span),
  };
  // A wrapper's inner layer (`bidirectional({layer: lstm(...)})`) as its child.
  if (typeof layer.inner === 'number') {
    const inner = graph.layers[layer.inner];
    if (inner) {
      symbol.children = [
        {
          name: inner.factory,
          detail: 'wrapped layer',
          kind: SymbolKind.Field,
          range: spanToRange(document, inner.span),
          selectionRange: containedRange(document, inner.nameSpan, inner.span),
        },
      ];
    }
  }
  return symbol;
}

/** `dense_2`: the name tfjs would generate, which already says the factory. */
function isGeneratedName(name: string, factory: string): boolean {
  return name === factory || new RegExp(`^${factory}_\\d+$`).test(name);
}

/** LSP requires selectionRange ⊆ range. */
function containedRange(document: TextDocument, inner: Span, outer: Span): Range {
  const within = inner.start >= outer.start && inner.end <= outer.end;
  return spanToRange(document, within ? inner : outer);
}

/** The summary never throws by contract, but the outline must not die if it ever does. */
function safeSummary(graph: ModelGraph, modelIndex: number): ModelSummary | undefined {
  try {
    return summarizeModel(graph, modelIndex);
  } catch {
    return undefined;
  }
}
