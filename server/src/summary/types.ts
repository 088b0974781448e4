// The summary's vocabulary: shapes as tfjs prints them (`[null, 26, 26, 32]`), with
// 'unknown' wherever the source does not say, and the outcome of one layer.
import type { LayerNode, ModelGraph, Unknown } from '../analysis/modelGraph';
import { UNKNOWN } from '../analysis/modelGraph';
import type { LayerConfig } from './layerConfig';

export { UNKNOWN };
export type { Unknown };

/** One dimension: a size, `null` where tfjs itself leaves it open (the batch), or unknown to us. */
export type Dim = number | null | Unknown;
/** A tensor shape including the batch axis, or wholly unknown (even its rank). */
export type Shape = Dim[] | Unknown;
export type ParamCount = number | Unknown;

/** What one layer does to its input: output shape and weight counts. */
export interface LayerOutcome {
  outputShape: Shape;
  /** All weights, trainable and not (what tfjs `layer.countParams()` returns). */
  params: ParamCount;
  /** Weights that never train (batch-norm moving statistics, or all of a frozen layer). */
  nonTrainableParams: ParamCount;
}

export const UNKNOWN_OUTCOME: LayerOutcome = Object.freeze({
  outputShape: UNKNOWN,
  params: UNKNOWN,
  nonTrainableParams: UNKNOWN,
}) as LayerOutcome;

/** What a shape rule is given for one layer. */
export interface RuleInput {
  layer: LayerNode;
  config: LayerConfig;
  /** The input tensors' shapes in order (one for most layers, several for merges). */
  inputs: Shape[] | Unknown;
  /** The single input's shape; UNKNOWN when there are none or several. */
  input: Shape;
  graph: ModelGraph;
  /** Infer another layer (a wrapper's inner layer) on a given input shape. */
  inferLayer(index: number, input: Shape): LayerOutcome;
}

export type ShapeRule = (input: RuleInput) => LayerOutcome;

/** The common case: trainable weights only. */
export function outcome(outputShape: Shape, params: ParamCount, nonTrainableParams: ParamCount = 0): LayerOutcome {
  return { outputShape, params, nonTrainableParams };
}
