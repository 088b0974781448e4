'use strict';

const tf = require('@tensorflow/tfjs');
const { dense, dropout, batchNormalization, activation } = tf.layers;
const { l2 } = tf.regularizers;

/*
 * House price regressor (Boston housing style). Features are normalized
 * before they get here, see normalize() below.
 */

const NUM_FEATURES = 12;

function normalize(data, mean, std) {
  return data.sub(mean).div(std);
}

function linearRegressionModel() {
  const model = tf.sequential();
  model.add(dense({ inputShape: [NUM_FEATURES], units: 1 }));
  return model;
}

function multiLayerPerceptronRegressionModel1Hidden() {
  const model = tf.sequential();
  model.add(dense({
    inputShape: [NUM_FEATURES],
    units: 50,
    activation: 'sigmoid',
    kernelInitializer: 'leCunNormal',
  }));
  model.add(dense({ units: 1 }));
  return model;
}

function multiLayerPerceptronRegressionModel2Hidden() {
  const model = tf.sequential();
  model.add(dense({ inputShape: [NUM_FEATURES], units: 50, kernelInitializer: 'leCunNormal' }));
  model.add(batchNormalization());
  model.add(activation({ activation: 'sigmoid' }));
  model.add(dense({
    units: 50,
    activation: 'sigmoid',
    kernelInitializer: 'leCunNormal',
    kernelRegularizer: l2({ l2: 0.01 }),
  }));
  model.add(dense({ units: 50, activation: 'sigmoid' }));
  model.add(dropout({ rate: 0.5 }));
  model.add(dense({ units: 1 }));
  return model;
}

async function run(trainFeatures, trainTarget, which) {
  const builders = {
    linear: linearRegressionModel,
    mlp1: multiLayerPerceptronRegressionModel1Hidden,
    mlp2: multiLayerPerceptronRegressionModel2Hidden,
  };
  const model = builders[which]();
  model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
  return model.fit(trainFeatures, trainTarget, {
    batchSize: 40,
    epochs: 200,
    validationSplit: 0.2,
  });
}

module.exports = { normalize, run };
