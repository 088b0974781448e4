import type { InputNode, LayerNode, ModelGraph, TensorRef, Unknown } from '../analysis/modelGraph';

export type { InputNode, LayerNode, ModelGraph, TensorRef };
export type ApplyArgsValue = TensorRef[] | Unknown;
