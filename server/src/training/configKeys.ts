// What each layer config key does to what the sanity-train measures, and so what to do
// when the code does not fix its value (a parameter, a value computed at run time, an
// import). From tfjs-layers 4.22's argument interfaces (node_modules/@tensorflow/
// tfjs-layers/dist/layers/*.d.ts, engine/topology.d.ts):
// - `ignored`: starting values, limits and bookkeeping (name, trainable, dtype, weights,
//   *Initializer, *Constraint, implementation, unroll, seed): left out, tfjs's default
//   applies, and the report notes it. A frozen layer (trainable: false) trains here.
// - `input`: the input's width (inputShape, batchInputShape, inputDim, inputLength, a
//   tf.input's shape): from the data file, reglint.train.inputShape, or a stated default.
// - `vocab`: an embedding's inputDim: the data's token range, or a stated default.
// - `size`: widths and window sizes (units, filters, kernelSize, ...): asked in the editor,
//   `--set` on the CLI, else a stated default.
// - `rate`: a dropout layer's rate or a noise layer's stddev: the layer regularizes either
//   way; asked, else a stated default.
// - `regularizer`: what decides whether a layer is regularized (its *Regularizer keys, an
//   RNN's dropout/recurrentDropout): never guessed, since the verdict is exactly about
//   it; without a value the model is not trained and the reason says how to give one.
// - `required`: a value tfjs cannot do without and no default makes sense for
//   (targetShape, dims, cell, layer): not trained, the reason names it.
// - `behaviour`: everything else (activation, padding, returnSequences, ...): tfjs's own
//   default when left out, stated (the output layer's activation is asked: it decides the task).
import { DEFAULT_FIX_SETTINGS } from '../fixes/types';
import { RATE_DROPOUTS, readRegularizerKeys } from '../rules/layerFacts';

export type KeyRole = 'ignored' | 'input' | 'vocab' | 'size' | 'rate' | 'regularizer' | 'required' | 'behaviour';

const IGNORED = new Set([
  'name', 'trainable', 'dtype', 'inputDType', 'weights', 'batchSize', 'updatable', 'implementation', 'unroll', 'seed',
  'unitForgetBias',
]);
const INPUT = new Set(['inputShape', 'batchInputShape', 'inputLength', 'shape', 'batchShape']);
const SIZE = new Set([
  'units', 'filters', 'kernelSize', 'poolSize', 'strides', 'outputDim', 'size', 'depthMultiplier', 'dilationRate',
  'n', 'numTokens',
]);
const REQUIRED = new Set(['targetShape', 'dims', 'cell', 'layer', 'cropping', 'height', 'width', 'scale']);

export function keyRole(factory: string, key: string): KeyRole {
  if (IGNORED.has(key) || /(Initializer|Constraint)$/.test(key)) return 'ignored';
  if (key === 'inputDim') return factory === 'embedding' ? 'vocab' : 'input';
  if (INPUT.has(key)) return 'input';
  if (/Regularizer$/.test(key)) return (readRegularizerKeys(factory) ?? []).includes(key) || factory === 'rnn' ? 'regularizer' : 'ignored';
  if ((key === 'dropout' || key === 'recurrentDropout') && !RATE_DROPOUTS.has(factory)) return 'regularizer';
  if ((key === 'rate' && RATE_DROPOUTS.has(factory)) || (key === 'stddev' && factory === 'gaussianNoise')) return 'rate';
  if (key === 'padding' && factory === 'zeroPadding2d') return 'size';
  if (SIZE.has(key)) return 'size';
  if (REQUIRED.has(key)) return 'required';
  return 'behaviour';
}

/** The width the sanity-train assumes for an unknown input dimension (NOTES.md: the calibration used 16-d inputs). */
export const DEFAULT_INPUT_DIM = 16;
/** Token ids 0..999 when an embedding's inputDim is not known and no data file tells. */
export const DEFAULT_VOCAB = 1000;

/** The stated default for an unknown `size` or `rate` key; undefined: leave it out (tfjs's default). */
export function defaultFor(factory: string, key: string, isOutput: boolean, outputActivation?: string): number | undefined {
  switch (key) {
    case 'units':
      if (!isOutput) return 32;
      return outputActivation === 'softmax' ? 10 : 1;
    case 'filters':
    case 'outputDim':
      return 32;
    case 'kernelSize':
      return 3;
    case 'poolSize':
      return 2;
    case 'n':
      return 4;
    case 'numTokens':
      return DEFAULT_VOCAB;
    case 'rate':
      return DEFAULT_FIX_SETTINGS.denseDropoutRate;
    case 'stddev':
      return 0.1;
  }
  return undefined; // strides, size, dilationRate, depthMultiplier, padding: tfjs defaults
}
