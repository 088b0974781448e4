// When a batch norm right after a layer makes that layer's bias dead weight: the same
// judgement as the bias-before-batchnorm rule, for fixes that put a batch norm right after
// a layer (and so must set useBias: false, or leave that rule a new finding).
import type { LayerNode } from '../analysis/modelGraph';
import { readConfig } from '../rules/config';
import { isConv } from '../rules/layerFacts';

/** Output rank (with batch) of channelsLast convs, for norms written with a positive axis. */
const CONV_OUTPUT_RANK: Record<string, number> = {
  conv1d: 3, conv2d: 4, conv2dTranspose: 4, separableConv2d: 4, depthwiseConv2d: 4, conv3d: 5, conv3dTranspose: 5,
};

/**
 * Whether a batch norm over `normAxis` right after the layer cancels its bias: the layer
 * has a bias, no nonlinearity, and the norm normalizes its feature axis.
 */
export function biasCancelledByNorm(layer: LayerNode, normAxis: number): boolean {
  const useBias = readConfig(layer, 'useBias');
  const activation = readConfig(layer, 'activation');
  const hasBias = useBias.state === 'absent' || (useBias.state === 'set' && useBias.value === true);
  const affine = activation.state === 'absent' || (activation.state === 'set' && activation.value === 'linear');
  return hasBias && affine && featureAxisOf(layer).includes(normAxis);
}

/** The axes naming the layer's feature axis: [1] for channelsFirst convs, else -1 (or rank - 1). */
export function featureAxisOf(layer: LayerNode): number[] {
  const dataFormat = readConfig(layer, 'dataFormat');
  if (dataFormat.state === 'unknown') return [];
  if (isConv(layer) && dataFormat.state === 'set' && dataFormat.value === 'channelsFirst') return [1];
  const rank = isConv(layer) ? CONV_OUTPUT_RANK[layer.factory] : undefined;
  return rank === undefined ? [-1] : [-1, rank - 1];
}
