// bias-before-batchnorm: a dense or conv layer with a bias and no nonlinearity, directly
// followed by batchNormalization. Batch norm subtracts the per-feature batch mean, which
// cancels any per-feature constant, and its own beta adds the offset back (Ioffe &
// Szegedy 2015, §3.2): the bias is dead weight. Recurrent layers are left out: their bias
// passes through the gate nonlinearities, so it is not cancelled.
import type { LayerNode, ModelGraph } from '../../analysis/modelGraph';
import type { Finding, Rule } from '../rule';
import { describeLayer } from '../describeLayer';
import { modelLevelLayer } from '../graphWalk';
import { featureAxisOf, hasBias, isAffine, isBatchNorm, isConv, isDense, normAxisOf } from '../layerFacts';

const ID = 'bias-before-batchnorm';

export const biasBeforeBatchnorm: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'hint',
    type: 'suggestion',
    description: 'Dense or conv layer with a bias directly followed by batch normalization: the bias is redundant.',
    fixable: true,
  },
  check(graph) {
    const findings: Finding[] = [];
    for (const layer of graph.layers) {
      if (!(isDense(layer) || isConv(layer)) || !hasBias(layer) || !isAffine(layer)) continue;
      const norms = directBatchNorms(graph, layer);
      if (norms.length === 0 || !norms.every((norm) => normalizesFeatureAxis(layer, norm))) continue;
      findings.push({
        ruleId: ID,
        message:
          `The ${describeLayer(graph, layer)} has a bias but is followed directly by ${norms[0].factory}, ` +
          "which subtracts the batch mean and so cancels the bias; batch norm's own beta offset takes its place " +
          '(Ioffe & Szegedy 2015). Set useBias: false.',
        span: layer.nameSpan,
        layer: layer.index,
        relatedLayers: norms.map((n) => n.index),
      });
    }
    return findings;
  },
};

/** The batch norms that are all of the layer's successors, or [] when anything else follows. */
function directBatchNorms(graph: ModelGraph, layer: LayerNode): LayerNode[] {
  const host = modelLevelLayer(graph, layer);
  if (host.next === 'unknown' || host.next.length === 0) return [];
  const successors = host.next.map((index) => graph.layers[index]);
  return successors.every((s) => s !== undefined && isBatchNorm(s)) ? successors : [];
}

/**
 * The bias is per output feature (the last axis, or axis 1 for channelsFirst convs); it is
 * cancelled only when batch norm normalizes that same axis (default axis -1).
 */
function normalizesFeatureAxis(layer: LayerNode, norm: LayerNode): boolean {
  const axis = normAxisOf(norm);
  return axis !== undefined && featureAxisOf(layer).includes(axis);
}
