// Two hidden dense layers without regularization: two `dense-unregularized` findings.
import * as tf from '@tensorflow/tfjs';

export function buildClassifier(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [16], units: 64, activation: 'relu'}));
  model.add(tf.layers.dense({units: 32, activation: 'relu'}));
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return model;
}
