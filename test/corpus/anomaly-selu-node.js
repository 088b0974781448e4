// Credit-card fraud: autoencoder trained on legit transactions only,
// anomaly score = reconstruction error. Self-normalising (SELU) variant.
const tf = require('@tensorflow/tfjs-node');

const N_FEATURES = 29;

const selu = { activation: 'selu', kernelInitializer: 'leCunNormal' };

function seluAutoencoder() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ ...selu, units: 20, inputShape: [N_FEATURES] }));
  model.add(tf.layers.alphaDropout({ rate: 0.05 }));
  model.add(tf.layers.dense({ ...selu, units: 10 }));
  model.add(tf.layers.dense({ ...selu, units: 20 }));
  model.add(tf.layers.alphaDropout({ rate: 0.05 }));
  model.add(tf.layers.dense({ units: N_FEATURES, activation: 'linear' }));
  return model;
}

// Keras port. NB: the original used activity_regularizer=l1(10e-5) on the
// bottleneck and kernel_regularizer='l2' on the others.
function kerasPort() {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    units: 14,
    inputShape: [N_FEATURES],
    activation: 'tanh',
    activityRegularizer: tf.regularizers.l1({ l1: 10e-5 }),
  }));
  model.add(tf.layers.dense({ units: 7, activation: 'relu', kernelRegularizer: tf.regularizers.l2(0.01) }));
  model.add(tf.layers.dense({ units: 7, activation: 'tanh', kernelRegularizer: 'l2' }));
  model.add(tf.layers.dense({ units: 14, activation: 'relu', kernelRegularizer: 'l1l2' }));
  model.add(tf.layers.dense({ units: N_FEATURES, activation: 'relu' }));
  return model;
}

async function scoreTransactions(model, xs) {
  return tf.tidy(() => {
    const recon = model.predict(xs);
    return tf.mean(tf.square(tf.sub(xs, recon)), 1);
  });
}

async function fitOnLegit(model, legit) {
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  const es = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 5 });
  return model.fit(legit, legit, { epochs: 100, batchSize: 32, shuffle: true, validationSplit: 0.1, callbacks: [es] });
}

function threshold(scores, percentile = 0.99) {
  const sorted = Array.from(scores.dataSync()).sort((a, b) => a - b);
  return sorted[Math.floor(percentile * (sorted.length - 1))];
}

module.exports = { seluAutoencoder, kerasPort, scoreTransactions, fitOnLegit, threshold };
