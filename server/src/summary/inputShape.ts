// The input shape a layer declares for its model (tfjs Layer constructor, plus the
// special cases of Dense `inputDim` and Embedding, which always declares one).
import type { LayerNode } from '../analysis/modelGraph';
import { type LayerConfig, toShape } from './layerConfig';
import { UNKNOWN, type Dim, type Shape } from './types';

/** The declared [batch, ...] shape, or undefined when the layer declares none. */
export function declaredInputShape(layer: LayerNode, config: LayerConfig): Shape | undefined {
  if (config.isSet('batchInputShape') === UNKNOWN) return UNKNOWN;
  const batchShape = config.shape('batchInputShape');
  if (batchShape !== undefined) return batchShape;
  if (config.isSet('inputShape') === UNKNOWN || config.isSet('batchSize') === UNKNOWN) return UNKNOWN;
  const batch = batchSizeOf(config);
  const shape = config.shape('inputShape');
  if (shape !== undefined) return withBatch(batch, shape);
  if (layer.factory === 'dense') {
    const inputDim = config.get('inputDim');
    if (inputDim === UNKNOWN) return UNKNOWN;
    if (inputDim !== undefined && inputDim !== null) return withBatch(batch, toShape([inputDim]));
  }
  if (layer.factory === 'embedding') {
    // tfjs: [batch, ...inputLength] or [batch, null] when inputLength is not given.
    const length = config.get('inputLength');
    if (length === UNKNOWN) return UNKNOWN;
    if (length === undefined || length === null) return [batch, null];
    return withBatch(batch, toShape(Array.isArray(length) ? length : [length]));
  }
  return undefined;
}

function batchSizeOf(config: LayerConfig): Dim {
  const v = config.get('batchSize');
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : UNKNOWN;
}

function withBatch(batch: Dim, shape: Shape): Shape {
  return shape === UNKNOWN ? UNKNOWN : [batch, ...shape];
}
