// 2D resampling layers on image tensors: upSampling2d, zeroPadding2d, cropping2D.
import { mapDim } from '../dims';
import { isInt, normalizeTuple } from '../layerConfig';
import type { ConfigValue } from '../../analysis/modelGraph';
import { outcome, UNKNOWN, type ShapeRule, type Unknown } from '../types';
import { dataFormatOf, layoutOf } from './layout';

/** tfjs's padding/cropping forms: n, [rows, cols], or [[top, bottom], [left, right]]. */
function symmetricPairs(v: ConfigValue): [[number, number], [number, number]] | Unknown {
  if (isInt(v)) return [[v, v], [v, v]];
  if (!Array.isArray(v) || v.length !== 2) return UNKNOWN;
  if (isInt(v[0]) && isInt(v[1])) return [[v[0], v[0]], [v[1], v[1]]];
  const rows = normalizeTuple(v[0], 2, 0);
  const cols = normalizeTuple(v[1], 2, 0);
  if (rows === UNKNOWN || cols === UNKNOWN || !Array.isArray(v[0]) || !Array.isArray(v[1])) return UNKNOWN;
  return [[rows[0], rows[1]], [cols[0], cols[1]]];
}

/** Grow (sign 1) or shrink (sign -1) the two spatial axes by per-side amounts; no fallback: required. */
function resizeRule(key: string, fallback: number | undefined, sign: 1 | -1): ShapeRule {
  return ({ config, input }) => {
    const layout = layoutOf(input, 2, dataFormatOf(config));
    if (!layout) return outcome(UNKNOWN, 0);
    const raw = config.get(key);
    const pairs = symmetricPairs(raw === undefined || raw === null ? fallback ?? UNKNOWN : raw);
    const spatial = layout.spatial.map((d, i) =>
      pairs === UNKNOWN ? UNKNOWN : mapDim(d, (n) => n + sign * (pairs[i][0] + pairs[i][1])));
    return outcome(layout.build(spatial, layout.channels), 0);
  };
}

/** tfjs takes `size` as given (a bare number is not expanded), so only [rows, cols] is valid. */
const upSampling2d: ShapeRule = ({ config, input }) => {
  const layout = layoutOf(input, 2, dataFormatOf(config));
  if (!layout) return outcome(UNKNOWN, 0);
  const raw = config.get('size');
  const size = raw === undefined || raw === null ? [2, 2] : Array.isArray(raw) ? normalizeTuple(raw, 2) : UNKNOWN;
  const spatial = layout.spatial.map((d, i) => (size === UNKNOWN ? UNKNOWN : mapDim(d, (n) => n * size[i])));
  return outcome(layout.build(spatial, layout.channels), 0);
};

export const spatialRules: Record<string, ShapeRule> = {
  upSampling2d,
  zeroPadding2d: resizeRule('padding', 1, 1),
  cropping2D: resizeRule('cropping', undefined, -1), // required in tfjs
};
