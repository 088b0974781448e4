import { code, type RuleCases } from '../ruleCases';

export const cases: RuleCases = {
  valid: [
    {
      name: 'useBias: false before the batch norm',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], useBias: false}));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.conv2d({filters: 8, kernelSize: 3, useBias: false}));
        model.add(tf.layers.batchNormalization());
      `,
    },
    {
      name: 'a nonlinearity before the norm keeps the bias meaningful',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'not directly followed by the norm',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.activation({activation: 'relu'}));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'recurrent layers are not affine',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.lstm({units: 8, inputShape: [10, 4]}));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'batch norm over another axis does not cancel a per-channel bias',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3}));
        model.add(tf.layers.batchNormalization({axis: 1}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'useBias or activation it cannot resolve',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(useBias: boolean, activation: 'relu' | 'linear') {
          const model = tf.sequential();
          model.add(tf.layers.dense({units: 64, inputShape: [8], useBias}));
          model.add(tf.layers.batchNormalization());
          model.add(tf.layers.dense({units: 64, activation}));
          model.add(tf.layers.batchNormalization());
          model.add(tf.layers.dense({units: 1}));
          return model;
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'dense with the default bias, directly before batch norm',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.dense({units: 64, inputShape: [8]}));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.activation({activation: 'relu'}));
        model.add(tf.layers.dense({units: 1}));
      `,
      errors: [{
        line: 3,
        column: 21,
        messageIncludes:
          'The dense layer (units 64) has a bias but is followed directly by batchNormalization, which subtracts the ' +
          "batch mean and so cancels the bias; batch norm's own beta offset takes its place (Ioffe & Szegedy 2015). Set useBias: false.",
      }],
    },
    {
      name: 'convs with explicit useBias: true and a linear activation (sequential array)',
      code: code`
        import * as tf from '@tensorflow/tfjs-node';
        const model = tf.sequential({layers: [
          tf.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, useBias: true}),
          tf.layers.batchNormalization({axis: -1}),
          tf.layers.separableConv2d({filters: 16, kernelSize: 3, activation: 'linear'}),
          tf.layers.batchNormalization({axis: 3}),
          tf.layers.flatten(),
          tf.layers.dense({units: 10}),
        ]});
      `,
      errors: [
        { line: 3, column: 13, messageIncludes: 'The conv2d layer (filters 8) has a bias' },
        { line: 5, column: 13, messageIncludes: 'The separableConv2d layer (filters 16) has a bias' },
      ],
    },
    {
      name: 'functional chain (named imports)',
      code: code`
        import {input, layers, model} from '@tensorflow/tfjs';
        const x = input({shape: [16]});
        const h = layers.dense({units: 32, name: 'proj'}).apply(x);
        const n = layers.batchNormalization().apply(h);
        const out = layers.dense({units: 1}).apply(n);
        const m = model({inputs: x, outputs: out as any});
      `,
      errors: [{ line: 3, column: 18, messageIncludes: "The dense layer 'proj' (units 32) has a bias" }],
    },
    {
      name: 'channelsFirst conv with batch norm on axis 1',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const {conv2d, batchNormalization, flatten, dense} = tf.layers;
        const model = tf.sequential();
        model.add(conv2d({inputShape: [1, 28, 28], filters: 8, kernelSize: 3, dataFormat: 'channelsFirst'}));
        model.add(batchNormalization({axis: 1}));
        model.add(flatten());
        model.add(dense({units: 1}));
      `,
      errors: [{ line: 4, column: 11 }],
    },
  ],
};
