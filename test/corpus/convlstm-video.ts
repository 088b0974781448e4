import * as tf from '@tensorflow/tfjs';

/**
 * Next-frame prediction on Moving-MNIST style clips
 * (10 frames of 40x40x1), plus a small video classifier.
 */

const FRAMES = 10;
const SIZE = 40;

export function nextFrameModel(): tf.Sequential {
  const seq = tf.sequential();
  seq.add(tf.layers.convLstm2d({
    filters: 40,
    kernelSize: 3,
    inputShape: [FRAMES, SIZE, SIZE, 1],
    padding: 'same',
    returnSequences: true,
  }));
  seq.add(tf.layers.batchNormalization());
  seq.add(tf.layers.convLstm2d({filters: 40, kernelSize: 3, padding: 'same', returnSequences: true, recurrentDropout: 0.2}));
  seq.add(tf.layers.convLstm2d({filters: 40, kernelSize: 3, padding: 'same', returnSequences: true}));
  seq.add(tf.layers.conv3d({filters: 1, kernelSize: 3, activation: 'sigmoid', padding: 'same'}));
  return seq;
}

export function clipClassifier(numClasses: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv3d({inputShape: [FRAMES, SIZE, SIZE, 1], filters: 16, kernelSize: 3, activation: 'relu'}));
  model.add(tf.layers.maxPooling3d({poolSize: [1, 2, 2]}));
  model.add(tf.layers.conv3d({filters: 32, kernelSize: 3, activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
  model.add(tf.layers.maxPooling3d({poolSize: [2, 2, 2]}));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({units: numClasses, activation: 'softmax'}));
  return model;
}

/** Per-frame CNN features, then an LSTM over time. */
export function lrcn(numClasses: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.timeDistributed({
    layer: tf.layers.conv2d({filters: 16, kernelSize: 3, activation: 'relu'}),
    inputShape: [FRAMES, SIZE, SIZE, 1],
  }));
  model.add(tf.layers.timeDistributed({layer: tf.layers.maxPooling2d({poolSize: 2})}));
  model.add(tf.layers.timeDistributed({layer: tf.layers.flatten()}));
  model.add(tf.layers.lstm({units: 64, dropout: 0.3}));
  model.add(tf.layers.dense({units: numClasses, activation: 'softmax'}));
  return model;
}
