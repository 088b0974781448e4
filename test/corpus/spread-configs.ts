import * as tf from '@tensorflow/tfjs';

// Shared layer settings -- keep these in one place so the experiments stay comparable.
const base = {activation: 'relu' as const, kernelInitializer: 'heNormal' as const};
const withWd = {...base, kernelRegularizer: tf.regularizers.l2({l2: 2e-4})};
const convBase = {kernelSize: 3, padding: 'same' as const, activation: 'relu' as const};
const DROP = {rate: 0.35};

const OUTPUT = {units: 5, activation: 'softmax' as const};

export function denseNet(inputDim: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({...withWd, units: 128, inputShape: [inputDim]}));
  model.add(tf.layers.dense({...base, units: 64}));
  model.add(tf.layers.dropout(DROP));
  model.add(tf.layers.dense({...base, units: 32}));
  model.add(tf.layers.dense(OUTPUT));
  return model;
}

export function convNet(): tf.Sequential {
  const first = {...convBase, filters: 32, inputShape: [48, 48, 1]};
  const model = tf.sequential();
  model.add(tf.layers.conv2d(first));
  model.add(tf.layers.conv2d({...convBase, filters: 32, kernelRegularizer: tf.regularizers.l1({l1: 1e-5})}));
  model.add(tf.layers.maxPooling2d({poolSize: 2}));
  model.add(tf.layers.conv2d({...convBase, filters: 64}));
  model.add(tf.layers.maxPooling2d({poolSize: 2}));
  model.add(tf.layers.spatialDropout1d !== undefined ? tf.layers.flatten() : tf.layers.reshape({targetShape: [-1]}));
  model.add(tf.layers.dense({...OUTPUT}));
  return model;
}

const hiddenCfg: Parameters<typeof tf.layers.dense>[0] = {
  units: 48,
  activation: 'tanh',
  kernelRegularizer: 'l1l2',
};

export function smallNet(inputDim: number): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({...hiddenCfg, inputShape: [inputDim]}),
      tf.layers.dense({...hiddenCfg, kernelRegularizer: undefined}),
      tf.layers.dense(OUTPUT),
    ],
  });
}
