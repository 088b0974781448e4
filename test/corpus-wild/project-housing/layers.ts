import * as tf from '@tensorflow/tfjs-node';
import {L2} from './config';

/** A hidden block: dense with weight decay. */
export function regularizedDense(units: number): tf.layers.Layer {
  return tf.layers.dense({units, activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2: L2})});
}

/** A hidden block without any regularization. */
export function plainDense(units: number): tf.layers.Layer {
  return tf.layers.dense({units, activation: 'relu'});
}
