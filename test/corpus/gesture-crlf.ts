// Written on Windows (CRLF line endings). Gesture classifier for the
// accelerometer demo board: 3 axes x 50 samples.
import * as tf from '@tensorflow/tfjs';

export const GESTURES = ['wave', 'punch', 'flex', 'idle'];
const STEPS = 50;
const AXES = 3;

export function gestureModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(
    tf.layers.conv1d({
      inputShape: [STEPS, AXES],
      filters: 16,
      kernelSize: 5,
      activation: 'relu',
    })
  );
  model.add(tf.layers.maxPooling1d({poolSize: 2}));
  model.add(
    tf.layers.conv1d({
      filters: 32,
      kernelSize: 3,
      activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({l2: 0.001}),
    })
  );
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({units: 32, activation: 'relu'}));
  model.add(tf.layers.gaussianDropout({rate: 0.2}));
  model.add(tf.layers.dense({units: 24, activation: 'relu'}));
  model.add(tf.layers.dense({units: GESTURES.length, activation: 'softmax'}));
  return model;
}

export async function trainGestures(xs: tf.Tensor3D, ys: tf.Tensor2D) {
  const model = gestureModel();
  model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});
  await model.fit(xs, ys, {epochs: 60, batchSize: 16, validationSplit: 0.2});
  return model;
}

export function classify(model: tf.LayersModel, window: number[][]): string {
  const idx = tf.tidy(() => {
    const x = tf.tensor3d([window], [1, STEPS, AXES]);
    return (model.predict(x) as tf.Tensor).argMax(-1).dataSync()[0];
  });
  return GESTURES[idx];
}
