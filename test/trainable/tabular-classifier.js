// A tabular classifier as tutorials write it: the widths come from the data at run time.
// Trainable with assumptions: input width from the data file (or a stated default), the
// class count from the data's labels (or the softmax default).
const tf = require('@tensorflow/tfjs-node');

const HIDDEN = [64, 32];

function createModel(numFeatures, numClasses, learningRate = 0.001) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [numFeatures], units: HIDDEN[0], activation: 'relu', kernelInitializer: 'heNormal' }));
  model.add(tf.layers.dense({ units: HIDDEN[1], activation: 'relu' }));
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax', name: `out_${numClasses}` }));
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function run(data) {
  const model = createModel(data.features.length, data.classes.length);
  await model.fit(data.xs, data.ys, { epochs: 50, validationSplit: 0.2 });
}

module.exports = { createModel, run };
