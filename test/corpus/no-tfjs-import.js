// Unit-test helpers for the model-description parser.
// NOTE: this file deliberately does NOT use TensorFlow.js. `tf` below is a
// plain object that records which "layers" were requested, so the parser can
// be tested without loading the real library.

function makeRecorder() {
  const calls = [];
  const record = (name) => (config) => {
    calls.push({ name, config });
    return { name, config };
  };
  return {
    calls,
    layers: {
      dense: record('dense'),
      dropout: record('dropout'),
      conv2d: record('conv2d'),
      lstm: record('lstm'),
      batchNormalization: record('batchNormalization'),
    },
    sequential: () => {
      const layers = [];
      return { add: (l) => layers.push(l), layers };
    },
  };
}

const tf = makeRecorder();

function fakeModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3 }));
  model.add(tf.layers.lstm({ units: 8 }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

// A string that looks like code must not count either:
const SNIPPET = "model.add(tf.layers.dense({units: 10}))";

/** Describe a keras-style JSON config as text. */
function describeKerasConfig(json) {
  return json.config.layers
    .map((l) => `${l.class_name}(${l.config.units || l.config.filters || ''})`)
    .join(' -> ');
}

module.exports = { makeRecorder, fakeModel, describeKerasConfig, SNIPPET, tf };
