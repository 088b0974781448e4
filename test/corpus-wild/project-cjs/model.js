const tf = require('@tensorflow/tfjs-node');
const {IMAGE_SIZE, NUM_EMOTIONS, FILTERS} = require('./constants');
const {convBlock, denseHead} = require('./blocks');

function emotionNet() {
  const model = tf.sequential();
  FILTERS.forEach((filters, i) => convBlock(model, filters, i === 0, [IMAGE_SIZE, IMAGE_SIZE, 1]));
  denseHead(model, 256, NUM_EMOTIONS);
  model.compile({optimizer: tf.train.adam(1e-4), loss: 'categoricalCrossentropy', metrics: ['accuracy']});
  return model;
}

module.exports = emotionNet;
