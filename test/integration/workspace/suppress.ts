// For the "disable for this line" quick fix.
import * as tf from '@tensorflow/tfjs';

export function buildProbe(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [4], units: 16, activation: 'relu'}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
