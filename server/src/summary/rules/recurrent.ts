// lstm, gru, simpleRNN on [batch, time, features]: [batch, units], or [batch, time, units]
// with returnSequences. returnState gives several outputs: not a single shape to show.
import { withRank } from '../dims';
import { recurrentParams } from '../params';
import { outcome, UNKNOWN, type ShapeRule } from '../types';

/** Gate blocks per cell: kernel, recurrent kernel and bias are each this many units wide. */
const GATES: Record<string, number> = { simpleRNN: 1, gru: 3, lstm: 4 };

function recurrentRule(gates: number): ShapeRule {
  return ({ layer, config, input }) => {
    const units = config.int('units');
    // tfjs GRU throws on resetAfter: true (it has no reset_after variant).
    if (layer.factory === 'gru' && config.boolean('resetAfter', false) !== false) return outcome(UNKNOWN, UNKNOWN);
    const dims = withRank(input, 3);
    const params = units === UNKNOWN ? UNKNOWN : recurrentParams(gates, dims ? dims[2] : UNKNOWN, units, config.boolean('useBias', true));
    const sequences = config.boolean('returnSequences', false);
    const state = config.boolean('returnState', false);
    if (!dims || sequences === UNKNOWN || state !== false) return outcome(UNKNOWN, params);
    return outcome(sequences ? [dims[0], dims[1], units] : [dims[0], units], params);
  };
}

export const recurrentRules: Record<string, ShapeRule> = Object.fromEntries(
  Object.entries(GATES).map(([factory, gates]) => [factory, recurrentRule(gates)]),
);
