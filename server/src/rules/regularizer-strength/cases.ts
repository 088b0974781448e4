import { code, type RuleCases } from '../ruleCases';

export const cases: RuleCases = {
  valid: [
    {
      name: 'usual factors, defaults and the registered string',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.dense({units: 64, kernelRegularizer: tf.regularizers.l1({l1: 1e-5})}));
        model.add(tf.layers.dense({units: 64, kernelRegularizer: tf.regularizers.l2()}));
        model.add(tf.layers.dense({units: 64, kernelRegularizer: 'l1l2'}));
        model.add(tf.layers.dense({units: 1, kernelRegularizer: tf.regularizers.l2({l2: 0.1})}));
      `,
    },
    {
      name: 'l1l2 with one factor 0 is just the other penalty',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 8, inputShape: [8], kernelRegularizer: tf.regularizers.l1l2({l1: 0, l2: 1e-4})}));
        model.add(tf.layers.dense({units: 1, kernelRegularizer: tf.regularizers.l1l2({l1: 0})}));
      `,
    },
    {
      name: 'a factor it cannot resolve',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(weightDecay: number) {
          const model = tf.sequential();
          model.add(tf.layers.dense({units: 1, inputShape: [8], kernelRegularizer: tf.regularizers.l2({l2: weightDecay})}));
          return model;
        }
      `,
    },
    {
      name: 'a bare number is regularizer-config-invalid\'s, not this rule\'s',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 1, inputShape: [8], kernelRegularizer: tf.regularizers.l2(5)}));
      `,
    },
  ],
  invalid: [
    {
      name: 'factor 0 turns the penalty off',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: tf.regularizers.l2({l2: 0})}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{
        line: 3,
        column: 75,
        messageIncludes:
          'The kernelRegularizer of dense layer (units 64): the l2 factor is 0, so the regularizer adds no penalty and ' +
          'the layer is not regularized by it. Use a small positive factor such as 1e-4, or remove the regularizer.',
      }],
    },
    {
      name: 'a negative factor rewards large weights',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, kernelRegularizer: tf.regularizers.l1({l1: -0.001})}));
      `,
      errors: [{ line: 3, messageIncludes: 'l1 factor -0.001 is negative, so the penalty rewards large weights instead of shrinking them' }],
    },
    {
      name: 'above 0.1 the penalty dominates (named imports)',
      code: code`
        import {layers, regularizers, sequential} from '@tensorflow/tfjs';
        const model = sequential();
        model.add(layers.dense({units: 64, inputShape: [8], kernelRegularizer: regularizers.l2({l2: 0.5})}));
        model.add(layers.dense({units: 1}));
      `,
      errors: [{
        line: 3,
        column: 72,
        messageIncludes: 'l2 factor 0.5 is above 0.1: the penalty outweighs the data loss and drives the weights toward zero, so the model underfits. Weight decay works at small factors (Krogh & Hertz 1992)',
      }],
    },
    {
      name: 'l1l2 with both factors 0',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.lstm({units: 8, inputShape: [10, 4], recurrentRegularizer: tf.regularizers.l1l2({l1: 0, l2: 0})}));
      `,
      errors: [{ line: 3, messageIncludes: 'the l1 and l2 factors are 0' }],
    },
    {
      name: 'one too-strong factor in l1l2, resolved from a const',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const L1 = 0.2;
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 1, inputShape: [8], kernelRegularizer: tf.regularizers.l1l2({l1: L1})}));
      `,
      errors: [{ line: 4, messageIncludes: 'l1 factor 0.2 is above 0.1' }],
    },
    {
      name: 'a shared const regularizer is reported once',
      code: code`
        const tf = require('@tensorflow/tfjs');
        const strong = tf.regularizers.l2({l2: 1});
        const input = tf.input({shape: [8]});
        const h = tf.layers.dense({units: 8, kernelRegularizer: strong}).apply(input);
        const out = tf.layers.dense({units: 1, kernelRegularizer: strong}).apply(h);
      `,
      errors: [{ line: 2, column: 16 }],
    },
  ],
};
