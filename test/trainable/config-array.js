// Layers from a config array, in a loop: built once with the loop count stated
// (--set dense_1.repeat=<n> gives the real count).
const tf = require('@tensorflow/tfjs');

const CONFIG = { inputDim: 20, layers: [128, 64, 32], dropout: 0.25 };

function build(config = CONFIG) {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [config.inputDim] }));
  for (const units of config.layers) {
    model.add(tf.layers.dense({ units, activation: 'relu' }));
    model.add(tf.layers.dropout({ rate: config.dropout }));
  }
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

module.exports = { build };
