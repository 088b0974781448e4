import * as tf from '@tensorflow/tfjs-node';
import {DROPOUT_RATE, HIDDEN_UNITS, NUM_FEATURES} from './config';
import {plainDense, regularizedDense} from './layers';

export function buildModel(numFeatures: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({inputShape: [numFeatures]}));
  for (const units of HIDDEN_UNITS) {
    model.add(tf.layers.dense({units, activation: 'relu'}));
    model.add(tf.layers.dropout({rate: DROPOUT_RATE}));
  }
  model.add(tf.layers.dense({units: 1}));
  return model;
}

export function buildWithHelpers(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 32, inputShape: [NUM_FEATURES], activation: 'relu'}));
  model.add(plainDense(16));
  model.add(regularizedDense(8));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
