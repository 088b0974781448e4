// A wide, unregularized MLP with literal configs: sanity-train can build it without
// running any workspace code, and on a small noisy data set it overfits.
import * as tf from '@tensorflow/tfjs';

export function buildWideMlp(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [16], units: 512, activation: 'relu'}));
  model.add(tf.layers.dense({units: 512, activation: 'relu'}));
  model.add(tf.layers.dense({units: 256, activation: 'relu'}));
  model.add(tf.layers.dense({units: 1}));
  model.compile({optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError'});
  return model;
}
