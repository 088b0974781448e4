// Which tensors feed a layer, from what the graph records: a sequential model's first
// layer declares its input; later ones take one predecessor's output (several
// predecessors = alternative control-flow paths, joined); functional layers use the
// proposed `applyArgs` when present.
import type { LayerNode, ModelGraph, ModelNode, TensorRef } from '../analysis/modelGraph';
import { declaredInputShape } from './inputShape';
import { LayerConfig, toShape } from './layerConfig';
import { MERGE_FACTORIES } from './rules';
import { UNKNOWN, type Shape, type Unknown } from './types';

/** A tensor: another layer's output, or a shape known outright (a model input). */
export type TensorSource = { layer: number } | { shape: Shape };

export type Inbound =
  | { kind: 'unknown' }
  /** The call's tensors in argument order (one for single-input layers). */
  | { kind: 'tensors'; tensors: TensorSource[] }
  /** One tensor that, depending on the path taken, comes from any of these. */
  | { kind: 'oneOf'; sources: TensorSource[] };

const UNKNOWN_INBOUND: Inbound = { kind: 'unknown' };

export function inboundOf(graph: ModelGraph, model: ModelNode, layer: LayerNode, config: LayerConfig): Inbound {
  if (layer.factory === 'inputLayer') return declared(layer, config);
  const args = layer.applyArgs; // undefined when the layer was never applied (sequential models)
  if (args !== undefined) return fromApplyArgs(graph, layer, args);
  if (MERGE_FACTORIES.has(layer.factory)) return UNKNOWN_INBOUND; // `prev` loses order, duplicates and inputs
  if (layer.prev === UNKNOWN) return UNKNOWN_INBOUND;
  if (layer.prev.length === 0) {
    // Functional: fed by a tf.input whose shape the graph does not carry (yet).
    return model.style === 'functional' ? UNKNOWN_INBOUND : declared(layer, config);
  }
  return { kind: 'oneOf', sources: layer.prev.map((index) => ({ layer: index })) };
}

function declared(layer: LayerNode, config: LayerConfig): Inbound {
  const shape = declaredInputShape(layer, config);
  return shape === undefined ? UNKNOWN_INBOUND : { kind: 'tensors', tensors: [{ shape }] };
}

function fromApplyArgs(graph: ModelGraph, layer: LayerNode, args: TensorRef[] | Unknown): Inbound {
  if (args === UNKNOWN) return UNKNOWN_INBOUND;
  const isMerge = MERGE_FACTORIES.has(layer.factory);
  if (isMerge ? args.length < 2 : args.length !== 1) return UNKNOWN_INBOUND;
  const tensors = args.map((ref): TensorSource => {
    if (ref === UNKNOWN) return { shape: UNKNOWN };
    if (ref.kind === 'layer') return { layer: ref.index };
    return { shape: symbolicInputShape(graph, ref.index) };
  });
  return { kind: 'tensors', tensors };
}

/** tfjs `input()`: `batchShape` as given, or [null, ...shape]. */
function symbolicInputShape(graph: ModelGraph, index: number): Shape {
  const node = graph.inputs?.[index];
  if (!node) return UNKNOWN;
  const config = new LayerConfig(node.config);
  if (config.isSet('batchShape') === UNKNOWN || config.isSet('shape') === UNKNOWN) return UNKNOWN;
  const batchShape = config.shape('batchShape');
  if (batchShape !== undefined) return batchShape;
  const shape = config.get('shape');
  return shape === undefined || shape === null ? UNKNOWN : withBatch(toShape(shape));
}

function withBatch(shape: Shape): Shape {
  return shape === UNKNOWN ? UNKNOWN : [null, ...shape];
}
