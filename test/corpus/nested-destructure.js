const {
  sequential,
  layers: { dense: fc, dropout: drop, conv2d, maxPooling2d, flatten },
  regularizers: { l2 },
  train,
} = require('@tensorflow/tfjs');

// "Dogs vs cats" from a blog post, rewritten with destructuring because
// somebody on the team hates typing tf.layers.

const IMG = 96;

function cnn() {
  const model = sequential();
  model.add(conv2d({ inputShape: [IMG, IMG, 3], filters: 32, kernelSize: 3, activation: 'relu' }));
  model.add(maxPooling2d({ poolSize: 2 }));
  model.add(conv2d({ filters: 64, kernelSize: 3, activation: 'relu', kernelRegularizer: l2({ l2: 1e-4 }) }));
  model.add(maxPooling2d({ poolSize: 2 }));
  model.add(conv2d({ filters: 128, kernelSize: 3, activation: 'relu' }));
  model.add(maxPooling2d({ poolSize: 2 }));
  model.add(drop({ rate: 0.25 }));
  model.add(flatten());
  model.add(fc({ units: 256, activation: 'relu' }));
  model.add(fc({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: train.adam(1e-4), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

function head(features) {
  const model = sequential();
  model.add(fc({ inputShape: [features], units: 128, activation: 'relu' })); model.add(drop({ rate: 0.5 }));
  model.add(fc({ units: 1, activation: 'sigmoid' }));
  return model;
}

module.exports = { cnn, head };
