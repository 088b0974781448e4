import {sequential, layers, regularizers, train, Sequential, Tensor2D} from '@tensorflow/tfjs';

export interface TabularOptions {
  numFeatures: number;
  numClasses: number;
  hidden?: number;
}

/**
 * Tabular classifier for the churn dataset.
 * TODO(ana): try batchnorm instead of the l2 on the first layer
 */
export function createTabularModel({numFeatures, numClasses, hidden = 64}: TabularOptions): Sequential {
  const model = sequential();
  model.add(layers.dense({
    inputShape: [numFeatures],
    units: hidden,
    activation: 'relu',
    kernelRegularizer: regularizers.l2({l2: 0.001}),
  }));
  model.add(layers.dense({units: hidden / 2, activation: 'relu', kernelRegularizer: regularizers.l1l2({l1: 1e-5, l2: 1e-4})}));
  model.add(layers.dense({units: hidden / 4, activation: 'relu'}));
  model.add(layers.dense({units: numClasses, activation: 'softmax'}));

  model.compile({
    optimizer: train.adam(),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

export function createBinaryModel(numFeatures: number): Sequential {
  const m = sequential({
    layers: [
      layers.dense({inputShape: [numFeatures], units: 32, activation: 'relu'}),
      layers.batchNormalization(),
      layers.dense({units: 16, activation: 'relu'}), layers.dropout({rate: 0.3}),
      layers.dense({units: 1, activation: 'sigmoid'}),
    ],
  });
  m.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});
  return m;
}

export async function fitTabular(model: Sequential, xs: Tensor2D, ys: Tensor2D) {
  const h = await model.fit(xs, ys, {epochs: 30, batchSize: 64, validationSplit: 0.1});
  return h.history;
}
