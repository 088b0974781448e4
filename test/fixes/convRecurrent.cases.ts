// conv-unregularized (batch norm or L2 with the layer's own keys) and
// recurrent-unregularized (own dropout, or kernel + recurrent L2; bidirectional edits the
// wrapped layer).
import { code } from '../../server/src/rules/ruleCases';
import { tabs, type FixCase } from './fixTester';

const CONV = 'conv-unregularized';
const RNN = 'recurrent-unregularized';

export const convCases: FixCase[] = [
  {
    name: 'batchNormalization after a relu conv (preferred by default)',
    ruleId: CONV,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
    `,
  },
  {
    name: 'batchNormalization after a linear conv also drops the bias it makes redundant',
    ruleId: CONV,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3}));
      model.add(tf.layers.activation({activation: 'relu'}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, useBias: false}));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.activation({activation: 'relu'}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
    `,
  },
  {
    name: 'convRemedy l2 prefers the kernelRegularizer',
    ruleId: CONV,
    settings: { convRemedy: 'l2' },
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv1d({inputShape: [100, 8], filters: 16, kernelSize: 5, activation: 'relu'}));
      model.add(tf.layers.globalMaxPooling1d());
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv1d({inputShape: [100, 8], filters: 16, kernelSize: 5, activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.globalMaxPooling1d());
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'separableConv2d: depthwise and pointwise regularizers, one per line',
    ruleId: CONV,
    fix: 'L2',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.separableConv2d({
        inputShape: [32, 32, 3],
        filters: 16,
        kernelSize: 3,
        activation: 'relu',
      }));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 10}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.separableConv2d({
        inputShape: [32, 32, 3],
        filters: 16,
        kernelSize: 3,
        activation: 'relu',
        depthwiseRegularizer: tf.regularizers.l2({l2: 1e-4}),
        pointwiseRegularizer: tf.regularizers.l2({l2: 1e-4}),
      }));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 10}));
    `,
  },
  {
    name: 'depthwiseConv2d: depthwiseRegularizer',
    ruleId: CONV,
    fix: 'L2',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.depthwiseConv2d({inputShape: [32, 32, 3], kernelSize: 3, activation: 'relu'}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 10}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.depthwiseConv2d({inputShape: [32, 32, 3], kernelSize: 3, activation: 'relu', depthwiseRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 10}));
    `,
  },
  {
    name: 'a conv element of a layers array',
    ruleId: CONV,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential({
        layers: [
          tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}),
          tf.layers.flatten(),
          tf.layers.dense({units: 10})
        ]
      });
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential({
        layers: [
          tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}),
          tf.layers.batchNormalization(),
          tf.layers.flatten(),
          tf.layers.dense({units: 10})
        ]
      });
    `,
  },
  {
    name: 'a functional conv: the batch norm wraps its apply',
    ruleId: CONV,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const img = tf.input({shape: [28, 28, 1]});
      let x = tf.layers.conv2d({filters: 8, kernelSize: 3, activation: 'relu'}).apply(img) as tf.SymbolicTensor;
      x = tf.layers.flatten().apply(x) as tf.SymbolicTensor;
      const out = tf.layers.dense({units: 10}).apply(x) as tf.SymbolicTensor;
      export const model = tf.model({inputs: img, outputs: out});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const img = tf.input({shape: [28, 28, 1]});
      let x = tf.layers.batchNormalization().apply(tf.layers.conv2d({filters: 8, kernelSize: 3, activation: 'relu'}).apply(img)) as tf.SymbolicTensor;
      x = tf.layers.flatten().apply(x) as tf.SymbolicTensor;
      const out = tf.layers.dense({units: 10}).apply(x) as tf.SymbolicTensor;
      export const model = tf.model({inputs: img, outputs: out});
    `,
  },
  {
    name: 'named imports: batchNormalization through the layers import',
    ruleId: CONV,
    code: code`
      import {layers, sequential} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}));
      model.add(layers.flatten());
      model.add(layers.dense({units: 10}));
    `,
    output: code`
      import {layers, sequential} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}));
      model.add(layers.batchNormalization());
      model.add(layers.flatten());
      model.add(layers.dense({units: 10}));
    `,
  },
];

convCases.push(
  {
    name: 'a channelsFirst conv gets a batch norm over axis 1 (and loses its bias)',
    ruleId: CONV,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv2d({inputShape: [1, 28, 28], filters: 8, kernelSize: 3, dataFormat: 'channelsFirst'}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 10}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv2d({inputShape: [1, 28, 28], filters: 8, kernelSize: 3, dataFormat: 'channelsFirst', useBias: false}));
      model.add(tf.layers.batchNormalization({axis: 1}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 10}));
    `,
  },
  {
    name: 'const L = tf.layers alias, tabs, layers array',
    ruleId: CONV,
    code: tabs(code`
      import * as tf from '@tensorflow/tfjs';
      const L = tf.layers;
      export const model = tf.sequential({
        layers: [
          L.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}),
          L.flatten(),
          L.dense({units: 10}),
        ],
      });
    `),
    output: tabs(code`
      import * as tf from '@tensorflow/tfjs';
      const L = tf.layers;
      export const model = tf.sequential({
        layers: [
          L.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}),
          L.batchNormalization(),
          L.flatten(),
          L.dense({units: 10}),
        ],
      });
    `),
  },
  {
    name: 'nested destructuring of require: batchNormalization joins the layers pattern',
    file: 'case.js',
    ruleId: CONV,
    code: code`
      const {
        sequential,
        layers: {conv2d, flatten, dense},
      } = require('@tensorflow/tfjs');
      const model = sequential();
      model.add(conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}));
      model.add(flatten());
      model.add(dense({units: 10}));
    `,
    output: code`
      const {
        sequential,
        layers: {conv2d, flatten, dense, batchNormalization},
      } = require('@tensorflow/tfjs');
      const model = sequential();
      model.add(conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}));
      model.add(batchNormalization());
      model.add(flatten());
      model.add(dense({units: 10}));
    `,
  },
  {
    name: 'nested destructuring without regularizers: L2 adds them to the outer pattern',
    file: 'case.js',
    ruleId: CONV,
    fix: 'L2',
    code: code`
      const {
        sequential,
        layers: {conv2d, flatten, dense},
      } = require('@tensorflow/tfjs');
      const model = sequential();
      model.add(conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}));
      model.add(flatten());
      model.add(dense({units: 10}));
    `,
    output: code`
      const {
        sequential,
        layers: {conv2d, flatten, dense},
        regularizers,
      } = require('@tensorflow/tfjs');
      const model = sequential();
      model.add(conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu', kernelRegularizer: regularizers.l2({l2: 1e-4})}));
      model.add(flatten());
      model.add(dense({units: 10}));
    `,
  },
);

export const recurrentCases: FixCase[] = [
  {
    name: 'lstm: dropout and recurrentDropout (preferred)',
    ruleId: RNN,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.lstm({units: 32, inputShape: [10, 4]}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.lstm({units: 32, inputShape: [10, 4], dropout: 0.2, recurrentDropout: 0.2}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'an explicit dropout: 0 is replaced, recurrentDropout added',
    ruleId: RNN,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.gru({units: 32, inputShape: [10, 4], dropout: 0}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.gru({units: 32, inputShape: [10, 4], dropout: 0.2, recurrentDropout: 0.2}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'multi-line config: one new property per line',
    ruleId: RNN,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.simpleRNN({
        units: 32,
        inputShape: [10, 4]
      }));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.simpleRNN({
        units: 32,
        inputShape: [10, 4],
        dropout: 0.2,
        recurrentDropout: 0.2
      }));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'bidirectional: the wrapped lstm is edited',
    ruleId: RNN,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.bidirectional({layer: tf.layers.lstm({units: 16}), inputShape: [10, 4]}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.bidirectional({layer: tf.layers.lstm({units: 16, dropout: 0.2, recurrentDropout: 0.2}), inputShape: [10, 4]}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'the rate comes from the settings',
    ruleId: RNN,
    settings: { recurrentDropout: 0.25 },
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({layers: [tf.layers.lstm({units: 8, inputShape: [5, 2]}), tf.layers.dense({units: 1})]});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({layers: [tf.layers.lstm({units: 8, inputShape: [5, 2], dropout: 0.25, recurrentDropout: 0.25}), tf.layers.dense({units: 1})]});
    `,
  },
  {
    name: 'L2: kernel and recurrent regularizers',
    ruleId: RNN,
    fix: 'L2',
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.lstm({units: 32, inputShape: [10, 4]}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.lstm({units: 32, inputShape: [10, 4], kernelRegularizer: tf.regularizers.l2({l2: 1e-4}), recurrentRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'L2 in a file with named imports adds the specifier once',
    ruleId: RNN,
    fix: 'L2',
    code: code`
      import {layers, sequential} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.lstm({units: 32, inputShape: [10, 4]}));
      model.add(layers.dense({units: 1}));
    `,
    output: code`
      import {layers, sequential, regularizers} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.lstm({units: 32, inputShape: [10, 4], kernelRegularizer: regularizers.l2({l2: 1e-4}), recurrentRegularizer: regularizers.l2({l2: 1e-4})}));
      model.add(layers.dense({units: 1}));
    `,
  },
  {
    name: 'destructured lstm factory, no config',
    file: 'case.js',
    ruleId: RNN,
    code: code`
      const tf = require('@tensorflow/tfjs');
      const {lstm, dense} = tf.layers;
      const model = tf.sequential();
      model.add(lstm());
      model.add(dense({units: 1}));
    `,
    output: code`
      const tf = require('@tensorflow/tfjs');
      const {lstm, dense} = tf.layers;
      const model = tf.sequential();
      model.add(lstm({dropout: 0.2, recurrentDropout: 0.2}));
      model.add(dense({units: 1}));
    `,
  },
  {
    name: 'functional gru: its own config is edited, the apply left alone',
    ruleId: RNN,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const seq = tf.input({shape: [20, 3]});
      const h = tf.layers.gru({units: 16}).apply(seq) as tf.SymbolicTensor;
      const y = tf.layers.dense({units: 1}).apply(h) as tf.SymbolicTensor;
      export const model = tf.model({inputs: seq, outputs: y});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const seq = tf.input({shape: [20, 3]});
      const h = tf.layers.gru({units: 16, dropout: 0.2, recurrentDropout: 0.2}).apply(seq) as tf.SymbolicTensor;
      const y = tf.layers.dense({units: 1}).apply(h) as tf.SymbolicTensor;
      export const model = tf.model({inputs: seq, outputs: y});
    `,
  },
];
