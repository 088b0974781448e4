// A module worker: new Worker('./module-worker.js', {type: 'module'})
import * as tf from 'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/dist/tf.fesm.js';

const SEQ_LEN = 30;
const FEATURES = 4;

function forecaster() {
  const input = tf.input({shape: [SEQ_LEN, FEATURES]});
  let x = tf.layers.gru({units: 48, returnSequences: true}).apply(input);
  x = tf.layers.gru({units: 24, recurrentDropout: 0.2}).apply(x);
  x = tf.layers.dense({units: 16, activation: 'relu'}).apply(x);
  const out = tf.layers.dense({units: 1}).apply(x);
  return tf.model({inputs: input, outputs: out});
}

self.addEventListener('message', async (e) => {
  const model = forecaster();
  model.compile({optimizer: tf.train.adam(1e-3), loss: 'meanAbsoluteError'});
  self.postMessage({params: model.countParams(), shape: [SEQ_LEN, FEATURES], got: e.data.length});
});
