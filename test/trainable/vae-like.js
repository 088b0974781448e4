// An encoder and a decoder as sequential models, chained into an autoencoder as layers,
// with a latent size from a const. Trainable: the nested models are built inside.
import * as tf from '@tensorflow/tfjs';

const INPUT = 784;
const LATENT = 16;

function encoder() {
  const m = tf.sequential({ name: 'enc' });
  m.add(tf.layers.dense({ inputShape: [INPUT], units: 128, activation: 'relu' }));
  m.add(tf.layers.dense({ units: LATENT }));
  return m;
}

function decoder() {
  const m = tf.sequential({ name: 'dec' });
  m.add(tf.layers.dense({ inputShape: [LATENT], units: 128, activation: 'relu' }));
  m.add(tf.layers.dense({ units: INPUT, activation: 'sigmoid' }));
  return m;
}

export function autoencoder() {
  const enc = encoder();
  const dec = decoder();
  const x = tf.input({ shape: [INPUT] });
  const model = tf.model({ inputs: x, outputs: dec.apply(enc.apply(x)) });
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  return model;
}
