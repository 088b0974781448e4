// The regularizer is chosen at run time: the sanity-train will not guess whether the
// hidden layer is regularized; it says so, with the expression, and --set (or the
// editor's prompt) gives it.
import * as tf from '@tensorflow/tfjs';

export function build(inputDim: number, useWeightDecay: boolean): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [inputDim],
    units: 64,
    activation: 'relu',
    kernelRegularizer: useWeightDecay ? tf.regularizers.l2({l2: 1e-4}) : undefined,
  }));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
