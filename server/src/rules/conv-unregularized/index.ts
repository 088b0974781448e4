// conv-unregularized: a conv layer (1d/2d/3d, transpose, separable, depthwise) with no
// weight penalty and no batch normalization or dropout after it.
import type { Rule } from '../rule';
import { isConv, primaryRegularizerKeys } from '../layerFacts';
import { findUnregularized } from '../unregularizedFindings';
import { l2Properties, layerCallee } from '../suggestedCode';

export const convUnregularized: Rule = {
  meta: {
    id: 'conv-unregularized',
    defaultSeverity: 'warning',
    type: 'suggestion',
    description: 'Conv layer with no weight regularizer and no batch normalization or dropout after it.',
    fixable: true,
  },
  check: (graph) =>
    findUnregularized(graph, 'conv-unregularized', isConv, {
      lead: 'The',
      missing: (layer) =>
        `no ${primaryRegularizerKeys(layer.factory).join(' or ')} and no batch normalization or dropout ` +
        'follows it before the next weighted layer',
      // Batch norm first: after convs it regularizes without dropping whole feature maps at random.
      advice: (graph, layer) =>
        `Add ${layerCallee(graph, layer, 'batchNormalization')}() after it, ` +
        `or ${l2Properties(graph, layer, primaryRegularizerKeys(layer.factory))}.`,
    }),
};
