import * as tf from '@tensorflow/tfjs-node';

const WINDOW = 24;

async function recurrentBlock(units: number, last: boolean) {
  // An awaited factory: some code bases wrap every layer in an async helper.
  const cell = await tf.layers.gruCell({units, recurrentDropout: 0.15});
  return tf.layers.rnn({cell, returnSequences: !last});
}

export async function buildForecaster(): Promise<tf.Sequential> {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({inputShape: [WINDOW, 3]}));
  model.add(await recurrentBlock(64, false));
  model.add(await recurrentBlock(32, true));
  model.add(tf.layers.dense({units: 8, activation: 'relu'}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}

export async function main(): Promise<void> {
  const model = await buildForecaster();
  model.compile({optimizer: tf.train.adam(5e-4), loss: 'meanSquaredError'});
  model.summary();
}
