// dense-unregularized: insert dropout (preferred) or add an L2 kernelRegularizer, in every
// model style, import style and config shape.
import { code } from '../../server/src/rules/ruleCases';
import { crlf, tabs, type FixCase } from './fixTester';

const RULE = 'dense-unregularized';

export const denseDropoutCases: FixCase[] = [
  {
    name: 'the page\'s global tf (no import): the new layer through tf.layers, nothing imported',
    file: 'sketch.js',
    ruleId: RULE,
    code: code`
      let model;
      function setup() {
        model = tf.sequential();
        model.add(tf.layers.dense({units: 16, inputShape: [2], activation: 'relu'}));
        model.add(tf.layers.dense({units: 1}));
      }
    `,
    output: code`
      let model;
      function setup() {
        model = tf.sequential();
        model.add(tf.layers.dense({units: 16, inputShape: [2], activation: 'relu'}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.dense({units: 1}));
      }
    `,
  },
  {
    name: 'window.tf destructured: the new layer through the same layers binding',
    file: 'page.js',
    ruleId: RULE,
    code: code`
      const {layers, sequential} = window.tf;
      const net = sequential({layers: [layers.dense({units: 8, inputShape: [3]}), layers.dense({units: 1})]});
    `,
    output: code`
      const {layers, sequential} = window.tf;
      const net = sequential({layers: [layers.dense({units: 8, inputShape: [3]}), layers.dropout({rate: 0.5}), layers.dense({units: 1})]});
    `,
  },
  {
    name: 'model.add: a new add statement after it, same receiver and indentation',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      export function build() {
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}));
        model.add(tf.layers.dense({units: 1}));
        return model;
      }
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      export function build() {
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.dense({units: 1}));
        return model;
      }
    `,
  },
  {
    name: 'model.add without semicolons stays without',
    file: 'case.js',
    ruleId: RULE,
    code: code`
      const tf = require('@tensorflow/tfjs-node')
      const net = tf.sequential()
      net.add(tf.layers.dense({units: 64, inputShape: [8]}))
      net.add(tf.layers.dense({units: 1}))
    `,
    output: code`
      const tf = require('@tensorflow/tfjs-node')
      const net = tf.sequential()
      net.add(tf.layers.dense({units: 64, inputShape: [8]}))
      net.add(tf.layers.dropout({rate: 0.5}))
      net.add(tf.layers.dense({units: 1}))
    `,
  },
  {
    name: 'a trailing comment stays on the dense line',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]})); // hidden
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]})); // hidden
      model.add(tf.layers.dropout({rate: 0.5}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'this.model.add in a class method',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      export class Net {
        model = tf.sequential();
        build(): void {
          this.model.add(tf.layers.dense({units: 32, inputShape: [4], activation: 'relu'}));
          this.model.add(tf.layers.dense({units: 2, activation: 'softmax'}));
        }
      }
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      export class Net {
        model = tf.sequential();
        build(): void {
          this.model.add(tf.layers.dense({units: 32, inputShape: [4], activation: 'relu'}));
          this.model.add(tf.layers.dropout({rate: 0.5}));
          this.model.add(tf.layers.dense({units: 2, activation: 'softmax'}));
        }
      }
    `,
  },
  {
    name: 'inside a loop body: the dropout goes inside the loop too',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.inputLayer({inputShape: [8]}));
      for (const units of [64, 32]) {
        model.add(tf.layers.dense({units, activation: 'relu'}));
      }
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.inputLayer({inputShape: [8]}));
      for (const units of [64, 32]) {
        model.add(tf.layers.dense({units, activation: 'relu'}));
        model.add(tf.layers.dropout({rate: 0.5}));
      }
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'a braceless if body has no next statement: no dropout offered',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      export function build(deep: boolean) {
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        if (deep) model.add(tf.layers.dense({units: 64}));
        model.add(tf.layers.dense({units: 1}));
        return model;
      }
    `,
    nth: 1,
    fix: 'dropout',
    output: null,
  },
  {
    name: 'sequential layers array, one per line with trailing commas',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({
        layers: [
          tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}),
          tf.layers.dense({units: 1}),
        ],
      });
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({
        layers: [
          tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}),
          tf.layers.dropout({rate: 0.5}),
          tf.layers.dense({units: 1}),
        ],
      });
    `,
  },
  {
    name: 'sequential layers array, a comment after the element stays with it',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({layers: [
        tf.layers.dense({units: 64, inputShape: [8]}), // encoder
        tf.layers.dense({units: 1})
      ]});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({layers: [
        tf.layers.dense({units: 64, inputShape: [8]}), // encoder
        tf.layers.dropout({rate: 0.5}),
        tf.layers.dense({units: 1})
      ]});
    `,
  },
  {
    name: 'sequential layers array on one line',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({layers: [tf.layers.dense({units: 8, inputShape: [4]}), tf.layers.dense({units: 1})]});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({layers: [tf.layers.dense({units: 8, inputShape: [4]}), tf.layers.dropout({rate: 0.5}), tf.layers.dense({units: 1})]});
    `,
  },
  {
    name: 'layers array of variables: the element after the variable',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const hidden = tf.layers.dense({units: 16, inputShape: [4], activation: 'relu'});
      const out = tf.layers.dense({units: 1});
      export const model = tf.sequential({layers: [hidden, out]});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const hidden = tf.layers.dense({units: 16, inputShape: [4], activation: 'relu'});
      const out = tf.layers.dense({units: 1});
      export const model = tf.sequential({layers: [hidden, tf.layers.dropout({rate: 0.5}), out]});
    `,
  },
  {
    name: 'functional apply: the dropout wraps the apply call',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const input = tf.input({shape: [8]});
      const hidden = tf.layers.dense({units: 32, activation: 'relu'}).apply(input) as tf.SymbolicTensor;
      const output = tf.layers.dense({units: 1}).apply(hidden) as tf.SymbolicTensor;
      export const model = tf.model({inputs: input, outputs: output});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const input = tf.input({shape: [8]});
      const hidden = tf.layers.dropout({rate: 0.5}).apply(tf.layers.dense({units: 32, activation: 'relu'}).apply(input)) as tf.SymbolicTensor;
      const output = tf.layers.dense({units: 1}).apply(hidden) as tf.SymbolicTensor;
      export const model = tf.model({inputs: input, outputs: output});
    `,
  },
  {
    name: 'functional apply nested in another apply',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const x = tf.input({shape: [8]});
      const y = tf.layers.dense({units: 1}).apply(tf.layers.dense({units: 16}).apply(x)) as tf.SymbolicTensor;
      export const model = tf.model({inputs: x, outputs: y});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const x = tf.input({shape: [8]});
      const y = tf.layers.dense({units: 1}).apply(tf.layers.dropout({rate: 0.5}).apply(tf.layers.dense({units: 16}).apply(x))) as tf.SymbolicTensor;
      export const model = tf.model({inputs: x, outputs: y});
    `,
  },
  {
    name: 'functional: a layer bound to a variable and applied once',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const x = tf.input({shape: [8]});
      const encoder = tf.layers.dense({units: 16, activation: 'relu'});
      const h = encoder.apply(x) as tf.SymbolicTensor;
      const y = tf.layers.dense({units: 1}).apply(h) as tf.SymbolicTensor;
      export const model = tf.model({inputs: x, outputs: y});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const x = tf.input({shape: [8]});
      const encoder = tf.layers.dense({units: 16, activation: 'relu'});
      const h = tf.layers.dropout({rate: 0.5}).apply(encoder.apply(x)) as tf.SymbolicTensor;
      const y = tf.layers.dense({units: 1}).apply(h) as tf.SymbolicTensor;
      export const model = tf.model({inputs: x, outputs: y});
    `,
  },
  {
    name: 'named imports: through the layers import',
    ruleId: RULE,
    code: code`
      import {layers, sequential} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.dense({units: 64, inputShape: [8]}));
      model.add(layers.dense({units: 1}));
    `,
    output: code`
      import {layers, sequential} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.dense({units: 64, inputShape: [8]}));
      model.add(layers.dropout({rate: 0.5}));
      model.add(layers.dense({units: 1}));
    `,
  },
  {
    name: 'const L = tf.layers alias',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const L = tf.layers;
      const model = tf.sequential();
      model.add(L.dense({units: 64, inputShape: [8]}));
      model.add(L.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const L = tf.layers;
      const model = tf.sequential();
      model.add(L.dense({units: 64, inputShape: [8]}));
      model.add(L.dropout({rate: 0.5}));
      model.add(L.dense({units: 1}));
    `,
  },
  {
    name: 'destructured factories: dropout joins the destructuring',
    file: 'case.js',
    ruleId: RULE,
    code: code`
      const tf = require('@tensorflow/tfjs');
      const {dense} = tf.layers;
      const model = tf.sequential();
      model.add(dense({units: 64, inputShape: [8]}));
      model.add(dense({units: 1}));
    `,
    output: code`
      const tf = require('@tensorflow/tfjs');
      const {dense, dropout} = tf.layers;
      const model = tf.sequential();
      model.add(dense({units: 64, inputShape: [8]}));
      model.add(dropout({rate: 0.5}));
      model.add(dense({units: 1}));
    `,
  },
  {
    name: 'destructured factories with dropout already bound under another name',
    file: 'case.js',
    ruleId: RULE,
    code: code`
      const tf = require('@tensorflow/tfjs');
      const {dense: fc, dropout: drop} = tf.layers;
      const model = tf.sequential();
      model.add(fc({units: 64, inputShape: [8]}));
      model.add(fc({units: 1}));
      model.add(drop({rate: 0.1}));
    `,
    // (the trailing dropout is dropout-after-output's business)
    output: code`
      const tf = require('@tensorflow/tfjs');
      const {dense: fc, dropout: drop} = tf.layers;
      const model = tf.sequential();
      model.add(fc({units: 64, inputShape: [8]}));
      model.add(drop({rate: 0.5}));
      model.add(fc({units: 1}));
      model.add(drop({rate: 0.1}));
    `,
  },
  {
    name: 'CRLF line endings are kept',
    ruleId: RULE,
    code: crlf(code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      model.add(tf.layers.dense({units: 1}));
    `),
    output: crlf(code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      model.add(tf.layers.dropout({rate: 0.5}));
      model.add(tf.layers.dense({units: 1}));
    `),
  },
  {
    name: 'tab indentation is kept',
    ruleId: RULE,
    code: tabs(code`
      import * as tf from '@tensorflow/tfjs';
      export function build() {
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.dense({units: 1}));
        return model;
      }
    `),
    output: tabs(code`
      import * as tf from '@tensorflow/tfjs';
      export function build() {
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.dropout({rate: 0.5}));
        model.add(tf.layers.dense({units: 1}));
        return model;
      }
    `),
  },
  {
    name: 'a file that writes { spaced } braces gets them',
    ruleId: RULE,
    code: code`
      import * as tf from "@tensorflow/tfjs";
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 64, inputShape: [8], activation: "relu" }));
      model.add(tf.layers.dense({ units: 1 }));
    `,
    output: code`
      import * as tf from "@tensorflow/tfjs";
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 64, inputShape: [8], activation: "relu" }));
      model.add(tf.layers.dropout({ rate: 0.5 }));
      model.add(tf.layers.dense({ units: 1 }));
    `,
  },
  {
    name: 'the rate comes from the settings',
    ruleId: RULE,
    settings: { denseDropoutRate: 0.3 },
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      model.add(tf.layers.dropout({rate: 0.3}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'a dense inside timeDistributed: the dropout goes after the wrapper',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: 16}), inputShape: [10, 8]}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: 16}), inputShape: [10, 8]}));
      model.add(tf.layers.dropout({rate: 0.5}));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 1}));
    `,
  },
];

const L2 = 'L2';

export const denseL2Cases: FixCase[] = [
  {
    name: 'single-line config: appended after the last property',
    ruleId: RULE,
    fix: L2,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'no config at all: dense() gets one',
    file: 'case.js',
    ruleId: RULE,
    fix: L2,
    code: code`
      const tf = require('@tensorflow/tfjs');
      const model = tf.sequential();
      model.add(tf.layers.dense());
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      const tf = require('@tensorflow/tfjs');
      const model = tf.sequential();
      model.add(tf.layers.dense({kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'empty config {}',
    file: 'case.js',
    ruleId: RULE,
    fix: L2,
    code: code`
      const tf = require('@tensorflow/tfjs');
      const model = tf.sequential();
      model.add(tf.layers.dense({}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      const tf = require('@tensorflow/tfjs');
      const model = tf.sequential();
      model.add(tf.layers.dense({kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'multi-line config with a trailing comma keeps it',
    ruleId: RULE,
    fix: L2,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({
        units: 64,
        inputShape: [8],
      }));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({
        units: 64,
        inputShape: [8],
        kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
      }));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'multi-line config without a trailing comma stays without',
    ruleId: RULE,
    fix: L2,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({
        units: 64,
        inputShape: [8]
      }));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({
        units: 64,
        inputShape: [8],
        kernelRegularizer: tf.regularizers.l2({l2: 1e-4})
      }));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'multi-line config whose last line ends in a comment',
    ruleId: RULE,
    fix: L2,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({
        units: 64,
        inputShape: [8] // features
      }));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({
        units: 64,
        inputShape: [8], // features
        kernelRegularizer: tf.regularizers.l2({l2: 1e-4})
      }));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'multi-line config, CRLF and tabs',
    ruleId: RULE,
    fix: L2,
    code: crlf(tabs(code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({
        units: 64,
        inputShape: [8],
      }));
      model.add(tf.layers.dense({units: 1}));
    `)),
    output: crlf(tabs(code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({
        units: 64,
        inputShape: [8],
        kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
      }));
      model.add(tf.layers.dense({units: 1}));
    `)),
  },
  {
    name: 'an explicit kernelRegularizer: null is replaced',
    ruleId: RULE,
    fix: L2,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: null}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'a config held in a variable is overridden at this call only',
    ruleId: RULE,
    fix: L2,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const hidden = {units: 64, inputShape: [8]};
      const model = tf.sequential();
      model.add(tf.layers.dense(hidden));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const hidden = {units: 64, inputShape: [8]};
      const model = tf.sequential();
      model.add(tf.layers.dense({...hidden, kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'named imports without regularizers: the specifier is added',
    ruleId: RULE,
    fix: L2,
    code: code`
      import {layers, sequential} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.dense({units: 64, inputShape: [8]}));
      model.add(layers.dense({units: 1}));
    `,
    output: code`
      import {layers, sequential, regularizers} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.dense({units: 64, inputShape: [8], kernelRegularizer: regularizers.l2({l2: 1e-4})}));
      model.add(layers.dense({units: 1}));
    `,
  },
  {
    name: 'named imports over several lines: the specifier gets its own line',
    ruleId: RULE,
    fix: L2,
    code: code`
      import {
        layers,
        sequential,
      } from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.dense({units: 64, inputShape: [8]}));
      model.add(layers.dense({units: 1}));
    `,
    output: code`
      import {
        layers,
        sequential,
        regularizers,
      } from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.dense({units: 64, inputShape: [8], kernelRegularizer: regularizers.l2({l2: 1e-4})}));
      model.add(layers.dense({units: 1}));
    `,
  },
  {
    name: 'named imports that already bring regularizers (aliased)',
    ruleId: RULE,
    fix: L2,
    code: code`
      import {layers, sequential, regularizers as reg} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.dense({units: 64, inputShape: [8]}));
      model.add(layers.dense({units: 1, kernelRegularizer: reg.l1({l1: 1e-5})}));
    `,
    output: code`
      import {layers, sequential, regularizers as reg} from '@tensorflow/tfjs';
      const model = sequential();
      model.add(layers.dense({units: 64, inputShape: [8], kernelRegularizer: reg.l2({l2: 1e-4})}));
      model.add(layers.dense({units: 1, kernelRegularizer: reg.l1({l1: 1e-5})}));
    `,
  },
  {
    name: 'destructured require: regularizers joins the destructuring',
    file: 'case.js',
    ruleId: RULE,
    fix: L2,
    code: code`
      const {layers, sequential} = require('@tensorflow/tfjs-node');
      const model = sequential();
      model.add(layers.dense({units: 64, inputShape: [8]}));
      model.add(layers.dense({units: 1}));
    `,
    output: code`
      const {layers, sequential, regularizers} = require('@tensorflow/tfjs-node');
      const model = sequential();
      model.add(layers.dense({units: 64, inputShape: [8], kernelRegularizer: regularizers.l2({l2: 1e-4})}));
      model.add(layers.dense({units: 1}));
    `,
  },
  {
    name: 'const L = tf.layers: the regularizer goes through tf',
    ruleId: RULE,
    fix: L2,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const L = tf.layers;
      const model = tf.sequential();
      model.add(L.dense({units: 64, inputShape: [8]}));
      model.add(L.dense({units: 1}));
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const L = tf.layers;
      const model = tf.sequential();
      model.add(L.dense({units: 64, inputShape: [8], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(L.dense({units: 1}));
    `,
  },
  {
    name: 'a regularizers alias and a destructured l2 are used as they are',
    file: 'case.js',
    ruleId: RULE,
    fix: L2,
    code: code`
      const tf = require('@tensorflow/tfjs');
      const {l2} = tf.regularizers;
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      model.add(tf.layers.dense({units: 1}));
    `,
    output: code`
      const tf = require('@tensorflow/tfjs');
      const {l2} = tf.regularizers;
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8], kernelRegularizer: l2({l2: 1e-4})}));
      model.add(tf.layers.dense({units: 1}));
    `,
  },
  {
    name: 'double quotes and spaced braces are the file style',
    ruleId: RULE,
    fix: L2,
    code: code`
      import * as tf from "@tensorflow/tfjs";
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 64, inputShape: [8], activation: "relu" }));
      model.add(tf.layers.dense({ units: 1 }));
    `,
    output: code`
      import * as tf from "@tensorflow/tfjs";
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 64, inputShape: [8], activation: "relu", kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 }) }));
      model.add(tf.layers.dense({ units: 1 }));
    `,
  },
  {
    name: 'the factor comes from the settings',
    ruleId: RULE,
    fix: L2,
    settings: { l2: 0.001 },
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({layers: [tf.layers.dense({units: 8, inputShape: [4]}), tf.layers.dense({units: 1})]});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({layers: [tf.layers.dense({units: 8, inputShape: [4], kernelRegularizer: tf.regularizers.l2({l2: 0.001})}), tf.layers.dense({units: 1})]});
    `,
  },
  {
    name: 'a layer at an `other` site still gets the config fix, preferred',
    ruleId: RULE,
    code: code`
      import * as tf from '@tensorflow/tfjs';
      const x = tf.input({shape: [8]});
      const shared = tf.layers.dense({units: 8, activation: 'relu'});
      const a = shared.apply(x) as tf.SymbolicTensor;
      const b = shared.apply(a) as tf.SymbolicTensor;
      const y = tf.layers.dense({units: 1}).apply(b) as tf.SymbolicTensor;
      export const model = tf.model({inputs: x, outputs: y});
    `,
    output: code`
      import * as tf from '@tensorflow/tfjs';
      const x = tf.input({shape: [8]});
      const shared = tf.layers.dense({units: 8, activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2: 1e-4})});
      const a = shared.apply(x) as tf.SymbolicTensor;
      const b = shared.apply(a) as tf.SymbolicTensor;
      const y = tf.layers.dense({units: 1}).apply(b) as tf.SymbolicTensor;
      export const model = tf.model({inputs: x, outputs: y});
    `,
  },
];
