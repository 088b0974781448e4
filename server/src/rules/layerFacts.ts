// What tfjs-layers 4.x actually does with each layer factory, as far as the rules need it.
// Every entry was read off @tensorflow/tfjs-layers/dist/layers/*.js (4.22) and checked by
// constructing the layers in Node; the notes say where tfjs silently ignores a key.
import type { LayerNode } from '../analysis/modelGraph';
import { readConfig } from './config';

export const DENSE_FACTORIES: ReadonlySet<string> = new Set(['dense']);

export const CONV_FACTORIES: ReadonlySet<string> = new Set([
  'conv1d', 'conv2d', 'conv3d', 'conv2dTranspose', 'conv3dTranspose',
  'separableConv2d', 'depthwiseConv2d',
]);

/**
 * Recurrent layers whose config carries the cell's options, and the cells themselves. The
 * generic `rnn({cell})` is left out: its regularizers and dropout live in its cells
 * (tfjs recurrent.ts: RNNLayerArgs has none), which are judged one by one, each followed by
 * the next cell of a stack, the last by what follows the rnn.
 */
export const RECURRENT_FACTORIES: ReadonlySet<string> = new Set([
  'lstm', 'gru', 'simpleRNN', 'convLstm2d', 'lstmCell', 'gruCell', 'simpleRNNCell', 'convLstm2dCell',
]);

/** Layers that inject noise in training only: each counts as regularization after a weighted layer. */
export const DROPOUT_FAMILY: ReadonlySet<string> = new Set([
  'dropout', 'spatialDropout1d', 'gaussianDropout', 'alphaDropout', 'gaussianNoise',
]);

/** Dropout-family layers configured by `rate` (gaussianNoise takes `stddev` instead). */
export const RATE_DROPOUTS: ReadonlySet<string> = new Set([
  'dropout', 'spatialDropout1d', 'gaussianDropout', 'alphaDropout',
]);

export const BATCH_NORM = 'batchNormalization';

/** Weight-carrying layers that end a "what follows this layer" walk. */
const OTHER_WEIGHTED_FACTORIES: ReadonlySet<string> = new Set(['embedding']);

export function isDense(layer: LayerNode): boolean {
  return DENSE_FACTORIES.has(layer.factory);
}

export function isConv(layer: LayerNode): boolean {
  return CONV_FACTORIES.has(layer.factory);
}

export function isRecurrent(layer: LayerNode): boolean {
  return RECURRENT_FACTORIES.has(layer.factory);
}

/** The layer factories the *-unregularized rules judge (a plain `rnn` wrapper is not one). */
export function isJudgedWeightedFactory(factory: string): boolean {
  return DENSE_FACTORIES.has(factory) || CONV_FACTORIES.has(factory) || RECURRENT_FACTORIES.has(factory);
}

/** The layers the *-unregularized rules judge. */
export function isJudgedWeightedLayer(layer: LayerNode): boolean {
  return isJudgedWeightedFactory(layer.factory);
}

/**
 * Whether a layer met while walking forward has weights of its own, i.e. starts the next
 * block. Wrappers count (they wrap a weighted layer); so does any dense/conv/recurrent
 * kind, including the generic `rnn`.
 */
export function isWeightedForWalk(layer: LayerNode): boolean {
  return (
    layer.kind === 'dense' || layer.kind === 'conv' || layer.kind === 'recurrent' ||
    layer.kind === 'wrapper' || isJudgedWeightedLayer(layer) ||
    OTHER_WEIGHTED_FACTORIES.has(layer.factory)
  );
}

export function isDropoutFamily(layer: LayerNode): boolean {
  return DROPOUT_FAMILY.has(layer.factory);
}

export function isBatchNorm(layer: LayerNode): boolean {
  return layer.factory === BATCH_NORM;
}

/** useBias defaults to true for dense and every conv (core.ts, convolutional.ts). */
export function hasBias(layer: LayerNode): boolean {
  const entry = readConfig(layer, 'useBias');
  return entry.state === 'absent' || (entry.state === 'set' && entry.value === true);
}

/** Only an affine layer's bias is cancelled by a norm: a nonlinearity in between keeps it meaningful. */
export function isAffine(layer: LayerNode): boolean {
  const entry = readConfig(layer, 'activation');
  return entry.state === 'absent' || (entry.state === 'set' && entry.value === 'linear');
}

/** Output rank (with batch) of channelsLast convs, for norms written with a positive axis. */
const CONV_OUTPUT_RANK: Record<string, number> = {
  conv1d: 3, conv2d: 4, conv2dTranspose: 4, separableConv2d: 4, depthwiseConv2d: 4, conv3d: 5, conv3dTranspose: 5,
};

/**
 * The axes naming the layer's feature axis, where its bias lives: [1] for channelsFirst
 * convs, else -1 (or rank - 1); [] when dataFormat is not known.
 */
export function featureAxisOf(layer: LayerNode): number[] {
  const dataFormat = readConfig(layer, 'dataFormat');
  if (dataFormat.state === 'unknown') return [];
  if (isConv(layer) && dataFormat.state === 'set' && dataFormat.value === 'channelsFirst') return [1];
  const rank = isConv(layer) ? CONV_OUTPUT_RANK[layer.factory] : undefined;
  return rank === undefined ? [-1] : [-1, rank - 1];
}

/** The axis a batch norm normalizes (default -1), or undefined when not a known number. */
export function normAxisOf(norm: LayerNode): number | undefined {
  const axis = readConfig(norm, 'axis');
  if (axis.state === 'absent') return -1;
  return axis.state === 'set' && typeof axis.value === 'number' ? axis.value : undefined;
}

/**
 * Whether a batch norm over `normAxis` right after the layer cancels its bias (Ioffe &
 * Szegedy 2015, §3.2): the layer has a bias, no nonlinearity, and the norm normalizes its
 * feature axis.
 */
export function biasCancelledByNorm(layer: LayerNode, normAxis: number): boolean {
  return hasBias(layer) && isAffine(layer) && featureAxisOf(layer).includes(normAxis);
}

/**
 * The regularizer keys that put a penalty on a layer's weights or activations and that
 * the layer really reads. Not listed, because tfjs ignores them:
 * - `kernelRegularizer` on depthwiseConv2d (it reads `depthwiseRegularizer`);
 * - `activityRegularizer` on lstm/gru/simpleRNN/convLstm2d (the RNN base layer never
 *   reads it: "TODO(cais): Add activityRegularizer" in recurrent.ts).
 * separableConv2d throws on `kernelRegularizer`.
 * `biasRegularizer` is read everywhere but does not count: it constrains only the bias.
 */
export function weightRegularizerKeys(factory: string): readonly string[] {
  if (factory === 'separableConv2d') return ['depthwiseRegularizer', 'pointwiseRegularizer', 'activityRegularizer'];
  if (factory === 'depthwiseConv2d') return ['depthwiseRegularizer', 'activityRegularizer'];
  if (DENSE_FACTORIES.has(factory) || CONV_FACTORIES.has(factory)) return ['kernelRegularizer', 'activityRegularizer'];
  if (RECURRENT_FACTORIES.has(factory)) return ['kernelRegularizer', 'recurrentRegularizer'];
  return [];
}

/** The key a fix should use to add L2 weight decay to this layer. */
export function primaryRegularizerKeys(factory: string): readonly string[] {
  if (factory === 'separableConv2d') return ['depthwiseRegularizer', 'pointwiseRegularizer'];
  if (factory === 'depthwiseConv2d') return ['depthwiseRegularizer'];
  return ['kernelRegularizer'];
}

/**
 * Every `*Regularizer` key each factory reads (weights, bias, activity, norm parameters).
 * A key outside this list is ignored by tfjs, or for separableConv2d's kernelRegularizer
 * makes the constructor throw. Factories missing here are not checked.
 */
const READ_REGULARIZER_KEYS: Record<string, readonly string[]> = (() => {
  const table: Record<string, readonly string[]> = {};
  const denseLike = ['kernelRegularizer', 'biasRegularizer', 'activityRegularizer'];
  const recurrent = ['kernelRegularizer', 'recurrentRegularizer', 'biasRegularizer'];
  for (const f of ['dense', 'conv1d', 'conv2d', 'conv3d', 'conv2dTranspose', 'conv3dTranspose']) table[f] = denseLike;
  table.separableConv2d = ['depthwiseRegularizer', 'pointwiseRegularizer', 'biasRegularizer', 'activityRegularizer'];
  table.depthwiseConv2d = ['depthwiseRegularizer', 'biasRegularizer', 'activityRegularizer'];
  for (const f of RECURRENT_FACTORIES) table[f] = recurrent;
  table.batchNormalization = ['betaRegularizer', 'gammaRegularizer'];
  table.layerNormalization = ['betaRegularizer', 'gammaRegularizer'];
  table.embedding = ['embeddingsRegularizer', 'activityRegularizer'];
  table.prelu = ['alphaRegularizer'];
  return table;
})();

export function readRegularizerKeys(factory: string): readonly string[] | undefined {
  return READ_REGULARIZER_KEYS[factory];
}

/** Keys whose presence makes the layer throw (when built or applied): tfjs's own error and what to use instead. */
export function throwingRegularizerKey(factory: string, key: string): string | undefined {
  // tfjs-layers 4.x Layer.apply: "Layer invocation in the presence of activity
  // regularizer(s) is not supported yet." (checked by running tfjs 4.22).
  if (key === 'activityRegularizer' && (READ_REGULARIZER_KEYS[factory] ?? []).includes(key)) {
    const instead = primaryRegularizerKeys(factory).join(' and ');
    return (
      'tfjs 4.x throws "Layer invocation in the presence of activity regularizer(s) is not supported yet" as soon as ' +
      `the layer is added or applied. Use ${instead} instead.`
    );
  }
  if (factory === 'separableConv2d' && key === 'kernelRegularizer') {
    return (
      'separableConv2d throws "Fields kernelInitializer, kernelRegularizer and kernelConstraint are invalid for ' +
      'SeparableConv2D". Use depthwiseRegularizer and pointwiseRegularizer instead.'
    );
  }
  return undefined;
}

/** tfjs's string regularizer identifiers that deserialize: the registry maps only 'l1l2', and 'L1L2' is the class name. */
export const RESOLVABLE_REGULARIZER_STRINGS: ReadonlySet<string> = new Set(['l1l2', 'L1L2']);

/** The factor keys each regularizer factory reads; tfjs ignores any other key. */
export const REGULARIZER_FACTOR_KEYS: Record<string, readonly string[]> = {
  l1: ['l1'],
  l2: ['l2'],
  l1l2: ['l1', 'l2'],
};

/** tfjs's default factor when a factor key is missing (regularizers.ts: `args.l2 == null ? 0.01`). */
export const DEFAULT_REGULARIZER_FACTOR = 0.01;

/**
 * Config keys holding a drop probability, and whether tfjs needs them. Dropout layers
 * need `rate` (without it tfjs computes NaN and never drops); recurrent layers default
 * `dropout`/`recurrentDropout` to 0. tfjs clamps all of them into [0, 1] and drops only
 * when 0 < rate < 1 (core.ts Dropout, noise.ts, recurrent.ts cells).
 */
export function dropoutRateKeys(factory: string): { key: string; required: boolean }[] {
  if (RATE_DROPOUTS.has(factory)) return [{ key: 'rate', required: true }];
  if (RECURRENT_FACTORIES.has(factory)) {
    return [{ key: 'dropout', required: false }, { key: 'recurrentDropout', required: false }];
  }
  return [];
}
