// Edited by the tests while open: one `dense-unregularized` finding until a regularizer is added.
import * as tf from '@tensorflow/tfjs';

export function buildRegressor(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [8], units: 32, activation: 'relu'}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
