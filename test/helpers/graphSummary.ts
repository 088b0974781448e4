// Compact, line-based rendering of a ModelGraph for table tests:
// `dense@5 model=m next=[dropout@6] out=false`.
import type { ModelGraph } from '../../server/src/analysis/modelGraph';
import { LineIndex } from '../../server/src/text/lineIndex';

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return new LineIndex(text).at(offset).line;
}

export function summarizeLayers(graph: ModelGraph, text: string): string[] {
  const id = (i: number) => `${graph.layers[i].factory}@${lineOf(text, graph.layers[i].nameSpan.start)}`;
  return graph.layers.map((layer) => {
    const model = layer.model === null ? '-' : graph.models[layer.model].name;
    const next = layer.next === 'unknown' ? 'unknown' : `[${layer.next.map(id).join(',')}]`;
    const wrapped = layer.wrappedBy === null ? '' : ` in=${id(layer.wrappedBy)}`;
    return `${id(layer.index)} model=${model} next=${next} out=${layer.isOutput}${wrapped}`;
  });
}

export function summarizeModels(graph: ModelGraph): string[] {
  return graph.models.map((m) => `${m.name}:${m.style}:${m.layers.length}${m.complete ? '' : ':incomplete'}`);
}
