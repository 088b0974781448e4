// One finding of each weighted-layer rule, for fix-all: conv, dense and recurrent.
import * as tf from '@tensorflow/tfjs';

export function buildImageModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}));
  model.add(tf.layers.maxPooling2d({poolSize: 2}));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({units: 64, activation: 'relu'}));
  model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  return model;
}

export function buildSequenceModel(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.embedding({inputDim: 1000, outputDim: 16, inputLength: 20}),
      tf.layers.lstm({units: 32}),
      tf.layers.dense({units: 1, activation: 'sigmoid'}),
    ],
  });
}
