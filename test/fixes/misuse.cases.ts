// regularizer-config-invalid, dropout-before-batchnorm, dropout-after-output and
// bias-before-batchnorm.
import { code } from '../../server/src/rules/ruleCases';
import type { FixCase } from './fixTester';

const INVALID = 'regularizer-config-invalid';

export const regularizerConfigCases: FixCase[] = [
  {
    name: 'l2(0.01): the number becomes the config object',
    ruleId: INVALID,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2(0.01)}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 0.01})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: "l1l2(0.001): both factors",
    ruleId: INVALID,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l1l2(0.001)}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l1l2({l1: 0.001, l2: 0.001})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: "a string 'l2' becomes the call",
    ruleId: INVALID,
    file: 'case.js',
    code: code`
      const tf = require('@tensorflow/tfjs');
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: 'l2'}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      const tf = require('@tensorflow/tfjs');
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: "a string in a named-imports file adds the regularizers specifier",
    ruleId: INVALID,
    file: 'case.js',
    code: code`
      import {layers, sequential} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.dense({units: 8, inputShape: [4], kernelRegularizer: 'l1'}));
      model.add(layers.dense({units: 1}));
    `,
    output: code`
      import {layers, sequential, regularizers} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.dense({units: 8, inputShape: [4], kernelRegularizer: regularizers.l1({l1: 1e-4})}));
      model.add(layers.dense({units: 1}));
    `,
  },
  {
    name: 'a plain {l2: 0.01} object is wrapped in l2()',
    ruleId: INVALID,
    file: 'case.js',
    code: code`
      const tf = require('@tensorflow/tfjs');
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: {l2: 0.01}}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      const tf = require('@tensorflow/tfjs');
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 0.01})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'a bare number where the regularizer belongs',
    ruleId: INVALID,
    file: 'case.js',
    code: code`
      const tf = require('@tensorflow/tfjs');
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: 0.001}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      const tf = require('@tensorflow/tfjs');
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 0.001})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'l2({l1: 0.01}): the key l2 reads',
    ruleId: INVALID,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l1: 0.01})}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 0.01})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'a shared const regularizer is fixed where it is written',
    ruleId: INVALID,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const REG = tf.regularizers.l2(1e-3);
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: REG}));
      model.add(tf.layers.dense({units: 1, kernelRegularizer: REG}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const REG = tf.regularizers.l2({l2: 1e-3});
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: REG}));
      model.add(tf.layers.dense({units: 1, kernelRegularizer: REG}));
    `,
  },
  {
    name: 'depthwiseConv2d kernelRegularizer becomes depthwiseRegularizer',
    ruleId: INVALID,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.depthwiseConv2d({inputShape: [8, 8, 3], kernelSize: 3, kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.depthwiseConv2d({inputShape: [8, 8, 3], kernelSize: 3, depthwiseRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'separableConv2d kernelRegularizer becomes depthwise + pointwise, one per line',
    ruleId: INVALID,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.separableConv2d({
        inputShape: [8, 8, 3],
        filters: 4,
        kernelSize: 3,
        kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
      }));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.separableConv2d({
        inputShape: [8, 8, 3],
        filters: 4,
        kernelSize: 3,
        depthwiseRegularizer: tf.regularizers.l2({l2: 1e-4}),
        pointwiseRegularizer: tf.regularizers.l2({l2: 1e-4}),
      }));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'an activityRegularizer (tfjs 4 throws on it) becomes the kernelRegularizer',
    ruleId: INVALID,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], activityRegularizer: tf.regularizers.l1({l1: 1e-5})}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l1({l1: 1e-5})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'an activityRegularizer beside a kernelRegularizer is removed',
    ruleId: INVALID,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({
        units: 8,
        inputShape: [4],
        kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
        activityRegularizer: tf.regularizers.l1({l1: 1e-5})
      }));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({
        units: 8,
        inputShape: [4],
        kernelRegularizer: tf.regularizers.l2({l2: 1e-4})
      }));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
];

export const dropoutBeforeBatchnormCases: FixCase[] = [
  {
    name: 'model.add: the dropout statement moves after the norm',
    ruleId: 'dropout-before-batchnorm',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}));
      model.add(tf.layers.dropout({rate: 0.3}));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.dropout({rate: 0.3}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'layers array: the element moves, weightless layers in between stay',
    ruleId: 'dropout-before-batchnorm',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential({layers: [
        tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}),
        tf.layers.dropout({rate: 0.3}),
        tf.layers.activation({activation: 'relu'}),
        tf.layers.batchNormalization(),
        tf.layers.dense({units: 1}),
      ]});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential({layers: [
        tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}),
        tf.layers.activation({activation: 'relu'}),
        tf.layers.batchNormalization(),
        tf.layers.dropout({rate: 0.3}),
        tf.layers.dense({units: 1}),
      ]});
    `,
  },
  {
    name: 'functional chain: norm(dropout(x)) becomes dropout(norm(x))',
    ruleId: 'dropout-before-batchnorm',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const x = tf.input({shape: [8]});
      const h = tf.layers.dense({units: 16, activation: 'relu'}).apply(x) as tf.SymbolicTensor;
      const n = tf.layers.batchNormalization().apply(tf.layers.dropout({rate: 0.2}).apply(h)) as tf.SymbolicTensor;
      const y = tf.layers.dense({units: 1}).apply(n) as tf.SymbolicTensor;
      export const model = tf.model({inputs: x, outputs: y});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const x = tf.input({shape: [8]});
      const h = tf.layers.dense({units: 16, activation: 'relu'}).apply(x) as tf.SymbolicTensor;
      const n = tf.layers.dropout({rate: 0.2}).apply(tf.layers.batchNormalization().apply(h)) as tf.SymbolicTensor;
      const y = tf.layers.dense({units: 1}).apply(n) as tf.SymbolicTensor;
      export const model = tf.model({inputs: x, outputs: y});
    `,
  },
  {
    name: 'a linear dense right before: the move also sets useBias: false on it',
    ruleId: 'dropout-before-batchnorm',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      model.add(tf.layers.dropout({rate: 0.3}));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8], useBias: false}));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.dropout({rate: 0.3}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
];

dropoutBeforeBatchnormCases.push({
  name: 'dropout and norm in different blocks: no move offered',
  ruleId: 'dropout-before-batchnorm',
  code: code`
    import * as tf from '@tensorflow/tfjs';
    export function build(norm: boolean) {
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}));
      model.add(tf.layers.dropout({rate: 0.3}));
      {
        model.add(tf.layers.batchNormalization());
      }
      model.add(tf.layers.dense({units: 1}));
      return model;
    }
  `,
  output: null,
});

export const dropoutAfterOutputCases: FixCase[] = [
  {
    name: 'model.add: the statement and its line go',
    ruleId: 'dropout-after-output',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      export function build() {
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.dense({units: 1}));
        model.add(tf.layers.dropout({rate: 0.2})); // regularize the output
        return model;
      }
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      export function build() {
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.dense({units: 1}));
        return model;
      }
    `,
  },
  {
    name: 'layers array, last element without trailing comma: the comma before it goes too',
    ruleId: 'dropout-after-output',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential({layers: [
        tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}),
        tf.layers.dense({units: 1}),
        tf.layers.dropout({rate: 0.2})
      ]});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential({layers: [
        tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}),
        tf.layers.dense({units: 1})
      ]});
    `,
  },
  {
    name: 'layers array with trailing commas keeps them',
    ruleId: 'dropout-after-output',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential({layers: [
        tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}),
        tf.layers.dense({units: 1}),
        tf.layers.dropout({rate: 0.2}),
      ]});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential({layers: [
        tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}),
        tf.layers.dense({units: 1}),
      ]});
    `,
  },
  {
    name: 'layers array on one line',
    ruleId: 'dropout-after-output',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]}), tf.layers.dropout({rate: 0.2})]});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
    `,
  },
  {
    name: 'functional: dropout(y) becomes y',
    ruleId: 'dropout-after-output',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const x = tf.input({shape: [4]});
      const y = tf.layers.dense({units: 1}).apply(x) as tf.SymbolicTensor;
      const out = tf.layers.dropout({rate: 0.1}).apply(y) as tf.SymbolicTensor;
      export const model = tf.model({inputs: x, outputs: out});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const x = tf.input({shape: [4]});
      const y = tf.layers.dense({units: 1}).apply(x) as tf.SymbolicTensor;
      const out = y as tf.SymbolicTensor;
      export const model = tf.model({inputs: x, outputs: out});
    `,
  },
];

dropoutAfterOutputCases.push({
  name: 'a dropout bound to a variable is not unwrapped (the variable would dangle)',
  ruleId: 'dropout-after-output',
  code: code`
    import * as tf from '@tensorflow/tfjs';
    const x = tf.input({shape: [4]});
    const drop = tf.layers.dropout({rate: 0.1});
    const y = tf.layers.dense({units: 1}).apply(x) as tf.SymbolicTensor;
    const out = drop.apply(y) as tf.SymbolicTensor;
    export const model = tf.model({inputs: x, outputs: out});
  `,
  output: null,
});

export const biasBeforeBatchnormCases: FixCase[] = [
  {
    name: 'single-line config: useBias: false appended',
    ruleId: 'bias-before-batchnorm',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.activation({activation: 'relu'}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8], useBias: false}));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.activation({activation: 'relu'}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'an explicit useBias: true is flipped',
    ruleId: 'bias-before-batchnorm',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv2d({
        inputShape: [28, 28, 1],
        filters: 8,
        kernelSize: 3,
        useBias: true,
      }));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv2d({
        inputShape: [28, 28, 1],
        filters: 8,
        kernelSize: 3,
        useBias: false,
      }));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 1}));
    `,
  },
];
