// Fully regularized: reglint must report nothing here.
import * as tf from '@tensorflow/tfjs';

export function buildRegularized(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [16],
    units: 64,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
  }));
  model.add(tf.layers.dense({units: 32, activation: 'relu'}));
  model.add(tf.layers.dropout({rate: 0.5}));
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return model;
}
