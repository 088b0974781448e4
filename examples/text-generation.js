/**
 * Character-level text generation with stacked LSTMs, after
 * tfjs-examples/lstm-text-generation (Node / CommonJS flavour).
 *
 * The first LSTM uses recurrent dropout; the second one feeds the softmax
 * directly with no regularization, which reglint points out.
 */
'use strict';

const tf = require('@tensorflow/tfjs');

const SAMPLE_LEN = 40;

/**
 * Builds a two-layer character LSTM.
 *
 * @param {number} sampleLen length of each input sequence
 * @param {number} charSetSize number of distinct characters
 * @returns {tf.Sequential}
 */
function createModel(sampleLen, charSetSize) {
  const model = tf.sequential();

  // The first LSTM returns the full sequence so the second can stack on it.
  model.add(tf.layers.lstm({
    units: 128,
    returnSequences: true,
    recurrentDropout: 0.1,
    inputShape: [sampleLen, charSetSize],
  }));

  model.add(tf.layers.lstm({
    units: 128,
    returnSequences: false,
  }));

  model.add(tf.layers.dense({units: charSetSize, activation: 'softmax'}));
  return model;
}

/**
 * @param {tf.LayersModel} model
 * @param {number} learningRate
 */
function compileModel(model, learningRate) {
  const optimizer = tf.train.rmsprop(learningRate);
  model.compile({optimizer, loss: 'categoricalCrossentropy'});
}

/**
 * Draws an index from the probability distribution `probs`, sharpened or
 * flattened by `temperature`.
 *
 * @param {tf.Tensor1D} probs
 * @param {number} temperature
 * @returns {number}
 */
function sample(probs, temperature) {
  return tf.tidy(() => {
    const logits = /** @type {tf.Tensor1D} */ (
      tf.div(tf.log(probs), Math.max(temperature, 1e-6)));
    const isNormalized = false;
    return tf.multinomial(logits, 1, undefined, isNormalized).dataSync()[0];
  });
}

/**
 * Generates `length` characters following `seedIndices`.
 *
 * @param {tf.LayersModel} model
 * @param {number[]} seedIndices
 * @param {number} charSetSize
 * @param {number} length
 * @param {number} temperature
 */
async function generate(model, seedIndices, charSetSize, length, temperature) {
  let window = seedIndices.slice(-SAMPLE_LEN);
  const generated = [];
  while (generated.length < length) {
    const input = tf.buffer([1, SAMPLE_LEN, charSetSize]);
    window.forEach((charIndex, i) => input.set(1, 0, i, charIndex));
    const x = input.toTensor();
    const probs = /** @type {tf.Tensor2D} */ (model.predict(x));
    const next = sample(/** @type {tf.Tensor1D} */ (tf.squeeze(probs)), temperature);
    tf.dispose([x, probs]);
    generated.push(next);
    window = window.slice(1).concat(next);
    await tf.nextFrame();
  }
  return generated;
}

module.exports = {createModel, compileModel, generate, SAMPLE_LEN};
