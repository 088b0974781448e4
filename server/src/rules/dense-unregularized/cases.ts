import { code, type RuleCases } from '../ruleCases';

export const cases: RuleCases = {
  valid: [
    {
      name: 'kernelRegularizer on the hidden layer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 128, activation: 'relu', inputShape: [784],
          kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
      `,
    },
    {
      name: 'activityRegularizer counts too',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], activityRegularizer: tf.regularizers.l1()}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'the string identifier l1l2 is a regularizer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: 'l1l2'}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'dropout right after it (tfjs-node)',
      code: code`
        import * as tf from '@tensorflow/tfjs-node';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 128, activation: 'relu', inputShape: [784]}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
      `,
    },
    {
      name: 'batch normalization after it, an activation in between (tfjs-node-gpu)',
      code: code`
        import * as tf from '@tensorflow/tfjs-node-gpu';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 128, inputShape: [784]}));
        model.add(tf.layers.activation({activation: 'relu'}));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
      `,
    },
    {
      name: 'weightless layers between it and the dropout',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential({layers: [
          tf.layers.dense({units: 64, inputShape: [32]}),
          tf.layers.leakyReLU(),
          tf.layers.reshape({targetShape: [8, 8]}),
          tf.layers.flatten(),
          tf.layers.gaussianDropout({rate: 0.3}),
          tf.layers.dense({units: 1}),
        ]});
      `,
    },
    {
      name: 'the output layer is exempt',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 1, inputShape: [4]}));
      `,
    },
    {
      name: 'only weightless layers follow it to the output: it is the output layer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 10, inputShape: [4]}));
        model.add(tf.layers.activation({activation: 'softmax'}));
      `,
    },
    {
      name: 'require with dropout after',
      code: code`
        const tf = require('@tensorflow/tfjs');
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [10]}));
        model.add(tf.layers.alphaDropout({rate: 0.1}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'named imports with a regularizer',
      code: code`
        import {layers, regularizers, sequential} from '@tensorflow/tfjs';
        const model = sequential();
        model.add(layers.dense({units: 32, inputShape: [10], kernelRegularizer: regularizers.l2({l2: 1e-4})}));
        model.add(layers.dense({units: 1}));
      `,
    },
    {
      name: 'destructured factories with dropout after',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const {dense, dropout} = tf.layers;
        const model = tf.sequential({layers: [
          dense({units: 32, activation: 'relu', inputShape: [10]}),
          dropout({rate: 0.5}),
          dense({units: 1}),
        ]});
      `,
    },
    {
      name: 'aliased layers namespace with a shared const regularizer (-layers)',
      code: code`
        import * as tfl from '@tensorflow/tfjs-layers';
        const L = tfl.layers;
        const reg = tfl.regularizers.l2({l2: 1e-4});
        const model = tfl.sequential({layers: [
          L.dense({units: 32, inputShape: [10], kernelRegularizer: reg}),
          L.dense({units: 1}),
        ]});
      `,
    },
    {
      name: 'functional apply chain with dropout',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const input = tf.input({shape: [20]});
        const hidden = tf.layers.dense({units: 64, activation: 'relu'}).apply(input);
        const dropped = tf.layers.dropout({rate: 0.4}).apply(hidden);
        const output = tf.layers.dense({units: 3, activation: 'softmax'}).apply(dropped);
        const model = tf.model({inputs: input, outputs: output});
      `,
    },
    {
      name: 'dense + dropout pairs added in a loop',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.inputLayer({inputShape: [16]}));
        for (const units of [256, 128, 64]) {
          model.add(tf.layers.dense({units, activation: 'relu'}));
          model.add(tf.layers.dropout({rate: 0.3}));
        }
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'helper that adds a dense block with dropout',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        function addBlock(model: tf.Sequential, units: number) {
          model.add(tf.layers.dense({units, activation: 'relu'}));
          model.add(tf.layers.dropout({rate: 0.5}));
        }
        const model = tf.sequential();
        model.add(tf.layers.inputLayer({inputShape: [16]}));
        addBlock(model, 64);
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'timeDistributed dense followed by dropout',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: 32}), inputShape: [10, 8]}));
        model.add(tf.layers.dropout({rate: 0.2}));
        model.add(tf.layers.lstm({units: 16, dropout: 0.2}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'config passed in from outside: unknown, no finding',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(hiddenConfig: tf.layers.DenseLayerArgs) {
          const model = tf.sequential();
          model.add(tf.layers.dense(hiddenConfig));
          model.add(tf.layers.dense({units: 1}));
          return model;
        }
      `,
    },
    {
      name: 'spread of an unknown object might carry a regularizer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(extra: object) {
          const model = tf.sequential();
          model.add(tf.layers.dense({units: 64, inputShape: [8], ...extra}));
          model.add(tf.layers.dense({units: 1}));
          return model;
        }
      `,
    },
    {
      name: 'regularizer from a parameter: unknown, no finding',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(reg: tf.Regularizer) {
          const model = tf.sequential();
          model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: reg}));
          model.add(tf.layers.dense({units: 1}));
          return model;
        }
      `,
    },
    {
      name: 'dropout added only under a condition: unknown, no finding',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(useDropout: boolean) {
          const model = tf.sequential();
          model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [8]}));
          if (useDropout) model.add(tf.layers.dropout({rate: 0.5}));
          model.add(tf.layers.dense({units: 1}));
          return model;
        }
      `,
    },
    {
      name: 'functional branch with dropout on one path only: unknown, no finding',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const input = tf.input({shape: [20]});
        const shared = tf.layers.dense({units: 64, activation: 'relu'}).apply(input) as tf.SymbolicTensor;
        const left = tf.layers.dropout({rate: 0.5}).apply(shared) as tf.SymbolicTensor;
        const l2 = tf.regularizers.l2({l2: 1e-4});
        const leftOut = tf.layers.dense({units: 8, kernelRegularizer: l2}).apply(left) as tf.SymbolicTensor;
        const rightOut = tf.layers.dense({units: 8, kernelRegularizer: l2}).apply(shared) as tf.SymbolicTensor;
        const merged = tf.layers.concatenate().apply([leftOut, rightOut]);
        const output = tf.layers.dense({units: 1}).apply(merged);
        const model = tf.model({inputs: input, outputs: output as tf.SymbolicTensor});
      `,
    },
    {
      name: 'no tfjs import: not a tfjs model',
      code: code`
        import * as layers from './myLayers';
        const model = layers.sequential();
        model.add(layers.dense({units: 64}));
        model.add(layers.dense({units: 1}));
      `,
    },
    {
      name: 'a helper whose caller passes the regularizer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        function hidden(units: number, reg: tf.Regularizer) {
          return tf.layers.dense({units, activation: 'relu', kernelRegularizer: reg});
        }
        const model = tf.sequential();
        model.add(tf.layers.inputLayer({inputShape: [16]}));
        model.add(hidden(64, tf.regularizers.l2({l2: 1e-4})));
        model.add(hidden(32, tf.regularizers.l2({l2: 1e-4})));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'a helper regularized by one caller and not by another: judged by every caller, so not reported',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        function hidden(model: tf.Sequential, units: number, withDropout: boolean) {
          model.add(tf.layers.dense({units, activation: 'relu'}));
          if (withDropout) model.add(tf.layers.dropout({rate: 0.3}));
        }
        const model = tf.sequential();
        model.add(tf.layers.inputLayer({inputShape: [16]}));
        hidden(model, 64, true);
        hidden(model, 32, false);
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'a builder never called here: a default that would leave out the dropout is no certainty',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(useDropout = false) {
          const model = tf.sequential();
          model.add(tf.layers.dense({units: 64, inputShape: [16]}));
          if (useDropout) model.add(tf.layers.dropout({rate: 0.3}));
          model.add(tf.layers.dense({units: 1}));
          return model;
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'a helper every caller calls without the dropout',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        function hidden(model: tf.Sequential, units: number, withDropout = false) {
          model.add(tf.layers.dense({units, activation: 'relu'}));
          if (withDropout) model.add(tf.layers.dropout({rate: 0.3}));
        }
        const model = tf.sequential();
        model.add(tf.layers.inputLayer({inputShape: [16]}));
        hidden(model, 64);
        hidden(model, 32, false);
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3, column: 23, messageIncludes: 'The same holds for all 2 layers this call builds' }],
    },
    {
      name: 'hidden dense with nothing after it (import * as tf, model.add)',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 128, activation: 'relu', inputShape: [784]}));
        model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
      `,
      errors: [{
        line: 3,
        column: 21,
        messageIncludes:
          'Hidden dense layer (units 128) has no regularization: no kernelRegularizer and no dropout or batch ' +
          'normalization follows it before the next weighted layer. Add tf.layers.dropout({rate: 0.5}) after it, ' +
          'or kernelRegularizer: tf.regularizers.l2({l2: 1e-4}).',
      }],
    },
    {
      name: 'the message names the layer by its name config',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [8], name: 'hidden1'}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3, messageIncludes: "dense layer 'hidden1' (units 64)" }],
    },
    {
      name: 'every unregularized hidden layer of a sequential array',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential({
          layers: [
            tf.layers.dense({units: 256, activation: 'relu', inputShape: [784]}),
            tf.layers.dense({units: 128, activation: 'relu'}),
            tf.layers.dropout({rate: 0.5}),
            tf.layers.dense({units: 64, activation: 'relu'}),
            tf.layers.dense({units: 10, activation: 'softmax'}),
          ],
        });
      `,
      errors: [
        { line: 4, column: 15, messageIncludes: 'units 256' },
        { line: 7, column: 15, messageIncludes: 'units 64' },
      ],
    },
    {
      name: 'functional apply chain',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const input = tf.input({shape: [20]});
        const hidden = tf.layers.dense({units: 64, activation: 'relu'}).apply(input);
        const output = tf.layers.dense({units: 3, activation: 'softmax'}).apply(hidden);
        const model = tf.model({inputs: input, outputs: output as tf.SymbolicTensor});
      `,
      errors: [{ line: 3, column: 26, messageIncludes: 'units 64' }],
    },
    {
      name: 'named imports: the advice uses the imported namespaces',
      code: code`
        import {layers, regularizers, sequential} from '@tensorflow/tfjs';
        const model = sequential();
        model.add(layers.dense({units: 32, activation: 'relu', inputShape: [10]}));
        model.add(layers.dense({units: 1}));
      `,
      errors: [{ line: 3, column: 18, messageIncludes: 'Add layers.dropout({rate: 0.5}) after it, or kernelRegularizer: regularizers.l2({l2: 1e-4})' }],
    },
    {
      name: 'renamed named imports: the advice uses the local names',
      code: code`
        import {layers as tfl, regularizers as R, sequential} from '@tensorflow/tfjs-layers';
        const model = sequential({layers: [tfl.dense({units: 32, inputShape: [10]}), tfl.dense({units: 1})]});
      `,
      errors: [{ line: 2, column: 40, messageIncludes: 'Add tfl.dropout({rate: 0.5}) after it, or kernelRegularizer: R.l2({l2: 1e-4})' }],
    },
    {
      name: 'destructured from tf.layers: the advice goes through tf',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const {dense} = tf.layers;
        const model = tf.sequential({layers: [
          dense({units: 32, activation: 'relu', inputShape: [10]}),
          dense({units: 1}),
        ]});
      `,
      errors: [{ line: 4, column: 3, messageIncludes: 'Add tf.layers.dropout({rate: 0.5}) after it, or kernelRegularizer: tf.regularizers.l2' }],
    },
    {
      name: 'require of tfjs-node',
      code: code`
        const tf = require('@tensorflow/tfjs-node');
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [10]}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3, column: 21 }],
    },
    {
      name: 'aliased layers namespace: the advice uses the alias',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const L = tf.layers;
        const model = tf.sequential();
        model.add(L.dense({units: 32, activation: 'relu', inputShape: [10]}));
        model.add(L.dense({units: 1}));
      `,
      errors: [{ line: 4, column: 13, messageIncludes: 'Add L.dropout({rate: 0.5})' }],
    },
    {
      name: 'layers added in a loop: the loop body is reported once',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.inputLayer({inputShape: [16]}));
        for (const units of [256, 128, 64]) {
          model.add(tf.layers.dense({units, activation: 'relu'}));
        }
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 5, column: 23 }],
    },
    {
      name: 'helper returning an unregularized dense layer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        function hidden(units: number) {
          return tf.layers.dense({units, activation: 'relu'});
        }
        const model = tf.sequential();
        model.add(tf.layers.inputLayer({inputShape: [16]}));
        model.add(hidden(64));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3, column: 20, messageIncludes: 'Hidden dense layer (units 64) has no regularization' }],
    },
    {
      name: 'a dropout with rate 0 does not regularize, and the message says so',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [8]}));
        model.add(tf.layers.dropout({rate: 0}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3, messageIncludes: 'the dropout rate 0 after it does nothing' }],
    },
    {
      name: 'layerNormalization is not a regularizer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.layerNormalization());
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3 }],
    },
    {
      name: 'a bias regularizer alone does not count; null means no regularizer',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], biasRegularizer: tf.regularizers.l2()}));
        model.add(tf.layers.dense({units: 32, kernelRegularizer: null}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3 }, { line: 4 }],
    },
    {
      name: 'timeDistributed dense: judged by the wrapper\'s successors',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: 32}), inputShape: [10, 8]}));
        model.add(tf.layers.lstm({units: 16, dropout: 0.2}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 3, column: 55, messageIncludes: 'dense layer (units 32) inside timeDistributed' }],
    },
    {
      name: 'const config object resolved through an identifier',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const HIDDEN = {units: 64, activation: 'relu' as const};
        const model = tf.sequential();
        model.add(tf.layers.dense({...HIDDEN, inputShape: [8]}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{ line: 4, messageIncludes: 'units 64' }],
    },
    {
      name: 'class holding the namespace in this.tf',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export class Classifier {
          constructor(private readonly tf: typeof import('@tensorflow/tfjs')) {}
          build() {
            const model = this.tf.sequential();
            model.add(this.tf.layers.dense({units: 64, activation: 'relu', inputShape: [8]}));
            model.add(this.tf.layers.dense({units: 2, activation: 'softmax'}));
            return model;
          }
        }
        new Classifier(tf).build();
      `,
      errors: [{ line: 6, column: 30, messageIncludes: 'Add this.tf.layers.dropout({rate: 0.5}) after it, or kernelRegularizer: this.tf.regularizers.l2' }],
    },
    {
      name: 'class holding the namespace in a property named unlike the import',
      code: code`
        import * as tfjs from '@tensorflow/tfjs';
        class Classifier {
          private tf = tfjs;
          build() {
            const model = this.tf.sequential();
            model.add(this.tf.layers.dense({units: 64, activation: 'relu', inputShape: [8]}));
            model.add(this.tf.layers.dense({units: 2, activation: 'softmax'}));
            return model;
          }
        }
      `,
      errors: [{ line: 6, column: 30, messageIncludes: 'Add this.tf.layers.dropout({rate: 0.5}) after it, or kernelRegularizer: this.tf.regularizers.l2' }],
    },
  ],
};
