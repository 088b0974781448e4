// The shared judgement behind dense-, conv- and recurrent-unregularized (DESIGN.md §3):
// is this weighted layer regularized? A layer is regularized when
// - it sets a weight regularizer tfjs really reads (kernel, depthwise/pointwise, recurrent,
//   activity; see layerFacts.weightRegularizerKeys), or
// - a recurrent layer has its own `dropout` or `recurrentDropout` above 0, or
// - on every path out of it, a dropout-family layer or batchNormalization comes before the
//   next weighted layer (weightless layers in between do not matter).
// The output layer is exempt. Anything undecidable makes the verdict `unknown`, and no
// rule reports a layer on an `unknown` verdict.
import type { LayerNode, ModelGraph } from '../analysis/modelGraph';
import { UNKNOWN } from '../analysis/modelGraph';
import { knownNumber, readConfig } from './config';
import { modelLevelLayer, walkForward } from './graphWalk';
import {
  isBatchNorm, isDropoutFamily, isJudgedWeightedLayer, isRecurrent, isWeightedForWalk,
  weightRegularizerKeys,
} from './layerFacts';

/**
 * `output`: the layer is the model's output (or only weightless layers follow it up to the
 * output), so it is exempt: regularizing predictions is not what these rules are about.
 */
export type RegularizationStatus = 'regularized' | 'unregularized' | 'unknown' | 'output';

export type RegularizedBy =
  | { kind: 'regularizer'; key: string }
  | { kind: 'ownDropout'; key: 'dropout' | 'recurrentDropout'; value: number }
  /** The dropout-family or batch-norm layers that follow it, one per path. */
  | { kind: 'followingLayers'; layers: number[] };

export interface RegularizationVerdict {
  status: RegularizationStatus;
  /** Why, in a few words, for hovers and messages. */
  reason: string;
  /** Set when status is `regularized`. */
  by?: RegularizedBy;
  /** Dropout-family layers after it that do nothing (rate 0, stddev 0): worth naming in a message. */
  inertFollowers: number[];
}

export function judgeRegularization(graph: ModelGraph, layer: LayerNode): RegularizationVerdict {
  const verdict = (status: RegularizationStatus, reason: string, by?: RegularizedBy, inert: number[] = []) =>
    ({ status, reason, by, inertFollowers: inert });

  if (!isJudgedWeightedLayer(layer)) return verdict('unknown', 'it is not a dense, conv or recurrent layer');
  const host = modelLevelLayer(graph, layer);
  if (host.isOutput === true) return verdict('output', "it is the model's output layer");
  if (layer.config === UNKNOWN) return verdict('unknown', 'its config is not statically known');

  // A setting that might hold a regularizer keeps us from ever saying "unregularized".
  let undecidedSetting: string | undefined;

  for (const key of weightRegularizerKeys(layer.factory)) {
    const entry = readConfig(layer, key);
    if (entry.state === 'set') return verdict('regularized', `it sets ${key}`, { kind: 'regularizer', key });
    if (entry.state === 'unknown') undecidedSetting ??= key;
  }

  if (isRecurrent(layer)) {
    for (const key of ['dropout', 'recurrentDropout'] as const) {
      const entry = readConfig(layer, key);
      const value = knownNumber(layer, key);
      if (value !== undefined && value > 0) {
        return verdict('regularized', `it sets ${key}: ${value}`, { kind: 'ownDropout', key, value });
      }
      // A non-number (e.g. a string tfjs would coerce) or an unresolved value: cannot decide.
      if (entry.state === 'unknown' || (entry.state === 'set' && value === undefined)) undecidedSetting ??= key;
    }
  }

  const followed = judgeWhatFollows(graph, layer);
  if (followed.status !== 'unregularized') return followed;
  if (undecidedSetting !== undefined) {
    return verdict('unknown', `${undecidedSetting} is not statically known`, undefined, followed.inertFollowers);
  }
  if (host.isOutput === UNKNOWN) {
    return verdict('unknown', 'it is not known whether it is the output layer', undefined, followed.inertFollowers);
  }
  return followed;
}

type Met = 'regularizing' | 'weighted';

/** The "what comes after it before the next weighted layer" half of the judgement. */
function judgeWhatFollows(graph: ModelGraph, layer: LayerNode): RegularizationVerdict {
  const inertFollowers: number[] = [];
  const ends = walkForward<Met>(graph, layer, (next) => {
    if (isDropoutFamily(next)) {
      if (isInertNoiseLayer(next)) {
        inertFollowers.push(next.index);
        return undefined; // does nothing: walk on through it like any weightless layer
      }
      return 'regularizing';
    }
    if (isBatchNorm(next)) return 'regularizing';
    if (isWeightedForWalk(next)) return 'weighted';
    return undefined;
  });
  const result = (status: RegularizationStatus, reason: string, by?: RegularizedBy) =>
    ({ status, reason, by, inertFollowers });

  const unknownEnd = ends.find((end) => end.kind === 'unknown');
  if (unknownEnd?.kind === 'unknown') return result('unknown', `what follows it is not known: ${unknownEnd.why}`);
  if (ends.length === 0) return result('unknown', 'what follows it is not known');
  if (ends.some((end) => end.kind === 'output')) {
    return result('output', 'only weightless layers follow it up to the model output');
  }
  const regularizing = ends.filter((end) => end.kind === 'stop' && end.value === 'regularizing');
  if (regularizing.length === ends.length) {
    const layers = regularizing.map((end) => end.at.index);
    const names = [...new Set(regularizing.map((end) => end.at.factory))].join(', ');
    return result('regularized', `${names} follows it`, { kind: 'followingLayers', layers });
  }
  if (regularizing.length > 0) return result('unknown', 'only some of the paths out of it are regularized');
  return result('unregularized', 'no regularizer, and no dropout or batch normalization follows it');
}

/** A dropout-family layer configured to do nothing: rate 0 (or stddev 0 for gaussianNoise). */
export function isInertNoiseLayer(layer: LayerNode): boolean {
  const key = layer.factory === 'gaussianNoise' ? 'stddev' : 'rate';
  return knownNumber(layer, key) === 0;
}
