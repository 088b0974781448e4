// dense-unregularized: a hidden dense layer with no weight penalty and no dropout or batch
// normalization after it. The judgement itself lives in ../regularization.ts.
import type { Rule } from '../rule';
import { isDense } from '../layerFacts';
import { findUnregularized } from '../unregularizedFindings';
import { l2Call, layerCallee, SUGGESTED_DENSE_DROPOUT } from '../suggestedCode';

export const denseUnregularized: Rule = {
  meta: {
    id: 'dense-unregularized',
    defaultSeverity: 'warning',
    type: 'suggestion',
    description: 'Hidden dense layer with no kernelRegularizer and no dropout or batch normalization after it.',
    fixable: true,
  },
  check: (graph) =>
    findUnregularized(graph, 'dense-unregularized', isDense, {
      lead: 'Hidden',
      missing: () => 'no kernelRegularizer and no dropout or batch normalization follows it before the next weighted layer',
      advice: (graph, layer) =>
        `Add ${layerCallee(graph, layer, 'dropout')}({rate: ${SUGGESTED_DENSE_DROPOUT}}) after it, ` +
        `or kernelRegularizer: ${l2Call(graph, layer)}.`,
    }),
};
