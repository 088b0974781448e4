import * as tf from '@tensorflow/tfjs';

type T = tf.SymbolicTensor;

// ---- little helpers ------------------------------------------------------

function block(units: number) {
  return tf.layers.dense({units, activation: 'relu'});
}

function regBlock(units: number) {
  return tf.layers.dense({units, activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2: 1e-4})});
}

function convBn(x: T, filters: number, strides = 1): T {
  const y = tf.layers.conv2d({filters, kernelSize: 3, strides, padding: 'same', useBias: false}).apply(x) as T;
  const z = tf.layers.batchNormalization().apply(y) as T;
  return tf.layers.reLU().apply(z) as T;
}

function resBlock(x: T, filters: number): T {
  let y = convBn(x, filters);
  y = tf.layers.conv2d({filters, kernelSize: 3, padding: 'same'}).apply(y) as T;
  y = tf.layers.batchNormalization().apply(y) as T;
  return tf.layers.add().apply([x, y]) as T;
}

// ---- models --------------------------------------------------------------

/** Plain MLP: every hidden layer comes from block(), each followed by dropout. */
export function mlp(inputDim: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({inputShape: [inputDim]}));
  model.add(block(256));
  model.add(tf.layers.dropout({rate: 0.3}));
  model.add(block(128));
  model.add(tf.layers.dropout({rate: 0.3}));
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return model;
}

/** Same thing but with weight decay on every hidden layer and no dropout. */
export function mlpWd(inputDim: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({inputShape: [inputDim]}));
  model.add(regBlock(256));
  model.add(regBlock(128));
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return model;
}

/** Tiny ResNet for 32x32 inputs. */
export function tinyResNet(numClasses = 10): tf.LayersModel {
  const input = tf.input({shape: [32, 32, 3]});
  let x = convBn(input, 16);
  x = resBlock(x, 16);
  x = resBlock(x, 16);
  x = tf.layers.globalAveragePooling2d({}).apply(x) as T;
  const out = tf.layers.dense({units: numClasses, activation: 'softmax'}).apply(x) as T;
  return tf.model({inputs: input, outputs: out});
}
