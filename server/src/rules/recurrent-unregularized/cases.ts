import { code, type RuleCases } from '../ruleCases';

export const cases: RuleCases = {
  valid: [
    {
      name: 'sentiment LSTM with its own dropout and recurrentDropout',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.embedding({inputDim: 10000, outputDim: 128, inputLength: 100}));
        model.add(tf.layers.lstm({units: 64, dropout: 0.2, recurrentDropout: 0.2}));
        model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
      `,
    },
    {
      name: 'gru with recurrentDropout only (tfjs-node)',
      code: code`
        import * as tf from '@tensorflow/tfjs-node';
        const model = tf.sequential();
        model.add(tf.layers.gru({units: 32, inputShape: [240, 14], recurrentDropout: 0.1}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'simpleRNN with a kernelRegularizer (require)',
      code: code`
        const tf = require('@tensorflow/tfjs');
        const model = tf.sequential();
        model.add(tf.layers.simpleRNN({units: 16, inputShape: [20, 4], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'recurrentRegularizer counts',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.lstm({units: 16, inputShape: [20, 4], recurrentRegularizer: tf.regularizers.l1l2()}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'text generation: stacked LSTMs each followed by a dropout layer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential({layers: [
          tf.layers.lstm({units: 128, returnSequences: true, inputShape: [40, 57]}),
          tf.layers.dropout({rate: 0.2}),
          tf.layers.lstm({units: 128}),
          tf.layers.dropout({rate: 0.2}),
          tf.layers.dense({units: 57, activation: 'softmax'}),
        ]});
      `,
    },
    {
      name: 'bidirectional lstm with its own dropout (named imports)',
      code: code`
        import {layers, sequential} from '@tensorflow/tfjs';
        const model = sequential();
        model.add(layers.bidirectional({layer: layers.lstm({units: 32, dropout: 0.3}), inputShape: [50, 8]}));
        model.add(layers.dense({units: 2, activation: 'softmax'}));
      `,
    },
    {
      name: 'bidirectional lstm followed by dropout: the wrapper\'s successor counts',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.bidirectional({layer: tf.layers.lstm({units: 32}), inputShape: [50, 8]}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.dense({units: 2, activation: 'softmax'}));
      `,
    },
    {
      name: 'convLstm2d with dropout',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.convLstm2d({filters: 8, kernelSize: 3, inputShape: [10, 16, 16, 1], dropout: 0.2}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'dropout from a parameter: unknown, no finding',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(dropout: number) {
          const model = tf.sequential();
          model.add(tf.layers.lstm({units: 32, inputShape: [10, 4], dropout}));
          model.add(tf.layers.dense({units: 1}));
          return model;
        }
      `,
    },
    {
      name: 'an lstm that is the output layer is exempt',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.lstm({units: 1, inputShape: [10, 4]}));
      `,
    },
    {
      name: 'rnn over stacked cells, each with its own dropout',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.rnn({
          cell: [
            tf.layers.lstmCell({units: 32, dropout: 0.2, recurrentDropout: 0.2}),
            tf.layers.lstmCell({units: 16, dropout: 0.2}),
          ],
          inputShape: [20, 3],
        }));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'rnn with one cell, a dropout layer after the rnn regularizes it',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const cell = tf.layers.gruCell({units: 24});
        const model = tf.sequential();
        model.add(tf.layers.rnn({cell, inputShape: [20, 3]}));
        model.add(tf.layers.dropout({rate: 0.3}));
        model.add(tf.layers.dense({units: 8, activation: 'relu', kernelRegularizer: tf.regularizers.l2()}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'the last cell of an rnn that is the output is exempt',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.rnn({cell: tf.layers.simpleRNNCell({units: 1}), inputShape: [20, 3]}));
      `,
    },
  ],
  invalid: [
    {
      name: 'rnn over stacked cells without dropout: every cell but the output one',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.rnn({
          cell: [tf.layers.lstmCell({units: 32}), tf.layers.lstmCell({units: 16})],
          returnSequences: false,
          inputShape: [20, 3],
        }));
        model.add(tf.layers.dense({units: 8, activation: 'relu'}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [
        { line: 4, column: 20, messageIncludes: 'The lstmCell layer (units 32) inside rnn has no regularization' },
        { line: 4, column: 53, messageIncludes: 'The lstmCell layer (units 16) inside rnn has no regularization' },
      ],
    },
    {
      name: 'stackedRNNCells and awaited cell factories (an async builder)',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export async function build() {
          const cells = [await tf.layers.gruCell({units: 64, recurrentDropout: 0.1}), await tf.layers.gruCell({units: 64})];
          const model = tf.sequential();
          model.add(tf.layers.rnn({cell: tf.layers.stackedRNNCells({cells}), inputShape: [30, 8]}));
          model.add(tf.layers.dense({units: 4, activation: 'softmax'}));
          return model;
        }
      `,
      errors: [{ line: 3, column: 95, messageIncludes: 'The gruCell layer (units 64) inside stackedRNNCells has no regularization' }],
    },
    {
      name: 'sentiment LSTM with no regularization',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.embedding({inputDim: 10000, outputDim: 128, inputLength: 100}));
        model.add(tf.layers.lstm({units: 64}));
        model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
      `,
      errors: [{
        line: 4,
        column: 21,
        messageIncludes:
          'The lstm layer (units 64) has no regularization: dropout and recurrentDropout are 0, there is no ' +
          'kernelRegularizer or recurrentRegularizer, and no dropout or batch normalization follows it before the ' +
          'next weighted layer. Set dropout: 0.2 and recurrentDropout: 0.2 in its config, or kernelRegularizer: ' +
          'tf.regularizers.l2({l2: 1e-4}).',
      }],
    },
    {
      name: 'jena-weather GRU (tfjs-node-gpu)',
      code: code`
        import * as tf from '@tensorflow/tfjs-node-gpu';
        const model = tf.sequential();
        model.add(tf.layers.gru({units: 32, inputShape: [240, 14]}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3, column: 21, messageIncludes: 'gru layer (units 32)' }],
    },
    {
      name: 'lstm inside bidirectional: reported on the lstm',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.bidirectional({layer: tf.layers.lstm({units: 64}), inputShape: [50, 8]}));
        model.add(tf.layers.dense({units: 2, activation: 'softmax'}));
      `,
      errors: [{ line: 3, column: 53, messageIncludes: 'lstm layer (units 64) inside bidirectional' }],
    },
    {
      name: 'stacked LSTMs: both',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential({layers: [
          tf.layers.lstm({units: 128, returnSequences: true, inputShape: [40, 57], name: 'lstm1'}),
          tf.layers.lstm({units: 128, name: 'lstm2'}),
          tf.layers.dense({units: 57, activation: 'softmax'}),
        ]});
      `,
      errors: [
        { line: 3, column: 13, messageIncludes: "lstm layer 'lstm1' (units 128)" },
        { line: 4, column: 13, messageIncludes: "lstm layer 'lstm2' (units 128)" },
      ],
    },
    {
      name: 'explicit dropout 0 does not count',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.lstm({units: 32, inputShape: [10, 4], dropout: 0, recurrentDropout: 0}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3 }],
    },
    {
      name: 'activityRegularizer is ignored by tfjs recurrent layers',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.gru({units: 32, inputShape: [10, 4], activityRegularizer: tf.regularizers.l2()}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3 }],
    },
    {
      name: 'simpleRNN with destructured factories',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const {simpleRNN, dense} = tf.layers;
        const model = tf.sequential({layers: [simpleRNN({units: 8, inputShape: [10, 2]}), dense({units: 1})]});
      `,
      errors: [{ line: 3, column: 39, messageIncludes: 'simpleRNN layer (units 8)' }],
    },
    {
      name: 'convLstm2d with no regularization',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.convLstm2d({filters: 8, kernelSize: 3, inputShape: [10, 16, 16, 1]}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3, messageIncludes: 'convLstm2d layer (filters 8)' }],
    },
    {
      name: 'functional lstm into a dense head',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const input = tf.input({shape: [30, 6]});
        const encoded = tf.layers.lstm({units: 48}).apply(input);
        const output = tf.layers.dense({units: 1}).apply(encoded);
        const model = tf.model({inputs: input, outputs: output as tf.SymbolicTensor});
      `,
      errors: [{ line: 3, column: 27 }],
    },
  ],
};
