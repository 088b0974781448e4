// batchNormalization (gamma/beta plus two non-trainable moving statistics per channel)
// and layerNormalization (gamma/beta over the normalized axes). Both keep the shape.
import { countOf, normalizeAxis, withRank } from '../dims';
import { batchNormParams, layerNormParams } from '../params';
import { outcome, UNKNOWN, type ShapeRule } from '../types';

const batchNormalization: ShapeRule = ({ config, input }) => {
  const dims = withRank(input);
  const axis = config.int('axis', -1, -Infinity);
  const at = dims && axis !== UNKNOWN ? normalizeAxis(axis, dims.length) : undefined;
  const channels = dims && at !== undefined ? dims[at] : UNKNOWN;
  const { params, nonTrainable } = batchNormParams(channels, config.boolean('scale', true), config.boolean('center', true));
  return outcome(input, params, nonTrainable);
};

const layerNormalization: ShapeRule = ({ config, input }) => {
  const dims = withRank(input);
  const raw = config.get('axis');
  const axes = raw === undefined || raw === null ? [-1] : typeof raw === 'number' ? [raw] : raw;
  let size = UNKNOWN as number | typeof UNKNOWN;
  if (dims && Array.isArray(axes) && axes.every((a) => typeof a === 'number')) {
    const at = (axes as number[]).map((a) => normalizeAxis(a, dims.length));
    const distinct = new Set(at).size === at.length;
    if (distinct && at.every((a) => a !== undefined)) size = countOf(...at.map((a) => dims[a!]));
  }
  return outcome(input, layerNormParams(size, config.boolean('scale', true), config.boolean('center', true)));
};

export const normalizationRules: Record<string, ShapeRule> = { batchNormalization, layerNormalization };
