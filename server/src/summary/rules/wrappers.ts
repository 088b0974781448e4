// bidirectional (two copies of an RNN, outputs merged) and timeDistributed (one layer
// applied to every time step). Both infer their inner layer on the input they give it.
import { sumCounts, withRank } from '../dims';
import { outcome, UNKNOWN, UNKNOWN_OUTCOME, type LayerOutcome, type RuleInput, type ShapeRule } from '../types';

const RECURRENT = new Set(['lstm', 'gru', 'simpleRNN']);

function innerIndex({ layer }: RuleInput): number | undefined {
  return typeof layer.inner === 'number' ? layer.inner : undefined;
}

const twice = (n: LayerOutcome['params']) => sumCounts(n, n);

/** mergeMode absent means 'concat' (tfjs tests `=== undefined`); null gives two outputs. */
const bidirectional: ShapeRule = (input) => {
  const inner = innerIndex(input);
  if (inner === undefined || !RECURRENT.has(input.graph.layers[inner].factory)) return UNKNOWN_OUTCOME;
  const one = input.inferLayer(inner, input.input);
  const params = twice(one.params);
  const nonTrainable = twice(one.nonTrainableParams);
  const mode = input.config.get('mergeMode');
  const dims = withRank(one.outputShape);
  if (!dims || dims.length === 0) return outcome(UNKNOWN, params, nonTrainable);
  const last = dims[dims.length - 1];
  if (mode === undefined || mode === 'concat') {
    return outcome([...dims.slice(0, -1), typeof last === 'number' ? last * 2 : last], params, nonTrainable);
  }
  if (mode === 'sum' || mode === 'mul' || mode === 'ave') return outcome(dims, params, nonTrainable);
  return outcome(UNKNOWN, params, nonTrainable);
};

/** The inner layer sees [batch, ...features] and its output gets the time axis back. */
const timeDistributed: ShapeRule = (input) => {
  const inner = innerIndex(input);
  if (inner === undefined) return UNKNOWN_OUTCOME;
  const dims = withRank(input.input);
  if (!dims || dims.length < 3) {
    const blind = input.inferLayer(inner, UNKNOWN);
    return outcome(UNKNOWN, blind.params, blind.nonTrainableParams);
  }
  const step = input.inferLayer(inner, [dims[0], ...dims.slice(2)]);
  const out = withRank(step.outputShape);
  const shape = out && out.length > 0 ? [out[0], dims[1], ...out.slice(1)] : UNKNOWN;
  return outcome(shape, step.params, step.nonTrainableParams);
};

export const wrapperRules: Record<string, ShapeRule> = { bidirectional, timeDistributed };
