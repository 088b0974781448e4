import * as tf from '@tensorflow/tfjs';

/**
 * MobileNet-v1 flavoured classifier for 96x96 RGB: depthwise separable
 * blocks, width multiplier alpha.
 */

const decay = () => tf.regularizers.l2({l2: 4e-5});

function dwBlock(model: tf.Sequential, filters: number, strides: number) {
  model.add(tf.layers.depthwiseConv2d({kernelSize: 3, strides, padding: 'same', useBias: false, depthwiseRegularizer: decay()}));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.reLU({maxValue: 6}));
  model.add(tf.layers.conv2d({filters, kernelSize: 1, padding: 'same', useBias: false}));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.reLU({maxValue: 6}));
}

export function mobileNetLike(numClasses: number, alpha = 0.5): tf.Sequential {
  const f = (n: number) => Math.round(n * alpha);
  const model = tf.sequential();
  model.add(tf.layers.conv2d({inputShape: [96, 96, 3], filters: f(32), kernelSize: 3, strides: 2, padding: 'same', useBias: false}));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.reLU({maxValue: 6}));
  dwBlock(model, f(64), 1);
  dwBlock(model, f(128), 2);
  dwBlock(model, f(256), 2);
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dropout({rate: 0.001}));
  model.add(tf.layers.dense({units: numClasses, activation: 'softmax'}));
  return model;
}

/** Keyword-spotting net: separable convs, the last one without any regularization. */
export function kwsNet(numWords: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.separableConv2d({
    inputShape: [49, 40, 1],
    filters: 64,
    kernelSize: [10, 4],
    strides: [2, 2],
    padding: 'same',
    activation: 'relu',
    depthwiseRegularizer: decay(),
    pointwiseRegularizer: decay(),
  }));
  model.add(tf.layers.separableConv2d({filters: 64, kernelSize: 3, padding: 'same', activation: 'relu', pointwiseRegularizer: decay()}));
  model.add(tf.layers.separableConv2d({filters: 64, kernelSize: 3, padding: 'same', activation: 'relu'}));
  model.add(tf.layers.depthwiseConv2d({kernelSize: 3, padding: 'same', activation: 'relu'}));
  model.add(tf.layers.averagePooling2d({poolSize: [2, 2]}));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({units: numWords, activation: 'softmax'}));
  return model;
}
