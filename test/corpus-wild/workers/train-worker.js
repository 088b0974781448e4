/* eslint-disable no-undef */
// Trains a small regression network off the main thread.
importScripts('https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.10.0/dist/tf.min.js');

let model = null;

function buildModel(numFeatures, hiddenUnits) {
  const net = tf.sequential();
  net.add(tf.layers.dense({inputShape: [numFeatures], units: hiddenUnits, activation: 'relu'}));
  net.add(tf.layers.dropout({rate: 0.1}));
  net.add(tf.layers.dense({units: hiddenUnits / 2, activation: 'relu'}));
  net.add(tf.layers.dense({units: 1}));
  net.compile({optimizer: tf.train.adam(0.01), loss: 'meanSquaredError'});
  return net;
}

self.onmessage = async (event) => {
  const {type, payload} = event.data;
  if (type === 'init') {
    model = buildModel(payload.numFeatures, payload.hidden);
    self.postMessage({type: 'ready'});
  } else if (type === 'train') {
    const xs = tf.tensor2d(payload.xs);
    const ys = tf.tensor2d(payload.ys, [payload.ys.length, 1]);
    await model.fit(xs, ys, {
      epochs: payload.epochs,
      callbacks: {onEpochEnd: (epoch, logs) => self.postMessage({type: 'progress', epoch, loss: logs.loss})},
    });
    tf.dispose([xs, ys]);
    self.postMessage({type: 'done'});
  }
};
