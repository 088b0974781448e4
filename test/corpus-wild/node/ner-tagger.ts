import * as tf from '@tensorflow/tfjs-node';

const MAX_WORDS = 60;
const NUM_TAGS = 9;

export function taggerModel(vocabSize: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.embedding({inputDim: vocabSize, outputDim: 100, inputLength: MAX_WORDS, maskZero: true}));
  model.add(tf.layers.bidirectional({
    layer: tf.layers.lstm({units: 64, returnSequences: true, recurrentDropout: 0.1}) as tf.RNN,
    mergeMode: 'concat',
  }));
  model.add(tf.layers.bidirectional({layer: tf.layers.gru({units: 32, returnSequences: true}) as tf.RNN}));
  model.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: 50, activation: 'relu'})}));
  model.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: NUM_TAGS, activation: 'softmax'})}));
  return model;
}
