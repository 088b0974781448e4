// A model whose hidden width is a parameter: sanity-train asks for it (a quick input,
// prefilled with its default) and remembers the answer for the next run.
import * as tf from '@tensorflow/tfjs';

export function buildModel(hidden: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [8], units: hidden, activation: 'relu'}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
