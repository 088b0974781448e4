'use strict';
// Character-level text generation with stacked LSTM cells, as in the tfjs examples.
const tf = require('@tensorflow/tfjs-node-gpu');

const SAMPLE_LEN = 40;
const CHARSET_SIZE = 71;

function createModel(lstmLayerSizes) {
  if (!Array.isArray(lstmLayerSizes)) lstmLayerSizes = [lstmLayerSizes];
  const model = tf.sequential();
  for (let i = 0; i < lstmLayerSizes.length; ++i) {
    const lstmLayerSize = lstmLayerSizes[i];
    model.add(tf.layers.lstm({
      units: lstmLayerSize,
      returnSequences: i < lstmLayerSizes.length - 1,
      inputShape: i === 0 ? [SAMPLE_LEN, CHARSET_SIZE] : undefined,
    }));
  }
  model.add(tf.layers.dense({units: CHARSET_SIZE, activation: 'softmax'}));
  return model;
}

function createCellModel() {
  const cells = [
    tf.layers.lstmCell({units: 128}),
    tf.layers.lstmCell({units: 128, dropout: 0.1, recurrentDropout: 0.1}),
  ];
  const model = tf.sequential();
  model.add(tf.layers.rnn({cell: cells, inputShape: [SAMPLE_LEN, CHARSET_SIZE]}));
  model.add(tf.layers.dense({units: CHARSET_SIZE, activation: 'softmax'}));
  return model;
}

module.exports = {createModel, createCellModel};

if (require.main === module) {
  const model = process.argv.includes('--cells') ? createCellModel() : createModel([128, 128]);
  model.summary();
}
