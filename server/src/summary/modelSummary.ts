// summarizeModel: a static `model.summary()` for one model of a ModelGraph: each layer's
// output shape and weight count, and the model's totals.
import type { LayerNode, ModelGraph, ModelNode } from '../analysis/modelGraph';
import { sumCounts } from './dims';
import { LayerInference } from './layerInference';
import { MERGE_FACTORIES } from './rules';
import { UNKNOWN, type ParamCount, type Shape } from './types';

export interface LayerSummary {
  /** Index into `graph.layers`. */
  index: number;
  /** The config's `name` when written as a string, else `<factory>_<n>` (n-th of its factory in the model). */
  name: string;
  factory: string;
  outputShape: Shape;
  /** All weights (tfjs `layer.countParams()`), trainable or not. */
  params: ParamCount;
  nonTrainableParams: ParamCount;
}

export interface ModelSummary {
  /** Index into `graph.models`. */
  model: number;
  name: string;
  layers: LayerSummary[];
  /** tfjs `model.countParams()`; unknown when any layer's count is, or when which layers exist depends on the path taken. */
  totalParams: ParamCount;
  trainableParams: ParamCount;
  nonTrainableParams: ParamCount;
}

export function summarizeModel(graph: ModelGraph, modelIndex: number): ModelSummary {
  const model = graph.models[modelIndex];
  if (!model) throw new RangeError(`no model ${modelIndex} in ${graph.fileName}`);
  const inference = new LayerInference(graph, model);
  const ordinals = new Map<string, number>();
  const layers = model.layers.map((index): LayerSummary => {
    const layer = graph.layers[index];
    const ordinal = (ordinals.get(layer.factory) ?? 0) + 1;
    ordinals.set(layer.factory, ordinal);
    const outcome = inference.outcomeOf(index);
    return {
      index,
      name: nameOf(layer, ordinal),
      factory: layer.factory,
      outputShape: outcome.outputShape,
      params: outcome.params,
      nonTrainableParams: outcome.nonTrainableParams,
    };
  });
  const certain = structureIsCertain(graph, model, inference);
  const total = certain ? sumCounts(...layers.map((l) => l.params)) : UNKNOWN;
  const nonTrainable = certain ? sumCounts(...layers.map((l) => l.nonTrainableParams)) : UNKNOWN;
  return {
    model: model.index,
    name: model.name,
    layers,
    totalParams: total,
    trainableParams: total === UNKNOWN || nonTrainable === UNKNOWN ? UNKNOWN : total - nonTrainable,
    nonTrainableParams: nonTrainable,
  };
}

function nameOf(layer: LayerNode, ordinal: number): string {
  const config = layer.config;
  const name = typeof config === 'object' ? config.props.name : undefined;
  return typeof name === 'string' && name !== '' ? name : `${layer.factory}_${ordinal}`;
}

/**
 * Whether the model has exactly the layers listed, each once: no layers hidden from the
 * analysis, no loops, no branches choosing between layers.
 */
function structureIsCertain(graph: ModelGraph, model: ModelNode, inference: LayerInference): boolean {
  if (!model.complete) return false;
  return model.layers.every((index) => {
    const layer = graph.layers[index];
    if (inference.cyclic.has(index) || layer.prev === UNKNOWN) return false;
    if (!MERGE_FACTORIES.has(layer.factory) && layer.prev.length > 1) return false;
    const branches = model.style !== 'functional' && Array.isArray(layer.next) && layer.next.length > 1;
    return !branches;
  });
}
