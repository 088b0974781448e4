// dropout-before-batchnorm: a dropout-family layer followed by batchNormalization in the
// same block (no weighted layer between them). In training, batch norm's moving variance
// is learned from dropped-out activations; at inference dropout is off, the variance
// shifts, and the normalization no longer matches (Li et al., "Understanding the
// Disharmony between Dropout and Batch Normalization by Variance Shift", CVPR 2019).
// Li et al. also see the shift through a weight layer; we report the in-block case only,
// whose fix (move the dropout after the norm) never changes the architecture.
import type { LayerNode, ModelGraph } from '../../analysis/modelGraph';
import type { Finding, Rule } from '../rule';
import { describeLayer } from '../describeLayer';
import { walkForward } from '../graphWalk';
import { isBatchNorm, isDropoutFamily, isWeightedForWalk } from '../layerFacts';
import { isInertNoiseLayer } from '../regularization';

const ID = 'dropout-before-batchnorm';

export const dropoutBeforeBatchnorm: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    type: 'problem',
    description: 'Dropout placed before batch normalization in the same block: variance shift at inference (Li et al., CVPR 2019).',
    fixable: true,
  },
  check(graph) {
    const findings: Finding[] = [];
    for (const dropout of graph.layers) {
      if (!isDropoutFamily(dropout) || isInertNoiseLayer(dropout)) continue;
      const norms = batchNormsInSameBlock(graph, dropout);
      if (norms.length === 0) continue;
      const norm = norms[0];
      findings.push({
        ruleId: ID,
        message:
          `The ${describeLayer(graph, dropout)} comes before the ${describeLayer(graph, norm)} in the same block: ` +
          'batch norm learns its moving variance from dropped-out activations in training, but dropout is off at ' +
          'inference, so the variance shifts and the normalization no longer fits (Li et al., CVPR 2019). ' +
          `Move the ${dropout.factory} after the ${norm.factory}.`,
        span: dropout.nameSpan,
        layer: dropout.index,
        relatedLayers: norms.map((n) => n.index),
      });
    }
    return findings;
  },
};

/** Batch norms reached from `dropout` before any weighted layer; none when any path is unknown. */
function batchNormsInSameBlock(graph: ModelGraph, dropout: LayerNode): LayerNode[] {
  const ends = walkForward<'norm' | 'weighted'>(graph, dropout, (next) => {
    if (isBatchNorm(next)) return 'norm';
    if (isWeightedForWalk(next)) return 'weighted';
    return undefined; // weightless layers, and further dropouts, stay in the block
  });
  // A conditional or unknown path might be the one that reaches the norm: say nothing.
  if (ends.some((end) => end.kind === 'unknown')) return [];
  return ends.flatMap((end) => (end.kind === 'stop' && end.value === 'norm' ? [end.at] : []));
}
