// (saved by Notepad with a BOM)
const tf = require("@tensorflow/tfjs");

const seq = tf.sequential();
seq.add(tf.layers.dense({units: 20, inputShape: [8], activation: "relu"}));
seq.add(tf.layers.dense({units: 20, activation: "relu"}));
seq.add(tf.layers.dropout({rate: 0.5}));
seq.add(tf.layers.dense({units: 1, activation: "linear"}));

seq.compile({optimizer: "sgd", loss: "meanSquaredError"});

// Pima diabetes: 8 features, predict glucose response
async function go(xs, ys) {
  const h = await seq.fit(xs, ys, {epochs: 250, batchSize: 32, validationSplit: 0.25});
  console.log("final loss", h.history.loss[h.history.loss.length - 1]);
  console.log("final val loss", h.history.val_loss[h.history.val_loss.length - 1]);
}

const seq2 = tf.sequential();
seq2.add(tf.layers.dense({units: 12, inputShape: [8], activation: "relu", kernelRegularizer: tf.regularizers.l1({l1: 0.001})}));
seq2.add(tf.layers.dense({units: 8, activation: "relu"}));
seq2.add(tf.layers.batchNormalization({}));
seq2.add(tf.layers.dense({units: 1, activation: "sigmoid"}));
seq2.compile({optimizer: "adam", loss: "binaryCrossentropy", metrics: ["accuracy"]});

function standardize(xs) {
  const {mean, variance} = tf.moments(xs, 0);
  return xs.sub(mean).div(variance.sqrt().add(1e-7));
}

module.exports = {seq, seq2, go, standardize};
