import * as tf from '@tensorflow/tfjs';

type S = tf.SymbolicTensor;
const DEPTHS = [16, 32, 64];

function doubleConv(x: S, filters: number): S {
  x = tf.layers.conv2d({filters, kernelSize: 3, padding: 'same', activation: 'relu'}).apply(x) as S;
  x = tf.layers.conv2d({filters, kernelSize: 3, padding: 'same', activation: 'relu'}).apply(x) as S;
  return x;
}

export function unet(size = 128): tf.LayersModel {
  const input = tf.input({shape: [size, size, 1]});
  const skips: S[] = [];
  let x: S = input;
  for (const d of DEPTHS) {
    x = doubleConv(x, d);
    skips.push(x);
    x = tf.layers.maxPooling2d({poolSize: 2}).apply(x) as S;
  }
  x = doubleConv(x, 128);
  for (let i = DEPTHS.length - 1; i >= 0; i--) {
    x = tf.layers.conv2dTranspose({filters: DEPTHS[i], kernelSize: 2, strides: 2, padding: 'same'}).apply(x) as S;
    x = tf.layers.concatenate().apply([x, skips[i]]) as S;
    x = doubleConv(x, DEPTHS[i]);
  }
  const mask = tf.layers.conv2d({filters: 1, kernelSize: 1, activation: 'sigmoid'}).apply(x) as S;
  return tf.model({inputs: input, outputs: mask});
}
