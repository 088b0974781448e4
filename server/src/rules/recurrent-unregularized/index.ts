// recurrent-unregularized: an lstm/gru/simpleRNN/convLstm2d (also inside bidirectional or
// timeDistributed) with no dropout of its own, no weight penalty and no dropout after it.
import type { Rule } from '../rule';
import { isRecurrent } from '../layerFacts';
import { findUnregularized } from '../unregularizedFindings';
import { l2Call, SUGGESTED_RNN_DROPOUT } from '../suggestedCode';

export const recurrentUnregularized: Rule = {
  meta: {
    id: 'recurrent-unregularized',
    defaultSeverity: 'warning',
    type: 'suggestion',
    description: 'Recurrent layer with no dropout/recurrentDropout, no weight regularizer and no dropout after it.',
    fixable: true,
  },
  check: (graph) =>
    findUnregularized(graph, 'recurrent-unregularized', isRecurrent, {
      lead: 'The',
      missing: () =>
        'dropout and recurrentDropout are 0, there is no kernelRegularizer or recurrentRegularizer, ' +
        'and no dropout or batch normalization follows it before the next weighted layer',
      advice: (graph, layer) =>
        `Set dropout: ${SUGGESTED_RNN_DROPOUT} and recurrentDropout: ${SUGGESTED_RNN_DROPOUT} in its config, ` +
        `or kernelRegularizer: ${l2Call(graph, layer)}.`,
    }),
};
