import { code, type RuleCases } from '../ruleCases';

export const cases: RuleCases = {
  valid: [
    {
      name: 'dropout after the batch norm',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], useBias: false}));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.activation({activation: 'relu'}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'a weighted layer between them starts a new block',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential({layers: [
          tf.layers.dense({units: 64, inputShape: [8]}),
          tf.layers.dropout({rate: 0.3}),
          tf.layers.dense({units: 32}),
          tf.layers.batchNormalization(),
          tf.layers.dense({units: 1}),
        ]});
      `,
    },
    {
      name: 'a dropout with rate 0 shifts nothing',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.dropout({rate: 0}));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'layerNormalization is not batch norm',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.layerNormalization());
        model.add(tf.layers.dense({units: 1}));
      `,
    },
  ],
  invalid: [
    {
      name: 'dropout directly before batch norm',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{
        line: 4,
        column: 21,
        messageIncludes:
          'The dropout layer (rate 0.5) comes before the batchNormalization layer in the same block: batch norm learns its ' +
          'moving variance from dropped-out activations in training, but dropout is off at inference, so the variance ' +
          'shifts and the normalization no longer fits (Li et al., CVPR 2019). Move the dropout after the batchNormalization.',
      }],
    },
    {
      name: 'weightless layers between them (conv block, named imports)',
      code: code`
        import {layers, sequential} from '@tensorflow/tfjs';
        const model = sequential();
        model.add(layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3}));
        model.add(layers.spatialDropout1d({rate: 0.2}));
        model.add(layers.maxPooling2d({poolSize: 2}));
        model.add(layers.activation({activation: 'relu'}));
        model.add(layers.batchNormalization({name: 'bn1'}));
        model.add(layers.flatten());
        model.add(layers.dense({units: 10}));
      `,
      errors: [{ line: 4, column: 18, messageIncludes: "comes before the batchNormalization layer 'bn1' in the same block" }],
    },
    {
      name: 'functional: gaussianNoise before batch norm',
      code: code`
        import * as tf from '@tensorflow/tfjs-node';
        const input = tf.input({shape: [16]});
        const h = tf.layers.dense({units: 32}).apply(input);
        const noisy = tf.layers.gaussianNoise({stddev: 0.1}).apply(h);
        const normed = tf.layers.batchNormalization().apply(noisy);
        const out = tf.layers.dense({units: 1}).apply(normed);
        const model = tf.model({inputs: input, outputs: out as tf.SymbolicTensor});
      `,
      errors: [{ line: 4, column: 25, messageIncludes: 'Move the gaussianNoise after the batchNormalization.' }],
    },
    {
      name: 'batch norm added under a condition: whenever it is added, the dropout is before it',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(norm: boolean) {
          const model = tf.sequential();
          model.add(tf.layers.dense({units: 64, inputShape: [8]}));
          model.add(tf.layers.dropout({rate: 0.5}));
          if (norm) model.add(tf.layers.batchNormalization());
          model.add(tf.layers.dense({units: 1}));
          return model;
        }
      `,
      errors: [{ line: 5, column: 23 }],
    },
    {
      name: 'dense-dropout-batchnorm blocks in a loop (require)',
      code: code`
        const tf = require('@tensorflow/tfjs');
        const model = tf.sequential();
        model.add(tf.layers.inputLayer({inputShape: [16]}));
        for (let i = 0; i < 3; i++) {
          model.add(tf.layers.dense({units: 32}));
          model.add(tf.layers.dropout({rate: 0.2}));
          model.add(tf.layers.batchNormalization());
        }
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 6, column: 23 }],
    },
  ],
};
