import { code, type RuleCases } from '../ruleCases';

export const cases: RuleCases = {
  valid: [
    {
      name: 'rates in [0, 1) on every dropout-family layer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.conv1d({inputShape: [100, 8], filters: 8, kernelSize: 3}));
        model.add(tf.layers.spatialDropout1d({rate: 0.2}));
        model.add(tf.layers.gaussianNoise({stddev: 0.1}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 64}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.dense({units: 64}));
        model.add(tf.layers.gaussianDropout({rate: 0.3}));
        model.add(tf.layers.dense({units: 64, activation: 'selu'}));
        model.add(tf.layers.alphaDropout({rate: 0}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'recurrent dropout settings in range',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.lstm({units: 8, inputShape: [10, 4], dropout: 0.2, recurrentDropout: 0}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'a rate it cannot resolve',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function head(rate: number) {
          return [tf.layers.dropout({rate}), tf.layers.dense({units: 1})];
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'rate 1 makes the layer a no-op',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.dropout({rate: 1}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{
        line: 4,
        column: 36,
        messageIncludes:
          'The dropout layer: rate 1 is outside [0, 1): tfjs clamps it to 1 and applies dropout only when ' +
          '0 < rate < 1, so nothing is dropped. Use a value in [0, 1), such as 0.5.',
      }],
    },
    {
      name: 'a percentage instead of a fraction, and a negative rate (sequential array)',
      code: code`
        import * as tf from '@tensorflow/tfjs-node';
        const model = tf.sequential({layers: [
          tf.layers.dense({units: 64, inputShape: [8]}),
          tf.layers.dropout({rate: 50}),
          tf.layers.dense({units: 64}),
          tf.layers.gaussianDropout({rate: -0.2}),
          tf.layers.dense({units: 1}),
        ]});
      `,
      errors: [
        { line: 4, messageIncludes: 'rate 50 is outside [0, 1)' },
        { line: 6, messageIncludes: 'rate -0.2 is outside [0, 1): tfjs clamps it to 0, so nothing is dropped' },
      ],
    },
    {
      name: 'a string rate',
      code: code`
        import {layers, sequential} from '@tensorflow/tfjs';
        const model = sequential();
        model.add(layers.dense({units: 64, inputShape: [8]}));
        model.add(layers.dropout({rate: '0.5'}));
      `,
      errors: [{ line: 4, column: 33, messageIncludes: 'rate "0.5" is not a number' }],
    },
    {
      name: 'a missing rate, and no config at all',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const {dropout, dense} = tf.layers;
        const model = tf.sequential({layers: [
          dense({units: 8, inputShape: [8]}),
          dropout({}),
          dense({units: 8}),
          dropout(),
          dense({units: 1}),
        ]});
      `,
      errors: [
        { line: 5, column: 3, messageIncludes: 'The dropout layer: no rate: tfjs then computes a NaN rate and the layer never drops anything' },
        { line: 7, column: 3, messageIncludes: 'The dropout layer: no config: tfjs reads args.rate and throws' },
      ],
    },
    {
      name: 'recurrent dropout settings out of range',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.gru({units: 8, inputShape: [10, 4], dropout: 1.2, recurrentDropout: -0.1}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [
        { line: 3, column: 66, messageIncludes: 'The gru layer (units 8): dropout 1.2 is outside [0, 1)' },
        { line: 3, column: 89, messageIncludes: 'recurrentDropout -0.1 is outside [0, 1)' },
      ],
    },
    {
      name: 'functional model with a rate from a const',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const DROP = 1;
        const input = tf.input({shape: [8]});
        const h = tf.layers.dense({units: 8}).apply(input);
        const d = tf.layers.alphaDropout({rate: DROP}).apply(h);
      `,
      errors: [{ line: 5, column: 41 }],
    },
  ],
};
