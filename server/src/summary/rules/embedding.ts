// embedding: appends outputDim to the (integer index) input shape; inputLength, where
// given, fills in the input sizes tfjs left open.
import { countOf, withRank } from '../dims';
import { outcome, UNKNOWN, type Dim, type ShapeRule } from '../types';

const embedding: ShapeRule = ({ config, input }) => {
  const outputDim = config.int('outputDim');
  const params = countOf(config.int('inputDim'), outputDim);
  const dims = withRank(input);
  if (!dims) return outcome(UNKNOWN, params);
  const lengthSet = config.isSet('inputLength');
  let sizes: Dim[] = dims.slice(1);
  if (lengthSet === UNKNOWN) {
    // A valid inputLength agrees with every defined size; open ones could become anything.
    sizes = sizes.map((d) => (d === null ? UNKNOWN : d));
  } else if (lengthSet) {
    const raw = config.get('inputLength');
    const lengths = typeof raw === 'number' ? [raw] : raw;
    if (!Array.isArray(lengths) || lengths.length !== sizes.length) return outcome(UNKNOWN, params);
    sizes = sizes.map((d, i) => {
      const l = lengths[i];
      return typeof l === 'number' ? l : l === null || l === undefined ? d : UNKNOWN;
    });
  }
  return outcome([dims[0], ...sizes, outputDim], params);
};

export const embeddingRules: Record<string, ShapeRule> = { embedding };
