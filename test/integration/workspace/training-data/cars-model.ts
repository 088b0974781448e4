// Reads its data with tf.data.csv: "Choose data…" offers cars.csv first, label mpg.
import * as tf from '@tensorflow/tfjs-node';
import * as path from 'path';

export const cars = tf.data.csv('file://' + path.join(__dirname, 'cars.csv'), {columnConfigs: {mpg: {isLabel: true}}});

export const mpgModel = tf.sequential();
mpgModel.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [3]}));
mpgModel.add(tf.layers.dense({units: 1}));
mpgModel.compile({optimizer: 'adam', loss: 'meanSquaredError'});
