// The common shape of dense-, conv- and recurrent-unregularized: judge every layer the rule
// is about, report only the surely unregularized ones, and phrase the message from the
// rule's own wording of "what is missing" and "what would fix it".
import type { LayerNode, ModelGraph } from '../analysis/modelGraph';
import type { Finding } from './rule';
import { judgeRegularization, type RegularizationVerdict } from './regularization';
import { describeLayer } from './describeLayer';

export interface UnregularizedWording {
  /** Opening words before the layer's description, e.g. `Hidden`. */
  lead: string;
  /** What the layer lacks, e.g. `no kernelRegularizer and no dropout or batch normalization follows it before the next weighted layer`. */
  missing(layer: LayerNode): string;
  /** What would fix it, as code in the file's style. */
  advice(graph: ModelGraph, layer: LayerNode): string;
}

export function findUnregularized(
  graph: ModelGraph,
  ruleId: string,
  appliesTo: (layer: LayerNode) => boolean,
  wording: UnregularizedWording,
): Finding[] {
  const findings: Finding[] = [];
  for (const layer of graph.layers) {
    if (!appliesTo(layer)) continue;
    const verdict = judgeRegularization(graph, layer);
    if (verdict.status !== 'unregularized') continue;
    const message =
      `${wording.lead} ${describeLayer(graph, layer)} has no regularization: ${wording.missing(layer)}` +
      `${inertNote(graph, verdict)}. ${wording.advice(graph, layer)}`;
    findings.push({
      ruleId,
      message,
      span: layer.nameSpan,
      layer: layer.index,
      relatedLayers: verdict.inertFollowers.length > 0 ? verdict.inertFollowers : undefined,
    });
  }
  return findings;
}

/** A dropout that is there but does nothing deserves a word: the user thinks it regularizes. */
function inertNote(graph: ModelGraph, verdict: RegularizationVerdict): string {
  const inert = verdict.inertFollowers.map((index) => graph.layers[index]).filter((l) => l !== undefined);
  if (inert.length === 0) return '';
  const what = inert.map((l) => `${l.factory} ${l.factory === 'gaussianNoise' ? 'stddev' : 'rate'} 0`).join(', ');
  return ` (the ${what} after it does nothing)`;
}
