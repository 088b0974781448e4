// Small model files for the CLI tests, with the positions the tests expect.

/** Line 5 (1-based): hidden `dense` at column 23 with nothing after it. */
export const UNREGULARIZED_TS = `import * as tf from '@tensorflow/tfjs';

export function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [10]}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
`;

/** Every hidden layer regularized (L2, dropout, recurrent dropout): no findings. */
export const REGULARIZED_JS = `const tf = require('@tensorflow/tfjs');

const model = tf.sequential({
  layers: [
    tf.layers.dense({units: 32, inputShape: [8], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}),
    tf.layers.dense({units: 16, activation: 'relu'}),
    tf.layers.dropout({rate: 0.3}),
    tf.layers.dense({units: 1}),
  ],
});
module.exports = { model };
`;

/** A bidirectional LSTM in a functional model, for the graph output. */
export const FUNCTIONAL_TS = `import * as tf from '@tensorflow/tfjs';

const input = tf.input({shape: [20, 8]});
const encoded = tf.layers.bidirectional({
  layer: tf.layers.lstm({units: 16, dropout: 0.2, recurrentDropout: 0.1}),
}).apply(input) as tf.SymbolicTensor;
const hidden = tf.layers.dense({units: 8, kernelRegularizer: tf.regularizers.l2({l2: 0.001})}).apply(encoded) as tf.SymbolicTensor;
const output = tf.layers.dense({units: 1}).apply(hidden) as tf.SymbolicTensor;
export const tagger = tf.model({inputs: input, outputs: output});
`;

export const NO_TFJS_TS = `export const answer = 42;\n`;
