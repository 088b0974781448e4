import * as tf from '@tensorflow/tfjs-node-gpu';

const L = tf.layers;
const R = tf.regularizers;

// CIFAR-10, VGG-ish. Runs ~40s/epoch on my 2070.
const WD = 5e-4;

export function vggBlock(model: tf.Sequential, filters: number, first = false) {
  if (first) {
    model.add(L.conv2d({inputShape: [32, 32, 3], filters, kernelSize: 3, padding: 'same', activation: 'relu',
      kernelRegularizer: R.l2({l2: WD})}));
  } else {
    model.add(L.conv2d({filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelRegularizer: R.l2({l2: WD})}));
  }
  model.add(L.conv2d({filters, kernelSize: 3, padding: 'same', activation: 'relu'}));
  model.add(L.maxPooling2d({poolSize: [2, 2]}));
  model.add(L.dropout({rate: 0.2}));
}

export function buildVgg(): tf.Sequential {
  const model = tf.sequential();
  vggBlock(model, 32, true);
  vggBlock(model, 64);
  vggBlock(model, 128);
  model.add(L.flatten());
  model.add(L.dense({units: 128, activation: 'relu', kernelInitializer: 'heUniform'}));
  model.add(L.dense({units: 10, activation: 'softmax'}));
  return model;
}

export function buildTiny(): tf.Sequential {
  const model = tf.sequential();
  model.add(L.conv2d({inputShape: [32, 32, 3], filters: 16, kernelSize: 5, activation: 'relu'}));
  model.add(L.avgPool2d({poolSize: 2}));
  model.add(L.conv2d({filters: 32, kernelSize: 5, activation: 'relu'}));
  model.add(L.avgPool2d({poolSize: 2}));
  model.add(L.flatten());
  model.add(L.dense({units: 10, activation: 'softmax'}));
  return model;
}

export async function trainCifar(model: tf.Sequential, x: tf.Tensor4D, y: tf.Tensor2D) {
  model.compile({
    optimizer: tf.train.momentum(0.001, 0.9),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  const augmented = tf.tidy(() => tf.image.flipLeftRight(x));
  await model.fit(tf.concat([x, augmented]), tf.concat([y, y]), {
    epochs: 50,
    batchSize: 64,
    validationSplit: 0.1,
  });
  augmented.dispose();
}
