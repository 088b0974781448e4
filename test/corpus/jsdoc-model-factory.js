// @ts-check
'use strict';

const tf = require('@tensorflow/tfjs');

/**
 * @typedef {Object} HeadOptions
 * @property {number} numClasses   number of output classes
 * @property {number} [hidden=100] size of the hidden layer
 * @property {number} [dropRate]   dropout rate after the hidden layer; none when omitted
 */

/**
 * Builds the transfer-learning head that sits on top of a frozen MobileNet
 * embedding (the "teachable machine" pattern).
 *
 * @example
 *   // what this produces, roughly:
 *   model.add(tf.layers.dense({units: 100, activation: 'relu'}));
 *   model.add(tf.layers.dense({units: numClasses, activation: 'softmax'}));
 *
 * @param {number[]} embeddingShape shape of the MobileNet activation, e.g. [7, 7, 256]
 * @param {HeadOptions} options
 * @returns {tf.Sequential}
 */
function buildHead(embeddingShape, options) {
  const { numClasses, hidden = 100, dropRate } = options;
  const head = tf.sequential();
  head.add(tf.layers.flatten({ inputShape: embeddingShape }));
  head.add(
    tf.layers.dense({
      units: hidden,
      activation: 'relu',
      kernelInitializer: 'varianceScaling',
      useBias: true,
    }),
  );
  if (dropRate !== undefined) {
    head.add(tf.layers.dropout({ rate: dropRate }));
  }
  head.add(
    tf.layers.dense({
      units: numClasses,
      kernelInitializer: 'varianceScaling',
      useBias: false,
      activation: 'softmax',
    }),
  );
  return head;
}

/**
 * A regression head: two hidden layers, the first with an L2 penalty.
 * Unlike `tf.layers.dense` defaults, the first layer uses no bias.
 *
 * @param {number} inputDim
 * @returns {tf.Sequential}
 */
function buildRegressionHead(inputDim) {
  const head = tf.sequential();
  head.add(tf.layers.dense({
    inputShape: [inputDim],
    units: 64,
    useBias: false,
    kernelRegularizer: tf.regularizers.l2({ l2: 0.005 }),
  }));
  head.add(tf.layers.activation({ activation: 'elu' }));
  head.add(tf.layers.dense({ units: 32, activation: 'elu' }));
  head.add(tf.layers.dense({ units: 1 }));
  return head;
}

/**
 * @param {tf.LayersModel} truncatedMobileNet
 * @param {tf.Tensor} img
 * @returns {tf.Tensor}
 */
function embed(truncatedMobileNet, img) {
  return tf.tidy(() => /** @type {tf.Tensor} */ (truncatedMobileNet.predict(img.expandDims(0))));
}

module.exports = { buildHead, buildRegressionHead, embed };
