// Reads of the graph fields functional-model shapes need: the `tf.input({shape})` calls and,
// per layer, the tensors its `.apply()` got, in order (both filled by the analyzer).
import type { ApplyArgsValue, InputNode, LayerNode, ModelGraph, TensorRef } from './graphFieldTypes';

export type { InputNode, TensorRef };
export type ApplyArgs = ApplyArgsValue;

export function inputNodeOf(graph: ModelGraph, index: number): InputNode | undefined {
  return graph.inputs?.[index];
}

/** undefined when the layer was never applied (sequential models). */
export function applyArgsOf(layer: LayerNode): ApplyArgs | undefined {
  return layer.applyArgs;
}
