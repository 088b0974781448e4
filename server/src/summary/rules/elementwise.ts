// Layers that keep their input's shape: activations, the dropout and noise family,
// masking, rescaling. Only PReLU has weights (one alpha per element, shared on sharedAxes).
import { countOf, withRank } from '../dims';
import { isInt } from '../layerConfig';
import { outcome, UNKNOWN, type ShapeRule } from '../types';

const identity: ShapeRule = ({ input }) => outcome(input, 0);

const prelu: ShapeRule = ({ config, input }) => {
  const dims = withRank(input);
  if (!dims) return outcome(UNKNOWN, UNKNOWN);
  const shared = config.get('sharedAxes');
  const axes = shared === undefined || shared === null ? [] : typeof shared === 'number' ? [shared] : shared;
  if (!Array.isArray(axes) || !axes.every((a) => isInt(a, 1) && a < dims.length)) return outcome(input, UNKNOWN);
  const alpha = dims.slice(1).map((d, i) => ((axes as number[]).includes(i + 1) ? 1 : d));
  return outcome(input, countOf(...alpha));
};

const IDENTITY_FACTORIES = [
  'activation', 'elu', 'reLU', 'leakyReLU', 'softmax', 'thresholdedReLU',
  'dropout', 'spatialDropout1d', 'gaussianDropout', 'alphaDropout', 'gaussianNoise',
  'masking', 'rescaling',
];

export const elementwiseRules: Record<string, ShapeRule> = {
  ...Object.fromEntries(IDENTITY_FACTORIES.map((f) => [f, identity])),
  prelu,
};
