// Convolutions: conv1d/2d/3d, the transposes, separable and depthwise. Output sizes use
// tfjs's own formulas (conv_utils) with their quirks: depthwise and the transposes
// ignore dilationRate, and 'causal' padding is sized like 'valid'.
import { convOutputLength, deconvLength } from '../dims';
import type { LayerConfig } from '../layerConfig';
import { convParams, depthwiseConvParams, separableConvParams } from '../params';
import { outcome, UNKNOWN, type Dim, type ParamCount, type RuleInput, type ShapeRule, type Unknown } from '../types';
import { dataFormatOf, layoutOf } from './layout';

interface Geometry {
  kernel: number[];
  strides: number[];
  dilation: number[];
  padding: string;
}

type SizeFn = (d: Dim, axis: number, g: Geometry) => Dim;

const forward: SizeFn = (d, i, g) => convOutputLength(d, g.kernel[i], g.padding, g.strides[i], g.dilation[i]);
const undilated: SizeFn = (d, i, g) => convOutputLength(d, g.kernel[i], g.padding, g.strides[i]);
const transposed: SizeFn = (d, i, g) => deconvLength(d, g.strides[i], g.kernel[i], g.padding);

/** Output channels and weights, given the kernel size and the input's channels. */
type ChannelFn = (config: LayerConfig, kernel: number[] | Unknown, inChannels: Dim, useBias: boolean | Unknown) =>
  { channels: Dim; params: ParamCount };

const filtersOut: ChannelFn = (config, kernel, inChannels, useBias) => {
  const filters = config.int('filters');
  return {
    channels: filters,
    params: filters === UNKNOWN || kernel === UNKNOWN ? UNKNOWN : convParams(kernel, inChannels, filters, useBias),
  };
};

const separable: ChannelFn = (config, kernel, inChannels, useBias) => {
  const filters = config.int('filters');
  const dm = config.int('depthMultiplier', 1);
  const known = filters !== UNKNOWN && dm !== UNKNOWN && kernel !== UNKNOWN;
  return {
    channels: filters,
    params: known ? separableConvParams(kernel, inChannels, dm, filters, useBias) : UNKNOWN,
  };
};

const depthwise: ChannelFn = (config, kernel, inChannels, useBias) => {
  const dm = config.int('depthMultiplier', 1);
  if (dm === UNKNOWN) return { channels: UNKNOWN, params: UNKNOWN };
  const channels = typeof inChannels === 'number' ? inChannels * dm : inChannels;
  return { channels, params: kernel === UNKNOWN ? UNKNOWN : depthwiseConvParams(kernel, inChannels, dm, useBias) };
};

function geometryOf(config: LayerConfig, rank: number, paddings: readonly string[]): Geometry | undefined {
  const kernel = config.tuple('kernelSize', rank);
  const strides = config.tuple('strides', rank, 1);
  const dilation = config.tuple('dilationRate', rank, 1);
  const padding = config.string('padding', 'valid');
  if (kernel === UNKNOWN || strides === UNKNOWN || dilation === UNKNOWN || padding === UNKNOWN) return undefined;
  if (!paddings.includes(padding)) return undefined;
  return { kernel, strides, dilation, padding };
}

function convRule(rank: number, paddings: readonly string[], size: SizeFn, channelsOf: ChannelFn): ShapeRule {
  return ({ config, input }: RuleInput) => {
    const g = geometryOf(config, rank, paddings);
    const layout = layoutOf(input, rank, dataFormatOf(config));
    const kernel = config.tuple('kernelSize', rank);
    const out = channelsOf(config, kernel, layout?.channels ?? UNKNOWN, config.boolean('useBias', true));
    if (!layout) return outcome(UNKNOWN, out.params);
    const spatial = layout.spatial.map((d, i) => (g ? size(d, i, g) : UNKNOWN));
    return outcome(layout.build(spatial, out.channels), out.params);
  };
}

const SAME_VALID = ['same', 'valid'] as const;

export const convolutionRules: Record<string, ShapeRule> = {
  conv1d: convRule(1, ['same', 'valid', 'causal'], forward, filtersOut),
  conv2d: convRule(2, SAME_VALID, forward, filtersOut),
  conv3d: convRule(3, SAME_VALID, forward, filtersOut),
  conv2dTranspose: convRule(2, SAME_VALID, transposed, filtersOut),
  conv3dTranspose: convRule(3, SAME_VALID, transposed, filtersOut),
  separableConv2d: convRule(2, SAME_VALID, forward, separable),
  depthwiseConv2d: convRule(2, SAME_VALID, undilated, depthwise),
};
