import * as tf from '@tensorflow/tfjs';

const ENCODER = [256, 64];
const LATENT = 8;

export function buildAutoencoder(inputDim = 784): {autoencoder: tf.LayersModel; encoder: tf.LayersModel} {
  const input = tf.input({shape: [inputDim]});
  let x: tf.SymbolicTensor = input;
  for (const units of ENCODER) {
    x = tf.layers.dense({units, activation: 'relu'}).apply(x) as tf.SymbolicTensor;
  }
  const code = tf.layers.dense({units: LATENT, activation: 'linear', name: 'latent'}).apply(x) as tf.SymbolicTensor;
  let y = code;
  for (const units of [...ENCODER].reverse()) {
    y = tf.layers.dense({units, activation: 'relu'}).apply(y) as tf.SymbolicTensor;
    y = tf.layers.dropout({rate: 0.1}).apply(y) as tf.SymbolicTensor;
  }
  const output = tf.layers.dense({units: inputDim, activation: 'sigmoid'}).apply(y) as tf.SymbolicTensor;
  return {
    autoencoder: tf.model({inputs: input, outputs: output}),
    encoder: tf.model({inputs: input, outputs: code}),
  };
}
