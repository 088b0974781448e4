import * as tf from '@tensorflow/tfjs-node';

interface ModelOptions {
  inputDim: number;
  hidden?: number[];
  dropout?: number;
  l2?: number;
}

export function createTitanicModel({inputDim, hidden = [32, 16], dropout = 0.3, l2 = 0}: ModelOptions): tf.Sequential {
  const model = tf.sequential();
  hidden.forEach((units, i) => {
    model.add(tf.layers.dense({
      units,
      activation: 'relu',
      inputShape: i === 0 ? [inputDim] : undefined,
      kernelRegularizer: l2 > 0 ? tf.regularizers.l2({l2}) : undefined,
    }));
    if (dropout > 0) {
      model.add(tf.layers.dropout({rate: dropout}));
    }
  });
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  model.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});
  return model;
}
