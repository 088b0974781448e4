const tf = require('@tensorflow/tfjs-node');

function convBlock(model, filters, first, inputShape) {
  model.add(tf.layers.conv2d({
    filters,
    kernelSize: 3,
    padding: 'same',
    activation: 'relu',
    ...(first ? {inputShape} : {}),
  }));
  model.add(tf.layers.conv2d({filters, kernelSize: 3, padding: 'same', activation: 'relu'}));
  model.add(tf.layers.maxPooling2d({poolSize: 2}));
  model.add(tf.layers.dropout({rate: 0.25}));
}

function denseHead(model, units, classes) {
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({units, activation: 'relu'}));
  model.add(tf.layers.dense({units: classes, activation: 'softmax'}));
}

module.exports = {convBlock, denseHead};
