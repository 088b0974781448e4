import * as tf from '@tensorflow/tfjs';

export interface ConvNetOptions {
  imageSize?: number;
  channels?: number;
  filters?: number[];
  denseUnits?: number;
  numClasses: number;
}

export function convNet(opts: ConvNetOptions): tf.Sequential {
  const {imageSize = 64, channels = 3, filters = [32, 64], denseUnits = 128, numClasses} = opts;
  const model = tf.sequential();
  filters.forEach((f, i) => {
    model.add(tf.layers.conv2d({
      filters: f,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      ...(i === 0 ? {inputShape: [imageSize, imageSize, channels]} : {}),
    }));
    model.add(tf.layers.batchNormalization());
    model.add(tf.layers.maxPooling2d({poolSize: 2}));
  });
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({units: denseUnits, activation: 'relu'}));
  model.add(tf.layers.dense({units: numClasses, activation: 'softmax'}));
  return model;
}

export const flowers = convNet({numClasses: 5});
