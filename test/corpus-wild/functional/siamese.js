import * as tf from '@tensorflow/tfjs';

// One embedding tower, applied to both images: its layers are shared.
function makeTower() {
  return {
    conv: tf.layers.conv2d({filters: 32, kernelSize: 3, activation: 'relu'}),
    pool: tf.layers.globalAveragePooling2d({}),
    proj: tf.layers.dense({units: 64, activation: 'relu'}),
  };
}

export function siamese(height = 64, width = 64) {
  const left = tf.input({shape: [height, width, 1]});
  const right = tf.input({shape: [height, width, 1]});
  const tower = makeTower();
  const embed = (x) => tower.proj.apply(tower.pool.apply(tower.conv.apply(x)));
  const diff = tf.layers.concatenate().apply([embed(left), embed(right)]);
  const hidden = tf.layers.dense({units: 32, activation: 'relu', kernelRegularizer: 'l1l2'}).apply(diff);
  const same = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(hidden);
  return tf.model({inputs: [left, right], outputs: same});
}
