import * as tf from '@tensorflow/tfjs';

// Collected from code review comments. Each builder has at least one thing wrong.

export function dropoutEverywhere(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 256, activation: 'relu', inputShape: [100]}));
  m.add(tf.layers.dropout({rate: 0.8}));
  m.add(tf.layers.dense({units: 128, activation: 'relu'}));
  m.add(tf.layers.dropout({rate: 1.0}));
  m.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  m.add(tf.layers.dropout({rate: 0.1}));
  return m;
}

export function dropoutThenNorm(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({inputShape: [28, 28, 1], filters: 32, kernelSize: 3}));
  m.add(tf.layers.dropout({rate: 0.25}));
  m.add(tf.layers.batchNormalization());
  m.add(tf.layers.activation({activation: 'relu'}));
  m.add(tf.layers.conv2d({filters: 64, kernelSize: 3, activation: 'relu'}));
  m.add(tf.layers.batchNormalization());
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  return m;
}

export function crazyStrengths(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({units: 64, inputShape: [20], kernelRegularizer: tf.regularizers.l2({l2: 0.5})}),
      tf.layers.dense({units: 64, kernelRegularizer: tf.regularizers.l1({l1: 0})}),
      tf.layers.dense({units: 64, kernelRegularizer: tf.regularizers.l1l2({l1: -0.01, l2: 0.01})}),
      tf.layers.dense({units: 1}),
    ],
  });
}

export function recurrentMisuse(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.simpleRNN({units: 16, inputShape: [30, 4], returnSequences: true, dropout: 0.9}));
  m.add(tf.layers.batchNormalization());
  m.add(tf.layers.gru({units: 16, recurrentDropout: 0.5, returnSequences: true}));
  m.add(tf.layers.dropout({rate: 0.3}));
  m.add(tf.layers.batchNormalization());
  m.add(tf.layers.lstm({units: 16}));
  m.add(tf.layers.dense({units: 1}));
  return m;
}
