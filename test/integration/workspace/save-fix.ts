// Fixed on save by `editor.codeActionsOnSave: {"source.fixAll.reglint": "explicit"}`.
import * as tf from '@tensorflow/tfjs';

export function buildTagger(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [32], units: 128, activation: 'relu'}));
  model.add(tf.layers.dense({units: 5, activation: 'softmax'}));
  return model;
}
