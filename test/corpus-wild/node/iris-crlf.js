const {layers, sequential, regularizers} = require('@tensorflow/tfjs');

const INPUTS = 4;

const irisNet = sequential();
irisNet.add(layers.dense({units: 16, activation: 'relu', inputShape: [INPUTS], kernelRegularizer: regularizers.l2()}));
irisNet.add(layers.dense({units: 8, activation: 'relu'}));
irisNet.add(layers.alphaDropout({rate: 0.1}));
irisNet.add(layers.dense({units: 3, activation: 'softmax'}));

module.exports = irisNet;
