import { code, type RuleCases } from '../ruleCases';

export const cases: RuleCases = {
  valid: [
    {
      name: 'object forms of l1, l2 and l1l2, and an argument-less call',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.dense({units: 64, kernelRegularizer: tf.regularizers.l1({l1: 1e-5})}));
        model.add(tf.layers.dense({units: 64, kernelRegularizer: tf.regularizers.l1l2({l1: 1e-5, l2: 1e-4})}));
        model.add(tf.layers.dense({units: 1, biasRegularizer: tf.regularizers.l2()}));
      `,
    },
    {
      name: "the registered string identifier 'l1l2' and the class name 'L1L2'",
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: 'l1l2'}));
        model.add(tf.layers.dense({units: 1, kernelRegularizer: 'L1L2'}));
      `,
    },
    {
      name: 'a serialized Keras regularizer config',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 1, inputShape: [8],
          kernelRegularizer: {className: 'L1L2', config: {l1: 0, l2: 1e-4}}}));
      `,
    },
    {
      name: 'values it cannot resolve are left alone',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(reg: tf.Regularizer, l2Args: {l2: number}) {
          const model = tf.sequential();
          model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: reg}));
          model.add(tf.layers.dense({units: 1, kernelRegularizer: tf.regularizers.l2(l2Args)}));
          return model;
        }
      `,
    },
    {
      name: 'each layer kind with the keys it reads',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const reg = tf.regularizers.l2({l2: 1e-4});
        const model = tf.sequential();
        model.add(tf.layers.embedding({inputDim: 1000, outputDim: 16, embeddingsRegularizer: reg}));
        model.add(tf.layers.lstm({units: 8, returnSequences: true, kernelRegularizer: reg, recurrentRegularizer: reg, biasRegularizer: reg}));
        model.add(tf.layers.conv1d({filters: 8, kernelSize: 3, kernelRegularizer: reg, biasRegularizer: reg}));
        model.add(tf.layers.batchNormalization({gammaRegularizer: reg, betaRegularizer: reg}));
        model.add(tf.layers.reshape({targetShape: [-1, 8, 1]}));
        model.add(tf.layers.separableConv2d({filters: 4, kernelSize: 1, depthwiseRegularizer: reg, pointwiseRegularizer: reg}));
        model.add(tf.layers.depthwiseConv2d({kernelSize: 1, depthwiseRegularizer: reg}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'named and destructured regularizer imports',
      code: code`
        import {layers, regularizers, sequential} from '@tensorflow/tfjs';
        const {l1l2} = regularizers;
        const model = sequential();
        model.add(layers.dense({units: 8, inputShape: [4], kernelRegularizer: regularizers.l2({l2: 1e-4})}));
        model.add(layers.dense({units: 1, kernelRegularizer: l1l2({l1: 1e-5, l2: 1e-5})}));
      `,
    },
  ],
  invalid: [
    {
      name: 'l2 called with a bare number',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: tf.regularizers.l2(0.01)}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{
        line: 3,
        column: 75,
        messageIncludes:
          'The kernelRegularizer of dense layer (units 64): l2(0.01) passes a bare number where tfjs expects a config object: ' +
          'tfjs 4.x throws "Argument to L1L2 regularizer\'s constructor is expected to be an object", and older versions ' +
          'ignored it and used the default 0.01. Write tf.regularizers.l2({l2: 0.01}).',
      }],
    },
    {
      name: 'l1l2 called with a bare number (require)',
      code: code`
        const tf = require('@tensorflow/tfjs-node');
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 1, inputShape: [8], kernelRegularizer: tf.regularizers.l1l2(0.001)}));
      `,
      errors: [{ line: 3, messageIncludes: 'Write tf.regularizers.l1l2({l1: 0.001, l2: 0.001})' }],
    },
    {
      name: "the string 'l2' is not registered",
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: 'l2'}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{
        line: 3,
        column: 75,
        messageIncludes: `'l2' is not a regularizer tfjs knows: only 'l1l2' is registered as a string, so creating the layer throws "Unknown regularizer: l2". Write tf.regularizers.l2({l2: 1e-4}).`,
      }],
    },
    {
      name: 'a wrong factor key falls back to the default',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 1, inputShape: [8], kernelRegularizer: tf.regularizers.l2({l1: 0.001})}));
      `,
      errors: [{ line: 3, messageIncludes: "l2() reads only 'l2', so 'l1' is ignored and the factor silently falls back to the default 0.01" }],
    },
    {
      name: 'a plain object or a number is not a regularizer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 8, inputShape: [8], kernelRegularizer: {l2: 0.001}}));
        model.add(tf.layers.dense({units: 1, kernelRegularizer: 0.001}));
      `,
      errors: [
        { line: 3, column: 74, messageIncludes: 'a plain object is not a regularizer' },
        { line: 4, column: 57, messageIncludes: '0.001 is not a regularizer: tfjs throws "Improper config format". Write tf.regularizers.l2({l2: 0.001}).' },
      ],
    },
    {
      name: 'separableConv2d throws on kernelRegularizer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.separableConv2d({inputShape: [32, 32, 3], filters: 8, kernelSize: 3,
          kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      `,
      errors: [{ line: 4, column: 3, messageIncludes: 'separableConv2d throws "Fields kernelInitializer, kernelRegularizer and kernelConstraint are invalid for SeparableConv2D". Use depthwiseRegularizer and pointwiseRegularizer instead.' }],
    },
    {
      name: 'depthwiseConv2d ignores kernelRegularizer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.depthwiseConv2d({inputShape: [32, 32, 3], kernelSize: 3, kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      `,
      errors: [{ line: 3, column: 78, messageIncludes: "tfjs's depthwiseConv2d never reads kernelRegularizer, so it is silently ignored and the layer is not regularized by it. Use depthwiseRegularizer instead." }],
    },
    {
      name: 'activityRegularizer on a dense layer throws when tfjs 4.x applies the layer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 8, inputShape: [4], activityRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3, column: 55, messageIncludes: 'tfjs 4.x throws "Layer invocation in the presence of activity regularizer(s) is not supported yet"' }],
    },
    {
      name: 'recurrent layers ignore activityRegularizer, also inside bidirectional',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.bidirectional({layer: tf.layers.lstm({units: 8, activityRegularizer: tf.regularizers.l2()}), inputShape: [10, 4]}));
      `,
      errors: [{ line: 3, messageIncludes: 'The activityRegularizer of lstm layer (units 8) inside bidirectional: tfjs\'s lstm never reads activityRegularizer' }],
    },
    {
      name: 'a shared const regularizer is reported once, where it is written',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const reg = tf.regularizers.l2(1e-4);
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 8, inputShape: [8], kernelRegularizer: reg}));
        model.add(tf.layers.dense({units: 1, kernelRegularizer: reg}));
      `,
      errors: [{ line: 2, column: 13 }],
    },
    {
      name: 'destructured regularizer factory: the advice calls it by its local name',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const {l2} = tf.regularizers;
        const input = tf.input({shape: [8]});
        const out = tf.layers.dense({units: 1, kernelRegularizer: l2(0.001)}).apply(input);
      `,
      errors: [{ line: 4, column: 59, messageIncludes: 'Write l2({l2: 0.001}).' }],
    },
  ],
};
