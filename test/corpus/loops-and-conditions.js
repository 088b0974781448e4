const tf = require('@tensorflow/tfjs');

const DEFAULTS = {
  hidden: [128, 64],
  dropout: true,
  batchNorm: false,
};

/**
 * Build an MLP from a list of layer sizes.
 * Each hidden layer is followed by dropout; the rate shrinks with depth.
 */
function buildFromSizes(inputDim, numClasses) {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [inputDim] }));
  for (const units of [512, 256, 128]) {
    model.add(tf.layers.dense({ units, activation: 'relu' }));
    model.add(tf.layers.dropout({ rate: units / 1024 }));
  }
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));
  return model;
}

/** Same shape, but what follows each hidden layer depends on the options. */
function buildConfigurable(inputDim, numClasses, opts = DEFAULTS) {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [inputDim] }));
  for (let i = 0; i < opts.hidden.length; i++) {
    model.add(tf.layers.dense({ units: opts.hidden[i], activation: 'relu' }));
    if (opts.batchNorm) {
      model.add(tf.layers.batchNormalization());
    }
    if (opts.dropout) model.add(tf.layers.dropout({ rate: 0.2 }));
  }
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));
  return model;
}

/** Conv stack whose depth is a parameter: no regularization anywhere. */
function buildConvStack(depth) {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [64, 64, 1], filters: 8, kernelSize: 3, activation: 'relu' }));
  let filters = 8;
  while (depth-- > 0) {
    filters *= 2;
    model.add(tf.layers.conv2d({ filters, kernelSize: 3, activation: 'relu' }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  }
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

/** Hidden layers are only regularized when the caller asks for it. */
function buildMaybeRegularized(inputDim, useL2) {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [inputDim],
    units: 32,
    activation: 'relu',
    kernelRegularizer: useL2 ? tf.regularizers.l2({ l2: 1e-3 }) : undefined,
  }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

module.exports = { buildFromSizes, buildConfigurable, buildConvStack, buildMaybeRegularized };
