/**
 * MNIST digit classifier: a small convnet in the style of the official
 * tfjs-examples/mnist demo.
 *
 * Open this file with reglint enabled: the convolution blocks and the hidden
 * dense layer have no regularization at all, so the linter reports each of
 * them. `createDenseModel` shows the fixed version of the dense baseline.
 */
import * as tf from '@tensorflow/tfjs';

export const IMAGE_H = 28;
export const IMAGE_W = 28;
export const NUM_CLASSES = 10;

/** Convolutional model: conv -> pool -> conv -> pool -> conv -> dense. */
export function createConvModel(): tf.Sequential {
  const model = tf.sequential();

  model.add(tf.layers.conv2d({
    inputShape: [IMAGE_H, IMAGE_W, 1],
    kernelSize: 3,
    filters: 16,
    activation: 'relu',
  }));
  model.add(tf.layers.maxPooling2d({poolSize: 2, strides: 2}));

  model.add(tf.layers.conv2d({kernelSize: 3, filters: 32, activation: 'relu'}));
  model.add(tf.layers.maxPooling2d({poolSize: 2, strides: 2}));

  model.add(tf.layers.conv2d({kernelSize: 3, filters: 32, activation: 'relu'}));

  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({units: 64, activation: 'relu'}));

  // Output layer: one probability per digit.
  model.add(tf.layers.dense({units: NUM_CLASSES, activation: 'softmax'}));
  return model;
}

/** Multilayer perceptron baseline, with dropout after each hidden layer. */
export function createDenseModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.flatten({inputShape: [IMAGE_H, IMAGE_W, 1]}));
  model.add(tf.layers.dense({units: 42, activation: 'relu'}));
  model.add(tf.layers.dropout({rate: 0.25}));
  model.add(tf.layers.dense({units: NUM_CLASSES, activation: 'softmax'}));
  return model;
}

export interface MnistBatch {
  xs: tf.Tensor4D;
  labels: tf.Tensor2D;
}

export async function train(
  model: tf.LayersModel,
  trainData: MnistBatch,
  onEpoch?: (epoch: number, logs?: tf.Logs) => void,
): Promise<tf.History> {
  model.compile({
    optimizer: 'rmsprop',
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });

  return model.fit(trainData.xs, trainData.labels, {
    batchSize: 320,
    validationSplit: 0.15,
    epochs: 3,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        onEpoch?.(epoch, logs);
        await tf.nextFrame();
      },
    },
  });
}

/** Returns the predicted digit for each image in the batch. */
export function predictDigits(model: tf.LayersModel, xs: tf.Tensor4D): number[] {
  return tf.tidy(() => {
    const output = model.predict(xs) as tf.Tensor2D;
    return Array.from(output.argMax(-1).dataSync());
  });
}
