// Every layer factory tfjs-layers 4.x exports under `tf.layers` (aliases included), with
// the kind the rules reason about. Taken from @tensorflow/tfjs-layers/dist/exports_layers.d.ts.
import type { LayerKind } from './modelGraph';

const KINDS: Record<LayerKind, readonly string[]> = {
  dense: ['dense'],
  conv: [
    'conv1d', 'conv2d', 'conv3d', 'conv2dTranspose', 'conv3dTranspose',
    'separableConv2d', 'depthwiseConv2d',
  ],
  recurrent: ['lstm', 'gru', 'simpleRNN', 'convLstm2d', 'rnn', 'lstmCell', 'gruCell', 'simpleRNNCell', 'convLstm2dCell'],
  dropout: ['dropout', 'spatialDropout1d', 'gaussianDropout', 'alphaDropout', 'gaussianNoise'],
  normalization: ['batchNormalization', 'layerNormalization'],
  wrapper: ['bidirectional', 'timeDistributed'],
  merge: ['add', 'average', 'concatenate', 'maximum', 'minimum', 'multiply', 'dot'],
  input: ['inputLayer'],
  other: [
    'elu', 'reLU', 'leakyReLU', 'prelu', 'softmax', 'thresholdedReLU', 'cropping2D',
    'upSampling2d', 'activation', 'flatten', 'repeatVector', 'reshape', 'permute', 'embedding',
    'zeroPadding2d', 'averagePooling1d', 'avgPool1d', 'avgPooling1d', 'averagePooling2d',
    'avgPool2d', 'avgPooling2d', 'averagePooling3d', 'avgPool3d', 'avgPooling3d',
    'globalAveragePooling1d', 'globalAveragePooling2d', 'globalMaxPooling1d',
    'globalMaxPooling2d', 'maxPooling1d', 'maxPooling2d', 'maxPooling3d', 'globalMaxPool1d',
    'globalMaxPool2d', 'maxPool1d', 'maxPool2d', 'stackedRNNCells', 'masking', 'rescaling', 'centerCrop',
    'resizing', 'categoryEncoding', 'randomWidth',
  ],
};

const kindByFactory = new Map<string, LayerKind>();
for (const [kind, factories] of Object.entries(KINDS) as [LayerKind, readonly string[]][]) {
  for (const factory of factories) kindByFactory.set(factory, kind);
}

export function layerKindOf(factory: string): LayerKind | undefined {
  return kindByFactory.get(factory);
}

export function isLayerFactory(name: string): boolean {
  return kindByFactory.has(name);
}

export const REGULARIZER_FACTORIES = new Set(['l1', 'l2', 'l1l2']);

/** Module specifiers that export the tfjs (or tfjs-layers) API. */
export const TFJS_MODULES = new Set([
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
  '@tensorflow/tfjs-layers',
]);

/** One of those packages from a CDN: `https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/+esm`, `https://esm.sh/@tensorflow/tfjs`. */
const TFJS_URL = /^(?:https?:)?\/\/[^?#]*\/@tensorflow\/tfjs(?:-node|-node-gpu|-layers)?(?:@[^/?#]*)?(?:[/?#+].*)?$/;

export function isTfjsModule(specifier: string): boolean {
  return TFJS_MODULES.has(specifier) || TFJS_URL.test(specifier);
}
