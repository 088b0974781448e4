const tf = require('@tensorflow/tfjs-node');
const path = require('path');

const NUM_FEATURES = 12;
const LEARNING_RATE = 0.01;

/**
 * A multi-layer perceptron for the Boston housing prices.
 * @param {number} hiddenUnits
 */
function multiLayerPerceptronRegressionModel(hiddenUnits = 50) {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [NUM_FEATURES],
    units: hiddenUnits,
    activation: 'sigmoid',
    kernelInitializer: 'leCunNormal'
  }));
  model.add(tf.layers.dense({units: hiddenUnits, activation: 'sigmoid', kernelInitializer: 'leCunNormal'}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}

function linearRegressionModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [NUM_FEATURES], units: 1}));
  return model;
}

async function main() {
  const which = process.argv[2] || 'mlp';
  const model = which === 'linear' ? linearRegressionModel() : multiLayerPerceptronRegressionModel();
  model.compile({optimizer: tf.train.sgd(LEARNING_RATE), loss: 'meanSquaredError'});
  await model.save('file://' + path.join(__dirname, 'model'));
}

main();
