import { code, type RuleCases } from '../ruleCases';

export const cases: RuleCases = {
  valid: [
    {
      name: 'rates up to 0.5',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.dense({units: 64}));
        model.add(tf.layers.gaussianDropout({rate: 0.2}));
        model.add(tf.layers.lstm({units: 8, dropout: 0.5, recurrentDropout: 0.3}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'rates of 1 and more are dropout-rate-invalid\'s',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.dropout({rate: 1}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'a rate it cannot resolve',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export const drop = (rate: number) => tf.layers.dropout({rate});
      `,
    },
  ],
  invalid: [
    {
      name: 'rate 0.8 after a dense layer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.dropout({rate: 0.8}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{
        line: 4,
        column: 36,
        messageIncludes:
          'The dropout layer drops 80% of its inputs in training (rate 0.8): above 0.5, the network usually underfits. ' +
          'Srivastava et al. (2014) found about 0.5 best for hidden units and 0.2 for inputs. Lower the rate to 0.5 or less.',
      }],
    },
    {
      name: 'named dropout in a sequential array (tfjs-node-gpu)',
      code: code`
        import * as tf from '@tensorflow/tfjs-node-gpu';
        const model = tf.sequential({layers: [
          tf.layers.dense({units: 64, inputShape: [8]}),
          tf.layers.spatialDropout1d({rate: 0.7, name: 'heavy'}),
          tf.layers.dense({units: 1}),
        ]});
      `,
      errors: [{ line: 4, messageIncludes: "The spatialDropout1d layer 'heavy' drops 70%" }],
    },
    {
      name: 'recurrent dropout above 0.5 (require, functional)',
      code: code`
        const tf = require('@tensorflow/tfjs');
        const input = tf.input({shape: [10, 4]});
        const h = tf.layers.lstm({units: 8, recurrentDropout: 0.6}).apply(input);
        const out = tf.layers.dense({units: 1}).apply(h);
      `,
      errors: [{ line: 3, column: 55, messageIncludes: 'The lstm layer (units 8) drops 60% of its recurrent state in training (recurrentDropout 0.6)' }],
    },
    {
      name: 'destructured factory with a const rate',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const {dense, alphaDropout} = tf.layers;
        const HEAVY = 0.9;
        const model = tf.sequential({layers: [dense({units: 8, inputShape: [4]}), alphaDropout({rate: HEAVY}), dense({units: 1})]});
      `,
      errors: [{ line: 4, messageIncludes: 'drops 90%' }],
    },
  ],
};
