// For the settings test: one dense and one conv finding; only the dense rule is toggled.
import * as tf from '@tensorflow/tfjs';

export function buildSmallConvnet(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({inputShape: [16, 16, 3], filters: 4, kernelSize: 3, activation: 'relu'}));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({units: 32, activation: 'relu'}));
  model.add(tf.layers.dense({units: 2, activation: 'softmax'}));
  return model;
}
