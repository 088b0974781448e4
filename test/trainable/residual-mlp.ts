// Residual blocks from a helper, called three times; the width is a parameter shared by
// the input and every block (one unknown, so they agree). Trainable with assumptions.
import * as tf from '@tensorflow/tfjs';

type T = tf.SymbolicTensor;

function residualBlock(x: T, width: number, dropout: number): T {
  let h = tf.layers.dense({units: width, activation: 'relu'}).apply(x) as T;
  h = tf.layers.dropout({rate: dropout}).apply(h) as T;
  h = tf.layers.dense({units: width}).apply(h) as T;
  const sum = tf.layers.add().apply([x, h]) as T;
  return tf.layers.layerNormalization().apply(sum) as T;
}

export function buildResidualMlp(width: number, outputs = 1): tf.LayersModel {
  const input = tf.input({shape: [width]});
  let x = residualBlock(input, width, 0.1);
  x = residualBlock(x, width, 0.1);
  x = residualBlock(x, width, 0.2);
  const out = tf.layers.dense({units: outputs}).apply(x) as T;
  const model = tf.model({inputs: input, outputs: out});
  model.compile({optimizer: 'adam', loss: 'meanSquaredError'});
  return model;
}
