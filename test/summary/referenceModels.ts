// The reference models: one (or a few) per supported layer kind, then whole models.
import { layer as L, LayerSpec, sequential, type FunctionalSpec, type NodeSpec, type SequentialSpec } from './referenceSpec';

/** A functional node; its layer gets `name` so rows can be matched with tfjs's layers by name. */
function node(name: string, l: LayerSpec, ...args: string[]): NodeSpec {
  return { name, layer: L(l.factory, { ...l.config, name }), args };
}

const image = (shape: number[]) => ({ inputShape: shape });

export const layerKindModels: SequentialSpec[] = [
  sequential('dense', [
    L('dense', { units: 8, inputShape: [4], activation: 'relu' }),
    L('dense', { units: 3, useBias: false }),
  ]),
  sequential('dense on the last axis', [L('dense', { units: 6, inputShape: [5, 4] }), L('dense', { units: 2 })]),
  sequential('dense inputDim', [L('dense', { units: 2, inputDim: 7 })]),
  sequential('dense batchInputShape', [L('dense', { units: 2, batchInputShape: [16, 3] })]),
  sequential('dense inputShape with batchSize', [L('dense', { units: 2, inputShape: [3], batchSize: 8 })]),
  sequential('inputLayer', [L('inputLayer', { inputShape: [6] }), L('dense', { units: 4 })], 'array'),
  sequential('conv1d', [
    L('conv1d', { filters: 4, kernelSize: 3, inputShape: [20, 3] }),
    L('conv1d', { filters: 2, kernelSize: 5, strides: 2, padding: 'same' }),
    L('conv1d', { filters: 2, kernelSize: [2], dilationRate: 2 }),
    L('conv1d', { filters: 3, kernelSize: 2, padding: 'causal', useBias: false }),
  ]),
  sequential('conv2d', [
    L('conv2d', { filters: 8, kernelSize: 3, inputShape: [32, 30, 3] }),
    L('conv2d', { filters: 4, kernelSize: [3, 5], strides: [2, 1], padding: 'same' }),
    L('conv2d', { filters: 4, kernelSize: 3, dilationRate: 2, useBias: false }),
    L('conv2d', { filters: 2, kernelSize: 2, strides: 3, padding: 'valid' }),
  ]),
  sequential('conv2d channelsFirst', [
    L('conv2d', { filters: 6, kernelSize: 3, dataFormat: 'channelsFirst', inputShape: [3, 16, 12] }),
    L('maxPooling2d', { poolSize: 2, dataFormat: 'channelsFirst' }),
    L('globalAveragePooling2d', { dataFormat: 'channelsFirst' }),
  ]),
  sequential('conv3d', [
    L('conv3d', { filters: 4, kernelSize: 3, inputShape: [8, 10, 12, 2] }),
    L('conv3d', { filters: 2, kernelSize: [1, 2, 3], strides: 2, padding: 'same' }),
  ]),
  sequential('conv2dTranspose', [
    L('conv2dTranspose', { filters: 4, kernelSize: 3, strides: 2, inputShape: [7, 9, 2] }),
    L('conv2dTranspose', { filters: 2, kernelSize: [3, 2], strides: 2, padding: 'same' }),
    L('conv2dTranspose', { filters: 1, kernelSize: 1, strides: [3, 1], useBias: false }),
  ]),
  sequential('conv3dTranspose', [L('conv3dTranspose', { filters: 3, kernelSize: 2, strides: 2, inputShape: [4, 5, 6, 2] })]),
  sequential('separableConv2d', [
    L('separableConv2d', { filters: 8, kernelSize: 3, depthMultiplier: 2, inputShape: [16, 16, 3] }),
    L('separableConv2d', { filters: 4, kernelSize: [3, 1], strides: 2, padding: 'same', useBias: false }),
  ]),
  sequential('depthwiseConv2d', [
    L('depthwiseConv2d', { kernelSize: 3, depthMultiplier: 3, inputShape: [15, 15, 2] }),
    L('depthwiseConv2d', { kernelSize: [2, 3], strides: 2, padding: 'same' }),
  ]),
  sequential('pooling 1d', [
    L('maxPooling1d', { inputShape: [21, 4] }),
    L('avgPool1d', { poolSize: 3, strides: 1, padding: 'same' }),
    L('averagePooling1d', { poolSize: [3], strides: 2 }),
    L('maxPool1d', { poolSize: 2, padding: 'same' }),
  ]),
  sequential('pooling 2d', [
    L('maxPooling2d', { inputShape: [29, 30, 3] }),
    L('averagePooling2d', { poolSize: [3, 2], strides: 1, padding: 'same' }),
    L('maxPool2d', { poolSize: 3, strides: 2 }),
    L('avgPool2d', { poolSize: 2, strides: [1, 2], padding: 'valid' }),
  ]),
  sequential('pooling 3d', [
    L('maxPooling3d', { inputShape: [9, 10, 11, 2] }),
    L('avgPool3d', { poolSize: 2, strides: 1, padding: 'same' }),
    L('averagePooling3d', { poolSize: [1, 2, 3] }),
  ]),
  sequential('global pooling 1d', [L('globalAveragePooling1d', { inputShape: [12, 5] })]),
  sequential('global max pooling 1d', [L('globalMaxPooling1d', { inputShape: [12, 5] })]),
  sequential('global pooling 2d', [L('globalMaxPooling2d', image([8, 8, 6]))]),
  sequential('global average pooling 2d', [L('globalAveragePooling2d', image([8, 8, 6]))]),
  sequential('flatten', [L('conv2d', { filters: 3, kernelSize: 2, inputShape: [5, 6, 1] }), L('flatten')]),
  sequential('reshape', [
    L('dense', { units: 12, inputShape: [3] }),
    L('reshape', { targetShape: [3, 4] }),
    L('reshape', { targetShape: [-1, 2] }),
  ]),
  sequential('reshape with a fixed batch', [L('reshape', { targetShape: [2, -1], batchInputShape: [8, 12] })]),
  sequential('dropout family', [
    L('dense', { units: 5, inputShape: [4] }),
    L('dropout', { rate: 0.5 }),
    L('gaussianDropout', { rate: 0.2 }),
    L('alphaDropout', { rate: 0.1 }),
    L('gaussianNoise', { stddev: 0.1 }),
    L('repeatVector', { n: 3 }),
    L('spatialDropout1d', { rate: 0.3 }),
  ]),
  sequential('batchNormalization', [
    L('dense', { units: 10, inputShape: [4] }),
    L('batchNormalization'),
    L('reshape', { targetShape: [2, 5] }),
    L('batchNormalization', { axis: 1 }),
    L('batchNormalization', { scale: false }),
    L('batchNormalization', { center: false, scale: false }),
  ]),
  sequential('batchNormalization after conv', [L('conv2d', { filters: 6, kernelSize: 3, inputShape: [8, 8, 1] }), L('batchNormalization')]),
  sequential('layerNormalization', [
    L('dense', { units: 6, inputShape: [3, 4] }),
    L('layerNormalization'),
    L('layerNormalization', { axis: [1, 2] }),
    L('layerNormalization', { axis: 1, center: false }),
  ]),
  sequential('activations', [
    L('dense', { units: 6, inputShape: [2] }),
    L('activation', { activation: 'relu' }),
    L('elu'),
    L('reLU', { maxValue: 6 }),
    L('leakyReLU', { alpha: 0.1 }),
    L('thresholdedReLU'),
    L('softmax'),
    L('prelu'),
  ]),
  sequential('prelu sharedAxes', [L('prelu', { sharedAxes: [1, 2], inputShape: [4, 5, 3] })]),
  sequential('frozen layers', [
    L('dense', { units: 5, inputShape: [3], trainable: false }),
    L('batchNormalization', { trainable: false }),
    L('rescaling', { scale: 0.5, offset: 1 }),
  ]),
  sequential('masking', [L('masking', { maskValue: 0, inputShape: [7, 3] }), L('lstm', { units: 2 })]),
  sequential('embedding', [L('embedding', { inputDim: 1000, outputDim: 16, inputLength: 20 })]),
  sequential('embedding without inputLength', [L('embedding', { inputDim: 50, outputDim: 4 })]),
  sequential('embedding with inputShape', [L('embedding', { inputDim: 50, outputDim: 4, inputShape: [6, 2] })]),
  sequential('lstm', [
    L('lstm', { units: 8, returnSequences: true, inputShape: [10, 3] }),
    L('lstm', { units: 4, useBias: false }),
  ]),
  sequential('gru', [L('gru', { units: 6, returnSequences: true, inputShape: [7, 5] }), L('gru', { units: 3 })]),
  sequential('simpleRNN', [
    L('simpleRNN', { units: 5, returnSequences: true, inputShape: [null, 2] }),
    L('simpleRNN', { units: 2, useBias: false }),
  ]),
  sequential('bidirectional', [
    L('bidirectional', { layer: L('lstm', { units: 4, returnSequences: true }), inputShape: [6, 3] }),
    L('bidirectional', { layer: L('gru', { units: 3, returnSequences: true }), mergeMode: 'sum' }),
    L('bidirectional', { layer: L('simpleRNN', { units: 2, returnSequences: true }), mergeMode: 'ave' }),
    L('bidirectional', { layer: L('lstm', { units: 2 }), mergeMode: 'mul' }),
  ]),
  sequential('timeDistributed', [
    L('timeDistributed', { layer: L('dense', { units: 4 }), inputShape: [10, 8] }),
    L('timeDistributed', { layer: L('dropout', { rate: 0.1 }) }),
  ]),
  sequential('timeDistributed conv2d', [
    L('timeDistributed', { layer: L('conv2d', { filters: 2, kernelSize: 3 }), inputShape: [5, 8, 8, 1] }),
    L('timeDistributed', { layer: L('flatten') }),
  ]),
  sequential('repeatVector', [L('dense', { units: 4, inputShape: [2] }), L('repeatVector', { n: 5 })]),
  sequential('permute', [L('permute', { dims: [2, 3, 1], inputShape: [3, 4, 5] }), L('permute', { dims: [1, 3, 2] })]),
  sequential('upSampling2d', [
    L('upSampling2d', image([4, 5, 2])),
    L('upSampling2d', { size: [2, 3] }),
  ]),
  sequential('upSampling2d channelsFirst', [L('upSampling2d', { size: [3, 1], dataFormat: 'channelsFirst', inputShape: [2, 4, 5] })]),
  sequential('zeroPadding2d', [
    L('zeroPadding2d', image([4, 5, 2])),
    L('zeroPadding2d', { padding: 2 }),
    L('zeroPadding2d', { padding: [1, 3] }),
    L('zeroPadding2d', { padding: [[1, 0], [0, 2]] }),
  ]),
  sequential('cropping2D', [
    L('cropping2D', { cropping: 1, inputShape: [12, 14, 3] }),
    L('cropping2D', { cropping: [1, 2] }),
    L('cropping2D', { cropping: [[2, 0], [1, 3]] }),
  ]),
];

export const wholeModels: SequentialSpec[] = [
  sequential('MNIST convnet', [
    L('conv2d', { filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
    L('maxPooling2d', { poolSize: 2 }),
    L('conv2d', { filters: 64, kernelSize: 3, activation: 'relu' }),
    L('maxPooling2d', { poolSize: [2, 2] }),
    L('flatten'),
    L('dropout', { rate: 0.5 }),
    L('dense', { units: 128, activation: 'relu' }),
    L('batchNormalization'),
    L('dense', { units: 10, activation: 'softmax' }),
  ], 'array'),
  sequential('sentiment LSTM', [
    L('embedding', { inputDim: 10000, outputDim: 128, inputLength: 100 }),
    L('lstm', { units: 64, dropout: 0.2, recurrentDropout: 0.2 }),
    L('dropout', { rate: 0.5 }),
    L('dense', { units: 1, activation: 'sigmoid' }),
  ]),
  sequential('bidirectional GRU', [
    L('embedding', { inputDim: 5000, outputDim: 64, inputLength: 40 }),
    L('bidirectional', { layer: L('gru', { units: 32, returnSequences: true }) }),
    L('bidirectional', { layer: L('gru', { units: 16 }) }),
    L('dense', { units: 3, activation: 'softmax' }),
  ]),
  sequential('convolutional autoencoder', [
    L('conv2d', { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [28, 28, 1] }),
    L('maxPooling2d', { poolSize: 2, padding: 'same' }),
    L('conv2d', { filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }),
    L('maxPooling2d', { poolSize: 2, padding: 'same' }),
    L('conv2dTranspose', { filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
    L('upSampling2d', { size: [2, 2] }),
    L('conv2d', { filters: 1, kernelSize: 3, padding: 'same', activation: 'sigmoid' }),
  ]),
  sequential('dense autoencoder', [
    L('dense', { units: 64, activation: 'relu', inputShape: [784] }),
    L('dense', { units: 16, activation: 'relu' }),
    L('dense', { units: 64, activation: 'relu' }),
    L('dense', { units: 784, activation: 'sigmoid' }),
  ]),
];

export const functionalModels: FunctionalSpec[] = [
  {
    kind: 'functional',
    name: 'functional with concatenate',
    inputs: { wide: [10], deep: [5] },
    nodes: [
      node('deep1', L('dense', { units: 16, activation: 'relu' }), 'deep'),
      node('deep2', L('dense', { units: 8, activation: 'relu' }), 'deep1'),
      node('merged', L('concatenate'), 'wide', 'deep2'),
      node('out', L('dense', { units: 1 }), 'merged'),
    ],
    outputs: ['out'],
  },
  {
    kind: 'functional',
    name: 'functional merges',
    inputs: { a: [4, 6], b: [4, 6] },
    nodes: [
      node('da', L('dense', { units: 6 }), 'a'),
      node('sum', L('add'), 'da', 'b'),
      node('mean', L('average'), 'sum', 'a', 'b'),
      node('prod', L('multiply'), 'mean', 'da'),
      node('hi', L('maximum'), 'prod', 'a'),
      node('lo', L('minimum'), 'hi', 'b'),
      node('rows', L('concatenate', { axis: 1 }), 'lo', 'a', 'a'),
      node('flat', L('flatten'), 'rows'),
      node('norm', L('batchNormalization'), 'flat'),
    ],
    outputs: ['norm'],
  },
  {
    kind: 'functional',
    name: 'functional autoencoder',
    inputs: { pixels: [784] },
    nodes: [
      node('encode', L('dense', { units: 32, activation: 'relu' }), 'pixels'),
      node('code', L('dense', { units: 8, activation: 'relu' }), 'encode'),
      node('decode', L('dense', { units: 32, activation: 'relu' }), 'code'),
      node('restored', L('dense', { units: 784, activation: 'sigmoid' }), 'decode'),
    ],
    outputs: ['restored'],
  },
  {
    kind: 'functional',
    name: 'functional sequence model',
    inputs: { tokens: [30] },
    nodes: [
      node('embed', L('embedding', { inputDim: 200, outputDim: 8 }), 'tokens'),
      node('birnn', L('bidirectional', { layer: L('lstm', { units: 5, returnSequences: true }) }), 'embed'),
      node('conv', L('conv1d', { filters: 4, kernelSize: 3, padding: 'same' }), 'embed'),
      node('both', L('concatenate'), 'birnn', 'conv'),
      node('pool', L('globalMaxPooling1d'), 'both'),
    ],
    outputs: ['pool'],
  },
];
