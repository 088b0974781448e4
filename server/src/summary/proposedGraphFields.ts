// What the ModelGraph does not carry yet and functional-model shapes need: the
// `tf.input({shape})` calls and, per layer, the tensors its `.apply()` got, in order.
// Today `prev` drops tf.input producers and argument order, so every layer fed by an
// input (and every merge) reads 'unknown'. These are the fields proposed for
// analysis/modelGraph.ts; once the analyzer fills them, this file shrinks to nothing but
// the reads below, on the real types.
import type { ConfigObject, LayerNode, ModelGraph, Span, Unknown } from '../analysis/modelGraph';
import { UNKNOWN } from '../analysis/modelGraph';

/** Proposed `ModelGraph.inputs`: every `tf.input(...)` call in the file. */
export interface InputNode {
  index: number;
  span: Span;
  /** Its config resolved like a layer's: `shape` or `batchShape`, `name`, `dtype`. */
  config: ConfigObject | Unknown | 'absent';
}

/** Where one tensor passed to `.apply()` comes from. */
export type TensorRef = { kind: 'layer'; index: number } | { kind: 'input'; index: number } | Unknown;

/**
 * Proposed `LayerNode.applyArgs`: the tensors of the layer's one `.apply()`, in argument
 * order (an array argument contributes its elements). UNKNOWN when the layer is applied
 * more than once or to something the analysis did not follow; absent when never applied.
 */
export type ApplyArgs = TensorRef[] | Unknown;

type GraphWithInputs = ModelGraph & { inputs?: InputNode[] };
type LayerWithArgs = LayerNode & { applyArgs?: ApplyArgs };

export function inputNodeOf(graph: ModelGraph, index: number): InputNode | undefined {
  return (graph as GraphWithInputs).inputs?.[index];
}

/** undefined when the graph does not say (the field is absent). */
export function applyArgsOf(layer: LayerNode): ApplyArgs | undefined {
  const args = (layer as LayerWithArgs).applyArgs;
  return args === undefined || args === UNKNOWN || Array.isArray(args) ? args : undefined;
}
