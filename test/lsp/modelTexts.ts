// Model files the LSP tests and the benchmark type into the server.
export const DENSE_LINE = 4;

/** A hidden dense layer with nothing after it but the output: one dense-unregularized finding. */
export const UNREGULARIZED_MODEL = `import * as tf from '@tensorflow/tfjs';

export function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [10]}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
`;

/** The line that regularizes it, inserted after DENSE_LINE. */
export const DROPOUT_LINE = `  model.add(tf.layers.dropout({rate: 0.5}));\n`;

export const REGULARIZED_MODEL = UNREGULARIZED_MODEL.replace(
  "inputShape: [10]}));\n",
  `inputShape: [10]}));\n${DROPOUT_LINE}`,
);

/** A model that parses, followed by code that does not. */
export const MODEL_WITH_SYNTAX_ERRORS = `import * as tf from '@tensorflow/tfjs';

const model = tf.sequential();
model.add(tf.layers.dense({units: 32, inputShape: [8]}));
model.add(tf.layers.dense({units: 1}));

function broken( {
  const = ;
  model.add(
`;

export const NO_TFJS = `export function add(a: number, b: number): number {
  return a + b;
}
`;

/** Dropout upstream of batch norm in the same block: one finding, related to the norm. */
export const DROPOUT_BEFORE_BATCHNORM_MODEL = `import * as tf from '@tensorflow/tfjs';

const model = tf.sequential();
model.add(tf.layers.dense({units: 64, inputShape: [10], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
model.add(tf.layers.dropout({rate: 0.3}));
model.add(tf.layers.batchNormalization());
model.add(tf.layers.dense({units: 1}));
`;
