import * as tf from '@tensorflow/tfjs-node';

// Snake DQN, loosely after tfjs-examples/snake-dqn.

export function createDeepQNetwork(h: number, w: number, numActions: number): tf.Sequential {
  if (!(Number.isInteger(h) && h > 0)) {
    throw new Error(`Expected height to be a positive integer, but got ${h}`);
  }
  if (!(Number.isInteger(numActions) && numActions > 1)) {
    throw new Error(`Expected numActions to be a integer greater than 1, but got ${numActions}`);
  }

  const model = tf.sequential();
  model.add(tf.layers.conv2d({
    filters: 128,
    kernelSize: 3,
    strides: 1,
    activation: 'relu',
    inputShape: [h, w, 2],
  }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.conv2d({
    filters: 256,
    kernelSize: 3,
    strides: 1,
    activation: 'relu',
  }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.conv2d({
    filters: 256,
    kernelSize: 3,
    strides: 1,
    activation: 'relu',
  }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({units: 100, activation: 'relu'}));
  model.add(tf.layers.dropout({rate: 0.25}));
  model.add(tf.layers.dense({units: numActions}));
  return model;
}

export function copyWeights(destNetwork: tf.LayersModel, srcNetwork: tf.LayersModel) {
  let originalDestNetworkTrainable: boolean | null = null;
  if (destNetwork.trainable !== srcNetwork.trainable) {
    originalDestNetworkTrainable = destNetwork.trainable;
    destNetwork.trainable = srcNetwork.trainable;
  }
  destNetwork.setWeights(srcNetwork.getWeights());
  if (originalDestNetworkTrainable != null) {
    destNetwork.trainable = originalDestNetworkTrainable;
  }
}

/** Dueling head on top of a flat state vector (CartPole etc.). */
export function createDuelingNetwork(stateDim: number, numActions: number): tf.LayersModel {
  const s = tf.input({shape: [stateDim]});
  const trunk = tf.layers.dense({units: 64, activation: 'relu'}).apply(s) as tf.SymbolicTensor;
  const v = tf.layers.dense({units: 1}).apply(trunk) as tf.SymbolicTensor;
  const a = tf.layers.dense({units: numActions}).apply(trunk) as tf.SymbolicTensor;
  const q = tf.layers.add().apply([v, a]) as tf.SymbolicTensor;
  return tf.model({inputs: s, outputs: q});
}

export class ReplayMemory<T> {
  private buffer: (T | null)[];
  private index = 0;
  private length = 0;
  constructor(private readonly maxLen: number) {
    this.buffer = new Array(maxLen).fill(null);
  }
  append(item: T) {
    this.buffer[this.index] = item;
    this.length = Math.min(this.length + 1, this.maxLen);
    this.index = (this.index + 1) % this.maxLen;
  }
  sample(batchSize: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < batchSize; i++) {
      out.push(this.buffer[Math.floor(Math.random() * this.length)] as T);
    }
    return out;
  }
}
