// Weight counts per layer family, as the tfjs-layers `build()` methods create them
// (checked against @tensorflow/tfjs-layers 4.22 dist/layers/*.js).
import { countOf, sumCounts } from './dims';
import { UNKNOWN, type Dim, type ParamCount, type Unknown } from './types';

type Flag = boolean | Unknown;

/** `n` when the flag is set, 0 when not. */
function optional(flag: Flag, n: ParamCount): ParamCount {
  if (flag === UNKNOWN) return UNKNOWN;
  return flag ? n : 0;
}

/** Dense: kernel [in, units] + bias [units]. */
export function denseParams(inputDim: Dim, units: number, useBias: Flag): ParamCount {
  return sumCounts(countOf(inputDim, units), optional(useBias, units));
}

/** Conv1D/2D/3D and their transposes: kernel [...kernelSize, in, filters] + bias [filters]. */
export function convParams(kernelSize: number[], inChannels: Dim, filters: number, useBias: Flag): ParamCount {
  return sumCounts(countOf(...kernelSize, inChannels, filters), optional(useBias, filters));
}

/** SeparableConv: depthwise [...k, in, dm] + pointwise [1.., in*dm, filters] + bias [filters]. */
export function separableConvParams(
  kernelSize: number[], inChannels: Dim, depthMultiplier: number, filters: number, useBias: Flag,
): ParamCount {
  return sumCounts(
    countOf(...kernelSize, inChannels, depthMultiplier),
    countOf(inChannels, depthMultiplier, filters),
    optional(useBias, filters),
  );
}

/** DepthwiseConv2D: depthwise [kh, kw, in, dm] + bias [in*dm]. */
export function depthwiseConvParams(kernelSize: number[], inChannels: Dim, depthMultiplier: number, useBias: Flag): ParamCount {
  return sumCounts(countOf(...kernelSize, inChannels, depthMultiplier), optional(useBias, countOf(inChannels, depthMultiplier)));
}

/**
 * Recurrent cells with `gates` gate blocks (SimpleRNN 1, GRU 3, LSTM 4): kernel
 * [in, g*units] + recurrent kernel [units, g*units] + bias [g*units]. tfjs GRU has no
 * `resetAfter` (it throws when set), so no second GRU bias.
 */
export function recurrentParams(gates: number, inputDim: Dim, units: number, useBias: Flag): ParamCount {
  return sumCounts(
    countOf(inputDim, gates * units),
    countOf(units, gates * units),
    optional(useBias, gates * units),
  );
}

/** BatchNormalization: gamma and beta (if scale/center) train; moving mean and variance never do. */
export function batchNormParams(channels: Dim, scale: Flag, center: Flag): { params: ParamCount; nonTrainable: ParamCount } {
  const nonTrainable = countOf(channels, 2);
  return { params: sumCounts(optional(scale, countOf(channels)), optional(center, countOf(channels)), nonTrainable), nonTrainable };
}

/** LayerNormalization: gamma and beta over the normalized axes. */
export function layerNormParams(normalizedSize: ParamCount, scale: Flag, center: Flag): ParamCount {
  return sumCounts(optional(scale, normalizedSize), optional(center, normalizedSize));
}
