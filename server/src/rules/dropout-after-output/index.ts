// dropout-after-output: a dropout-family layer after the model's last weighted layer, so
// that it acts on the predictions themselves. In training it zeroes random outputs and
// scales the rest by 1/(1 - rate), which corrupts the loss rather than regularizing any
// features (dropout regularizes hidden units, Srivastava et al. 2014); at inference it
// does nothing, so training and inference see different models.
import type { LayerNode, ModelGraph } from '../../analysis/modelGraph';
import { UNKNOWN } from '../../analysis/modelGraph';
import type { Finding, Rule } from '../rule';
import { describeLayer } from '../describeLayer';
import { walkForward } from '../graphWalk';
import { isDropoutFamily, isWeightedForWalk } from '../layerFacts';
import { isInertNoiseLayer } from '../regularization';

const ID = 'dropout-after-output';

export const dropoutAfterOutput: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    type: 'problem',
    description: "Dropout after the model's output layer: it drops predictions, not features.",
    fixable: true,
  },
  check(graph) {
    const findings: Finding[] = [];
    for (const dropout of graph.layers) {
      if (!isDropoutFamily(dropout) || isInertNoiseLayer(dropout) || dropout.model === null) continue;
      if (!onlyOutputsFollow(graph, dropout)) continue;
      const outputLayer = nearestWeightedAncestor(graph, dropout);
      if (!outputLayer) continue;
      findings.push({
        ruleId: ID,
        message:
          `The ${describeLayer(graph, dropout)} follows the model's output layer, the ` +
          `${describeLayer(graph, outputLayer)}, so in training it zeroes random predictions and scales the rest, ` +
          'which corrupts the loss instead of regularizing features, and at inference it does nothing. ' +
          `Remove it, or move it before the ${outputLayer.factory} layer.`,
        span: dropout.nameSpan,
        layer: dropout.index,
        relatedLayers: [outputLayer.index],
      });
    }
    return findings;
  },
};

/** True when every path from the layer reaches a model output with no weighted layer on the way. */
function onlyOutputsFollow(graph: ModelGraph, layer: LayerNode): boolean {
  if (layer.isOutput === UNKNOWN) return false;
  const ends = walkForward<'weighted'>(graph, layer, (next) => (isWeightedForWalk(next) ? 'weighted' : undefined));
  return ends.length > 0 && ends.every((end) => end.kind === 'output');
}

/** The closest weighted layer upstream (through weightless ones); undefined when unknown or none. */
function nearestWeightedAncestor(graph: ModelGraph, layer: LayerNode): LayerNode | undefined {
  const visited = new Set<number>([layer.index]);
  let frontier: LayerNode[] = [layer];
  while (frontier.length > 0) {
    const nextFrontier: LayerNode[] = [];
    for (const current of frontier) {
      if (current.prev === UNKNOWN) return undefined;
      for (const index of current.prev) {
        const before = graph.layers[index];
        if (!before || visited.has(index)) continue;
        visited.add(index);
        if (isWeightedForWalk(before)) return before;
        nextFrontier.push(before);
      }
    }
    frontier = nextFrontier;
  }
  return undefined;
}
