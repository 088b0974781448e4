import * as tf from '@tensorflow/tfjs';

// WIP: half-edited file, does not compile yet. The editor still has to cope.

export function buildModel(inputDim: number) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 128, activation: 'relu', inputShape: [inputDim]}));
  model.add(tf.layers.dropout({rate: 0.3}));
  model.add(tf.layers.dense({units: 64 activation: 'relu'}));
  model.add(tf.layers.dense({units: 32, activation: 'relu'}));
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return model;
}

export function compileIt(model: tf.Sequential) {
  model.compile({
    optimizer: tf.train.adam(0.001)
    loss: 'binaryCrossentropy',
    metrics: ['accuracy'],
  });
}

export async function trainIt(model: tf.Sequential, xs: tf.Tensor, ys: tf.Tensor) {
  const cb = {
    onEpochEnd: async (epoch: number, logs) => {
      console.log(`epoch ${epoch}: ${logs.loss}`
    },
  };
  await model.fit(xs, ys, {epochs: 10, callbacks: cb});
}

export function second(inputDim: number) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 16, inputShape: [inputDim], kernelRegularizer: tf.regularizers.l2({l2: 0.01})}));
  m.add(tf.layers.dense({units: 2, activation: 'softmax'}));
  return m;
}

const = 5;
