// A text classifier: vocabulary size and sequence length are parameters, the kernel
// regularizer strength comes from options. Trainable with assumptions (token range from
// the data when given).
import * as tf from '@tensorflow/tfjs';

export interface TextCnnOptions {
  vocabSize: number;
  maxLen: number;
  l2: number;
}

export function textCnn({vocabSize, maxLen, l2}: TextCnnOptions): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.embedding({inputDim: vocabSize, outputDim: 32, inputLength: maxLen}));
  model.add(tf.layers.conv1d({filters: 64, kernelSize: 5, activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2})}));
  model.add(tf.layers.globalMaxPooling1d({}));
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return model;
}
