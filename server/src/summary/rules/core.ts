// Core layers: dense (on the last axis, any rank), flatten, reshape, permute, repeatVector.
import { countOf, withRank } from '../dims';
import { isInt } from '../layerConfig';
import { denseParams } from '../params';
import { outcome, UNKNOWN, type Dim, type RuleInput, type ShapeRule } from '../types';

const dense: ShapeRule = ({ config, input }) => {
  const units = config.int('units');
  const dims = withRank(input);
  const ranked = dims && dims.length >= 2 ? dims : undefined;
  const inputDim = ranked ? ranked[ranked.length - 1] : UNKNOWN;
  const params = units === UNKNOWN ? UNKNOWN : denseParams(inputDim, units, config.boolean('useBias', true));
  return outcome(ranked ? [...ranked.slice(0, -1), units] : UNKNOWN, params);
};

/** tfjs requires rank >= 3 and every non-batch size defined (it throws otherwise). */
const flatten: ShapeRule = ({ input }) => {
  const dims = withRank(input);
  if (!dims || dims.length < 3) return outcome(UNKNOWN, 0);
  const size = countOf(...dims.slice(1));
  return outcome([dims[0], size], 0);
};

/**
 * tfjs Reshape resolves a -1 only when every input size, batch included, is defined;
 * with the usual open batch it reports the -1 axis as null, and so do we.
 */
const reshape: ShapeRule = ({ config, input }: RuleInput) => {
  const target = config.get('targetShape');
  const dims = withRank(input);
  if (!Array.isArray(target) || !dims) return outcome(UNKNOWN, 0);
  if (!target.every((d) => d === null || (typeof d === 'number' && Number.isInteger(d)))) return outcome(UNKNOWN, 0);
  const wanted = (target as Array<number | null>).map((d): number | null => (d === null || d < 0 ? null : d));
  if (wanted.filter((d) => d === null).length > 1) return outcome(UNKNOWN, 0);
  if (dims.some((d) => d === null)) return outcome([dims[0], ...wanted], 0);
  if (dims.some((d) => d === UNKNOWN)) return outcome([dims[0], ...wanted.map((d): Dim => d ?? UNKNOWN)], 0);
  const size = (dims.slice(1) as number[]).reduce((a, b) => a * b, 1);
  const known = wanted.reduce<number>((a, d) => a * (d ?? 1), 1);
  const open = wanted.indexOf(null);
  if (open < 0) return outcome(known === size ? [dims[0], ...wanted] : UNKNOWN, 0);
  if (known === 0 || size % known !== 0) return outcome(UNKNOWN, 0);
  return outcome([dims[0], ...wanted.map((d) => d ?? size / known)], 0);
};

/** `dims` is a 1-based permutation of the non-batch axes. */
const permute: ShapeRule = ({ config, input }) => {
  const order = config.intList('dims', 1);
  if (!Array.isArray(order)) return outcome(UNKNOWN, 0);
  const sorted = [...order].sort((a, b) => a - b);
  if (!sorted.every((d, i) => d === i + 1)) return outcome(UNKNOWN, 0);
  const dims = withRank(input, order.length + 1);
  return outcome(dims ? [dims[0], ...order.map((d) => dims[d])] : UNKNOWN, 0);
};

const repeatVector: ShapeRule = ({ config, input }) => {
  const n = config.get('n');
  const dims = withRank(input, 2);
  if (!dims) return outcome(UNKNOWN, 0);
  return outcome([dims[0], isInt(n, 1) ? n : UNKNOWN, dims[1]], 0);
};

export const coreRules: Record<string, ShapeRule> = { dense, flatten, reshape, permute, repeatVector };
