// Models whose sanity-train answer is known by construction (calibration), and the
// issue's reference models (timing). Shared by the tests and bench/training.ts.
import { labelLayers, l2, layer, obj, type CompileSpec, type LayerSpec, type ModelSpec } from './modelSpec';

function seq(name: string, inputShape: number[], layers: LayerSpec[], compile?: CompileSpec): ModelSpec {
  const spec: ModelSpec = { name, style: 'sequential-add', inputShape, inputDtype: 'float32', layers: labelLayers(layers) };
  if (compile) spec.compile = compile;
  return spec;
}

const softmax10 = () => layer('dense', { units: 10, activation: 'softmax' });

export const CALIBRATION = {
  /** Wide unregularized MLP on 256 noisy samples: overfits; dropout should shrink the gap. */
  wideMlp: () => seq('wideMlp', [16], [
    layer('dense', { units: 512, activation: 'relu' }), layer('dense', { units: 512, activation: 'relu' }),
    layer('dense', { units: 256, activation: 'relu' }), softmax10(),
  ]),
  /** Small, L2 + dropout: nothing to report. */
  smallRegularized: () => seq('smallRegularized', [16], [
    layer('dense', { units: 8, activation: 'relu', kernelRegularizer: l2(1e-4) }), layer('dropout', { rate: 0.3 }), softmax10(),
  ]),
  /** ReLU output under cross-entropy: cannot fit one batch. */
  reluOutput: () => seq('reluOutput', [16], [layer('dense', { units: 32, activation: 'relu' }), layer('dense', { units: 10, activation: 'relu' })],
    { loss: 'categoricalCrossentropy' }),
  /** Softmax over one unit with categorical cross-entropy: always outputs 1. */
  softmaxOneUnit: () => seq('softmaxOneUnit', [16], [layer('dense', { units: 32, activation: 'relu' }), layer('dense', { units: 1, activation: 'softmax' })],
    { loss: 'categoricalCrossentropy' }),
  /** Hidden ReLU layer whose bias starts at -10: most units never fire. */
  deadRelu: () => seq('deadRelu', [16], [
    layer('dense', { units: 32, activation: 'relu', biasInitializer: obj({ className: 'Constant', config: obj({ value: -10 }) }) }),
    softmax10(),
  ]),
  /** SGD with learning rate 50 on a classifier. */
  hugeLrClassifier: () => seq('hugeLrClassifier', [16], [layer('dense', { units: 64, activation: 'relu' }), softmax10()],
    { optimizer: 'sgd', learningRate: 50, loss: 'categoricalCrossentropy' }),
  /** SGD with learning rate 1 on a regression MLP: NaN. */
  hugeLrRegression: () => seq('hugeLrRegression', [16], [layer('dense', { units: 64, activation: 'relu' }), layer('dense', { units: 1 })],
    { optimizer: 'sgd', learningRate: 1, loss: 'meanSquaredError' }),
};

export const REFERENCE = {
  /** MLP 784-256-128-10. */
  mlp: () => seq('mlp', [784], [
    layer('dense', { units: 256, activation: 'relu', inputShape: [784] }), layer('dense', { units: 128, activation: 'relu' }), softmax10(),
  ]),
  /** The tfjs MNIST tutorial convnet: conv 8@5x5, pool, conv 16@5x5, pool, dense 10. */
  convnet: () => seq('convnet', [28, 28, 1], [
    layer('conv2d', { inputShape: [28, 28, 1], kernelSize: 5, filters: 8, activation: 'relu', kernelInitializer: 'varianceScaling' }),
    layer('maxPooling2d', { poolSize: [2, 2], strides: [2, 2] }),
    layer('conv2d', { kernelSize: 5, filters: 16, activation: 'relu', kernelInitializer: 'varianceScaling' }),
    layer('maxPooling2d', { poolSize: [2, 2], strides: [2, 2] }),
    layer('flatten'),
    layer('dense', { units: 10, activation: 'softmax', kernelInitializer: 'varianceScaling' }),
  ]),
  /** Text classifier: embedding(1000, 32) over 20 tokens, LSTM(32), sigmoid. */
  lstm: (): ModelSpec => ({
    ...seq('lstm', [20], [
      layer('embedding', { inputDim: 1000, outputDim: 32, inputLength: 20 }), layer('lstm', { units: 32 }),
      layer('dense', { units: 1, activation: 'sigmoid' }),
    ]),
    inputDtype: 'int32',
  }),
};
