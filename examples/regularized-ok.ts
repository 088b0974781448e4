/**
 * A fully regularized image classifier: reglint should report nothing here.
 *
 * - Convolutions have no bias (batch norm supplies the shift), an L2 kernel
 *   penalty, and batch normalization after them.
 * - The hidden dense layer has an L2 kernel penalty and dropout after it, with
 *   the dropout placed after the batch norm, never before it.
 * - The output layer is left alone: it is exempt.
 */
import * as tf from '@tensorflow/tfjs';

const WEIGHT_DECAY = 1e-4;

function l2(): ReturnType<typeof tf.regularizers.l2> {
  return tf.regularizers.l2({l2: WEIGHT_DECAY});
}

export function buildClassifier(numClasses: number): tf.Sequential {
  const model = tf.sequential();

  model.add(tf.layers.conv2d({
    inputShape: [32, 32, 3],
    filters: 32,
    kernelSize: 3,
    padding: 'same',
    useBias: false,
    kernelRegularizer: tf.regularizers.l2({l2: WEIGHT_DECAY}),
  }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.activation({activation: 'relu'}));
  model.add(tf.layers.maxPooling2d({poolSize: 2}));

  model.add(tf.layers.conv2d({
    filters: 64,
    kernelSize: 3,
    padding: 'same',
    useBias: false,
    kernelRegularizer: l2(),
  }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.activation({activation: 'relu'}));
  model.add(tf.layers.globalAveragePooling2d({}));

  model.add(tf.layers.dense({
    units: 128,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: WEIGHT_DECAY}),
  }));
  model.add(tf.layers.dropout({rate: 0.4}));

  model.add(tf.layers.dense({units: numClasses, activation: 'softmax'}));

  model.compile({
    optimizer: tf.train.adam(1e-3),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

export function buildSequenceRegressor(timeSteps: number, features: number): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.lstm({
        inputShape: [timeSteps, features],
        units: 48,
        returnSequences: true,
        dropout: 0.2,
        recurrentDropout: 0.2,
      }),
      tf.layers.gru({
        units: 24,
        recurrentRegularizer: tf.regularizers.l2({l2: WEIGHT_DECAY}),
        kernelRegularizer: tf.regularizers.l2({l2: WEIGHT_DECAY}),
      }),
      tf.layers.dense({units: 1}),
    ],
  });
}
