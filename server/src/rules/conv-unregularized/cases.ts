import { code, type RuleCases } from '../ruleCases';

export const cases: RuleCases = {
  valid: [
    {
      name: 'batch normalization after each conv (MNIST convnet shape)',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.conv2d({inputShape: [28, 28, 1], kernelSize: 3, filters: 16, activation: 'relu'}));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.maxPooling2d({poolSize: 2, strides: 2}));
        model.add(tf.layers.conv2d({kernelSize: 3, filters: 32, activation: 'relu'}));
        model.add(tf.layers.maxPooling2d({poolSize: 2, strides: 2}));
        model.add(tf.layers.dropout({rate: 0.25}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
      `,
    },
    {
      name: 'kernelRegularizer on a conv2d (tfjs-node)',
      code: code`
        import * as tf from '@tensorflow/tfjs-node';
        const model = tf.sequential({layers: [
          tf.layers.conv2d({inputShape: [32, 32, 3], filters: 32, kernelSize: 3,
            kernelRegularizer: tf.regularizers.l2({l2: 5e-4})}),
          tf.layers.globalAveragePooling2d({}),
          tf.layers.dense({units: 10, activation: 'softmax'}),
        ]});
      `,
    },
    {
      name: 'activityRegularizer on a conv1d',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.conv1d({inputShape: [100, 8], filters: 16, kernelSize: 5, activityRegularizer: tf.regularizers.l1()}));
        model.add(tf.layers.globalMaxPooling1d({}));
        model.add(tf.layers.dense({units: 1}));
      `,
    },
    {
      name: 'separableConv2d regularized through its depthwise kernel',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.separableConv2d({inputShape: [32, 32, 3], filters: 32, kernelSize: 3,
          depthwiseRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 10}));
      `,
    },
    {
      name: 'depthwiseConv2d with depthwiseRegularizer (require)',
      code: code`
        const tf = require('@tensorflow/tfjs');
        const model = tf.sequential();
        model.add(tf.layers.depthwiseConv2d({inputShape: [32, 32, 3], kernelSize: 3,
          depthwiseRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 10}));
      `,
    },
    {
      name: 'conv1d followed by spatialDropout1d (named imports)',
      code: code`
        import {layers, sequential} from '@tensorflow/tfjs';
        const model = sequential();
        model.add(layers.conv1d({inputShape: [100, 8], filters: 16, kernelSize: 5, activation: 'relu'}));
        model.add(layers.spatialDropout1d({rate: 0.2}));
        model.add(layers.globalMaxPooling1d({}));
        model.add(layers.dense({units: 1}));
      `,
    },
    {
      name: 'autoencoder: batch norm in the decoder, the last conv2dTranspose is the output',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const input = tf.input({shape: [28, 28, 1]});
        let x = tf.layers.conv2d({filters: 16, kernelSize: 3, strides: 2, padding: 'same'}).apply(input) as tf.SymbolicTensor;
        x = tf.layers.batchNormalization().apply(x) as tf.SymbolicTensor;
        x = tf.layers.reLU().apply(x) as tf.SymbolicTensor;
        x = tf.layers.conv2dTranspose({filters: 16, kernelSize: 3, strides: 2, padding: 'same'}).apply(x) as tf.SymbolicTensor;
        x = tf.layers.batchNormalization().apply(x) as tf.SymbolicTensor;
        const decoded = tf.layers.conv2dTranspose({filters: 1, kernelSize: 3, padding: 'same', activation: 'sigmoid'}).apply(x);
        const autoencoder = tf.model({inputs: input, outputs: decoded as tf.SymbolicTensor});
      `,
    },
    {
      name: 'conv3d followed by batch norm (destructured factories)',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const {conv3d, batchNormalization, flatten, dense} = tf.layers;
        const model = tf.sequential({layers: [
          conv3d({inputShape: [8, 32, 32, 1], filters: 8, kernelSize: 3}),
          batchNormalization(),
          flatten(),
          dense({units: 2}),
        ]});
      `,
    },
    {
      name: 'conv config built elsewhere: unknown, no finding',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        export function build(convArgs: tf.layers.ConvLayerArgs) {
          const model = tf.sequential();
          model.add(tf.layers.conv2d(convArgs));
          model.add(tf.layers.flatten());
          model.add(tf.layers.dense({units: 10}));
          return model;
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'MNIST convnet with no regularization: both convs',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.conv2d({inputShape: [28, 28, 1], kernelSize: 5, filters: 8, activation: 'relu'}));
        model.add(tf.layers.maxPooling2d({poolSize: [2, 2], strides: [2, 2]}));
        model.add(tf.layers.conv2d({kernelSize: 5, filters: 16, activation: 'relu'}));
        model.add(tf.layers.maxPooling2d({poolSize: [2, 2], strides: [2, 2]}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
      `,
      errors: [
        {
          line: 3,
          column: 21,
          messageIncludes:
            'The conv2d layer (filters 8) has no regularization: no kernelRegularizer and no batch normalization or ' +
            'dropout follows it before the next weighted layer. Add tf.layers.batchNormalization() after it, ' +
            'or kernelRegularizer: tf.regularizers.l2({l2: 1e-4}).',
        },
        { line: 5, column: 21, messageIncludes: 'conv2d layer (filters 16)' },
      ],
    },
    {
      name: 'separableConv2d: the advice names both of its keys',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.separableConv2d({inputShape: [32, 32, 3], filters: 32, kernelSize: 3, name: 'sep1'}));
        model.add(tf.layers.conv2d({filters: 8, kernelSize: 1, kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 10}));
      `,
      errors: [{
        line: 3,
        messageIncludes:
          "separableConv2d layer 'sep1' (filters 32) has no regularization: no depthwiseRegularizer or pointwiseRegularizer" +
          ' and no batch normalization or dropout follows it before the next weighted layer. ' +
          'Add tf.layers.batchNormalization() after it, or depthwiseRegularizer: tf.regularizers.l2({l2: 1e-4}) ' +
          'and pointwiseRegularizer: tf.regularizers.l2({l2: 1e-4}).',
      }],
    },
    {
      name: 'depthwiseConv2d ignores kernelRegularizer, so it is still unregularized',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const model = tf.sequential();
        model.add(tf.layers.depthwiseConv2d({inputShape: [32, 32, 3], kernelSize: 3,
          kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.conv2d({filters: 8, kernelSize: 1, kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 10}));
      `,
      errors: [{ line: 3, messageIncludes: 'no depthwiseRegularizer and no batch normalization' }],
    },
    {
      name: 'conv1d with named imports: the advice uses layers.',
      code: code`
        import {layers, sequential} from '@tensorflow/tfjs';
        const model = sequential();
        model.add(layers.conv1d({inputShape: [100, 8], filters: 16, kernelSize: 5, activation: 'relu'}));
        model.add(layers.globalMaxPooling1d({}));
        model.add(layers.dense({units: 1}));
      `,
      errors: [{ line: 3, column: 18, messageIncludes: 'Add layers.batchNormalization() after it, or kernelRegularizer: regularizers.l2({l2: 1e-4}).' }],
    },
    {
      name: 'functional encoder conv into a dense bottleneck',
      code: code`
        import * as tf from '@tensorflow/tfjs-node';
        const input = tf.input({shape: [28, 28, 1]});
        const conv = tf.layers.conv2d({filters: 16, kernelSize: 3, activation: 'relu'}).apply(input);
        const flat = tf.layers.flatten().apply(conv);
        const code = tf.layers.dense({units: 32, kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}).apply(flat);
        const decoded = tf.layers.dense({units: 784, activation: 'sigmoid'}).apply(code);
        const model = tf.model({inputs: input, outputs: decoded as tf.SymbolicTensor});
      `,
      errors: [{ line: 3, column: 24 }],
    },
    {
      name: 'conv blocks from a helper called in a loop',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        function convBlock(model: tf.Sequential, filters: number) {
          model.add(tf.layers.conv2d({filters, kernelSize: 3, padding: 'same', activation: 'relu'}));
          model.add(tf.layers.maxPooling2d({poolSize: 2}));
        }
        const model = tf.sequential();
        model.add(tf.layers.inputLayer({inputShape: [64, 64, 3]}));
        for (const filters of [16, 32, 64]) convBlock(model, filters);
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 5, activation: 'softmax'}));
      `,
      errors: [{ line: 3, column: 23, messageIncludes: 'The conv2d layer has no regularization' }],
    },
    {
      name: 'a helper called in a loop: one finding for its call, for all the layers it builds',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        function convBlock(model: tf.Sequential, filters: number) {
          model.add(tf.layers.conv2d({filters, kernelSize: 3, padding: 'same', activation: 'relu'}));
          model.add(tf.layers.maxPooling2d({poolSize: 2}));
        }
        const model = tf.sequential();
        model.add(tf.layers.inputLayer({inputShape: [64, 64, 3]}));
        for (const filters of [16, 32]) convBlock(model, filters);
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({units: 5, activation: 'softmax'}));
      `,
      errors: [{ line: 3, column: 23, messageIncludes: 'The same holds for all 2 layers this call builds' }],
    },
    {
      name: 'conv2dTranspose in a decoder, followed by another conv',
      code: code`
        import * as tf from '@tensorflow/tfjs';
        const decoder = tf.sequential();
        decoder.add(tf.layers.conv2dTranspose({inputShape: [7, 7, 32], filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu'}));
        decoder.add(tf.layers.conv2d({filters: 1, kernelSize: 3, padding: 'same', activation: 'sigmoid'}));
      `,
      errors: [{ line: 3, column: 23, messageIncludes: 'conv2dTranspose layer (filters 32)' }],
    },
  ],
};
