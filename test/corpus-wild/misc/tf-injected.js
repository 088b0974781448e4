// Shared between the Node trainer and the browser demo: each passes its own tfjs build.
module.exports = function createPolicyNetwork(tf, inputSize, numActions) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [inputSize]}));
  model.add(tf.layers.dense({units: 64, activation: 'relu'}));
  model.add(tf.layers.dropout({rate: 0.2}));
  model.add(tf.layers.dense({units: numActions, activation: 'softmax'}));
  return model;
};
