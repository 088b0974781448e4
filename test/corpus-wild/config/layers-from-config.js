import * as tf from '@tensorflow/tfjs';

// The architecture lives in one place; the builder reads it.
const MODEL_CONFIG = {
  inputShape: [32],
  layers: [
    {type: 'dense', units: 128, activation: 'relu'},
    {type: 'dropout', rate: 0.4},
    {type: 'dense', units: 64, activation: 'relu'},
    {type: 'batchNorm'},
    {type: 'dense', units: 32, activation: 'relu'},
  ],
  outputs: 5,
};

export function buildFromConfig(config = MODEL_CONFIG) {
  const model = tf.sequential();
  config.layers.forEach((spec, i) => {
    const first = i === 0 ? {inputShape: config.inputShape} : {};
    switch (spec.type) {
      case 'dense':
        model.add(tf.layers.dense({...first, units: spec.units, activation: spec.activation}));
        break;
      case 'dropout':
        model.add(tf.layers.dropout({rate: spec.rate}));
        break;
      case 'batchNorm':
        model.add(tf.layers.batchNormalization());
        break;
      default:
        throw new Error(`unknown layer type ${spec.type}`);
    }
  });
  model.add(tf.layers.dense({units: config.outputs, activation: 'softmax'}));
  return model;
}

export const model = buildFromConfig();
