import { code, type RuleCases } from '../ruleCases';

export const cases: RuleCases = {
  valid: [
    {
      name: 'dropout between hidden and output layers',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'a functional model whose dropout feeds the output layer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const input = tf.input({shape: [8]});
        const h = tf.layers.dense({units: 16, activation: 'relu'}).apply(input);
        const d = tf.layers.dropout({rate: 0.5}).apply(h);
        const out = tf.layers.dense({units: 1}).apply(d);
        const model = tf.model({inputs: input, outputs: out as tf.SymbolicTensor});
      `,
    },
    {
      name: 'a model that may grow later: unknown',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function addHead(model: tf.Sequential) {
          model.add(tf.layers.dense({units: 10}));
          model.add(tf.layers.dropout({rate: 0.5}));
        }
      `,
    },
    {
      name: 'a dropout with rate 0 does nothing anywhere',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 1, inputShape: [8]}));
        model.add(tf.layers.dropout({rate: 0}));
      `,
    },
  ],
  invalid: [
    {
      name: 'dropout as the last layer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}));
        model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
        model.add(tf.layers.dropout({rate: 0.5}));
      `,
      errors: [{
        line: 5,
        column: 21,
        messageIncludes:
          "The dropout layer (rate 0.5) follows the model's output layer, the dense layer (units 10), so in training it zeroes " +
          'random predictions and scales the rest, which corrupts the loss instead of regularizing features, and at ' +
          'inference it does nothing. Remove it, or move it before the dense layer.',
      }],
    },
    {
      name: 'dropout between the output dense and its activation (sequential array)',
      code: code`
        import * as tf from '@tensorflow/tfjs-node';
        const model = tf.sequential({layers: [
          tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}),
          tf.layers.dropout({rate: 0.3}),
          tf.layers.dense({units: 10}),
          tf.layers.gaussianDropout({rate: 0.2}),
          tf.layers.activation({activation: 'softmax'}),
        ]});
      `,
      errors: [{ line: 6, column: 13, messageIncludes: "The gaussianDropout layer (rate 0.2) follows the model's output layer" }],
    },
    {
      name: 'functional model ending in dropout (require)',
      code: code`
        const tf = require('@tensorflow/tfjs');
        const input = tf.input({shape: [8]});
        const h = tf.layers.dense({units: 1}).apply(input);
        const out = tf.layers.dropout({rate: 0.1}).apply(h);
        const model = tf.model({inputs: input, outputs: out});
      `,
      errors: [{ line: 4, column: 23 }],
    },
    {
      name: 'after a bidirectional output layer (named imports)',
      code: code`
        import {layers, sequential} from '@tensorflow/tfjs';
        const model = sequential();
        model.add(layers.bidirectional({layer: layers.lstm({units: 4, dropout: 0.2}), inputShape: [10, 3]}));
        model.add(layers.dropout({rate: 0.2}));
      `,
      errors: [{ line: 4, column: 18, messageIncludes: "follows the model's output layer, the bidirectional layer," }],
    },
  ],
};
