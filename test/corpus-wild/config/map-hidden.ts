import * as tf from '@tensorflow/tfjs';

const HIDDEN_UNITS = [512, 256, 128];

const hiddenLayers = HIDDEN_UNITS.map((units) =>
  tf.layers.dense({units, activation: 'relu', kernelRegularizer: tf.regularizers.l1l2({l1: 1e-5, l2: 1e-4})}),
);

export const classifier = tf.sequential({
  layers: [
    tf.layers.flatten({inputShape: [28, 28]}),
    ...hiddenLayers,
    tf.layers.dense({units: 10, activation: 'softmax'}),
  ],
});

export const plain = tf.sequential({
  layers: [
    tf.layers.flatten({inputShape: [28, 28]}),
    ...[64, 32].map((u) => tf.layers.dense({units: u, activation: 'relu'})),
    tf.layers.dense({units: 10, activation: 'softmax'}),
  ],
});
