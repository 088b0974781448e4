import * as tf from '@tensorflow/tfjs';
import { layers } from '@tensorflow/tfjs';

// Assorted builder styles from the playground app.

// Layers built first, assembled later.
const hidden = tf.layers.dense({ units: 24, activation: 'relu', inputShape: [6] });
const gate = tf.layers.dropout({ rate: 0.2 });
const hidden2 = tf.layers.dense({ units: 12, activation: 'relu' });
const head = tf.layers.dense({ units: 3, activation: 'softmax' });

export const preassembled = tf.sequential({ layers: [hidden, gate, hidden2, head] });

// Object with builder methods.
export const builders = {
  tiny() {
    const m = tf.sequential();
    m.add(layers.dense({ units: 8, inputShape: [4], activation: 'relu' }));
    m.add(layers.dense({ units: 1 }));
    return m;
  },
  functional: () => {
    const inp = tf.layers.input({ shape: [4] });
    const h = layers.dense({ units: 8, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }) }).apply(inp);
    const o = layers.dense({ units: 1 }).apply(h);
    return tf.model({ inputs: inp, outputs: o });
  },
};

// `layers` is shadowed here by a plain array; nothing in this function is a tfjs call.
export function summarize(model) {
  const layers = model.layers.map((l) => ({ name: l.name, params: l.countParams() }));
  return layers.map((l) => `${l.name}: ${l.params}`).join('\n');
}

export default function makeModel(kind = 'mlp') {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: 32, inputShape: [10], activation: 'relu' }));
  if (kind === 'mlp-bn') {
    m.add(tf.layers.batchNormalization());
  }
  m.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  m.add(tf.layers.gaussianNoise({ stddev: 0.05 }));
  m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return m;
}
