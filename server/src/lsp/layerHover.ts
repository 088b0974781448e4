// textDocument/hover on a layer call (`tf.layers.dense` in `tf.layers.dense({...})`): the
// layer's output shape and parameter count from the static summary, and for dense, conv
// and recurrent layers the regularization verdict the rules use (judgeRegularization),
// with a link to the rule's documentation.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LayerNode, ModelGraph } from '../analysis/modelGraph';
import { isConv, isDense, isJudgedWeightedLayer, isRecurrent } from '../rules/layerFacts';
import { judgeRegularization, type RegularizationVerdict } from '../rules/regularization';
import { formatParams, formatShape, summarizeModel, type LayerSummary } from '../summary';
import { RuleDocLinks } from './ruleDocLinks';
import { spanToRange } from './toDiagnostic';

/** The layer whose callee (`tf.layers.dense`) is under `offset`: the innermost when nested. */
export function layerAt(graph: ModelGraph, offset: number): LayerNode | undefined {
  let best: LayerNode | undefined;
  for (const layer of graph.layers) {
    const { start, end } = layer.calleeSpan;
    if (offset < start || offset > end) continue;
    if (!best || end - start < best.calleeSpan.end - best.calleeSpan.start) best = layer;
  }
  return best;
}

export function layerHover(
  graph: ModelGraph, document: TextDocument, offset: number, docLinks: RuleDocLinks = RuleDocLinks.standard,
): Hover | null {
  if (graph.fatal) return null;
  const layer = layerAt(graph, offset);
  if (!layer) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(graph, layer, docLinks) },
    range: spanToRange(document, layer.calleeSpan),
  };
}

export function hoverMarkdown(graph: ModelGraph, layer: LayerNode, docLinks: RuleDocLinks = RuleDocLinks.standard): string {
  const lines: string[] = [];
  const model = layer.model === null ? undefined : graph.models[layer.model];
  const summary = model ? layerSummary(graph, model.index, layer.index) : undefined;
  const title = `**${summary?.name ?? layer.factory}** · \`${layer.calleePrefix}${layer.factory}\``;
  if (model) {
    const position = model.layers.indexOf(layer.index);
    lines.push(`${title} · layer ${position + 1} of ${model.layers.length} in \`${model.name}\``);
  } else if (layer.wrappedBy !== null) {
    lines.push(`${title} · wrapped by \`${graph.layers[layer.wrappedBy]?.factory ?? 'a wrapper'}\``);
  } else {
    lines.push(`${title} · in no model reglint can see`);
  }
  if (summary) {
    const frozen = summary.nonTrainableParams;
    const paramsText = formatParams(summary.params) + (typeof frozen === 'number' && frozen > 0 ? ` (${frozen} non-trainable)` : '');
    lines.push('', `Output shape \`${formatShape(summary.outputShape)}\` · ${paramsText}`);
  }
  if (isJudgedWeightedLayer(layer)) {
    const verdict = judgeRegularization(graph, layer);
    const ruleId = ruleFor(layer);
    lines.push('', `Regularization: ${describeVerdict(verdict)} · [${ruleId}](${docLinks.markdownHref(ruleId)})`);
  }
  return lines.join('\n');
}

function describeVerdict(verdict: RegularizationVerdict): string {
  switch (verdict.status) {
    case 'regularized':
      return `**regularized**: ${verdict.reason}`;
    case 'unregularized':
      return `**none**: ${verdict.reason}`;
    case 'output':
      return `not needed: ${verdict.reason}`;
    case 'unknown':
      return `unknown: ${verdict.reason}`;
  }
}

function ruleFor(layer: LayerNode): string {
  if (isDense(layer)) return 'dense-unregularized';
  if (isConv(layer)) return 'conv-unregularized';
  if (isRecurrent(layer)) return 'recurrent-unregularized';
  return 'dense-unregularized';
}

function layerSummary(graph: ModelGraph, modelIndex: number, layerIndex: number): LayerSummary | undefined {
  try {
    return summarizeModel(graph, modelIndex).layers.find((l) => l.index === layerIndex);
  } catch {
    return undefined;
  }
}
