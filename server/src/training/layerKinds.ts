// Layer kinds by tfjs factory name, for specs written by hand (graphs carry their own).
import type { LayerKind } from '../analysis/modelGraph';

const KINDS: Record<string, LayerKind> = {};
const put = (kind: LayerKind, names: string[]) => names.forEach((n) => (KINDS[n] = kind));
put('dense', ['dense']);
put('conv', ['conv1d', 'conv2d', 'conv3d', 'conv2dTranspose', 'conv3dTranspose', 'separableConv2d', 'depthwiseConv2d']);
put('recurrent', ['lstm', 'gru', 'simpleRNN', 'convLstm2d']);
put('dropout', ['dropout', 'spatialDropout1d', 'gaussianDropout', 'alphaDropout', 'gaussianNoise']);
put('normalization', ['batchNormalization', 'layerNormalization']);
put('wrapper', ['bidirectional', 'timeDistributed']);
put('merge', ['add', 'average', 'concatenate', 'dot', 'maximum', 'minimum', 'multiply']);
put('input', ['input', 'inputLayer']);

export function kindOf(factory: string): LayerKind {
  return KINDS[factory] ?? 'other';
}

/** Layers whose weights the regularization rules care about. */
export function isWeightedKind(kind: LayerKind): boolean {
  return kind === 'dense' || kind === 'conv' || kind === 'recurrent';
}

/** Layers that regularize the weighted layer before them (DESIGN.md section 3). */
export function isRegularizingKind(factory: string): boolean {
  return kindOf(factory) === 'dropout' || factory === 'batchNormalization';
}
