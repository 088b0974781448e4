#!/usr/bin/env node
const tf = require('@tensorflow/tfjs-node');
const yargs = require('yargs');

const argv = yargs
  .option('layers', {type: 'number', default: 2})
  .option('units', {type: 'number', default: 64})
  .option('dropout', {type: 'number', default: 0})
  .argv;

function build(inputSize) {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({inputShape: [inputSize]}));
  for (let i = 0; i < argv.layers; i++) {
    model.add(tf.layers.dense({units: argv.units, activation: 'relu'}));
    if (argv.dropout > 0) model.add(tf.layers.dropout({rate: argv.dropout}));
  }
  model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  return model;
}

const model = build(784);
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc']});
console.log(`params: ${model.countParams()}`);
