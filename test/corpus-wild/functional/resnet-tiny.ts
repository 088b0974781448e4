import * as tf from '@tensorflow/tfjs';

type T = tf.SymbolicTensor;

function convBnRelu(x: T, filters: number, strides = 1): T {
  let y = tf.layers
    .conv2d({filters, kernelSize: 3, strides, padding: 'same', useBias: false})
    .apply(x) as T;
  y = tf.layers.batchNormalization().apply(y) as T;
  return tf.layers.activation({activation: 'relu'}).apply(y) as T;
}

function residual(x: T, filters: number, downsample: boolean): T {
  const shortcut = downsample
    ? (tf.layers.conv2d({filters, kernelSize: 1, strides: 2, padding: 'same'}).apply(x) as T)
    : x;
  let y = convBnRelu(x, filters, downsample ? 2 : 1);
  y = tf.layers
    .conv2d({filters, kernelSize: 3, padding: 'same'})
    .apply(y) as T;
  y = tf.layers.batchNormalization().apply(y) as T;
  const sum = tf.layers.add().apply([shortcut, y]) as T;
  return tf.layers.reLU().apply(sum) as T;
}

export function tinyResNet(numClasses = 10): tf.LayersModel {
  const input = tf.input({shape: [32, 32, 3]});
  let x = convBnRelu(input, 16);
  x = residual(x, 16, false);
  x = residual(x, 32, true);
  x = residual(x, 64, true);
  x = tf.layers.globalAveragePooling2d({}).apply(x) as T;
  const logits = tf.layers.dense({units: numClasses, activation: 'softmax'}).apply(x) as T;
  return tf.model({inputs: input, outputs: logits});
}
