// Text for the editor: `[null,26,26,32] · 320 params`, the way tfjs prints shapes.
import type { LayerSummary, ModelSummary } from './modelSummary';
import { UNKNOWN, type ParamCount, type Shape } from './types';

export function formatShape(shape: Shape): string {
  if (shape === UNKNOWN) return UNKNOWN;
  return `[${shape.map((d) => (d === null ? 'null' : String(d))).join(',')}]`;
}

export function formatParams(params: ParamCount): string {
  if (params === UNKNOWN) return 'unknown params';
  return params === 1 ? '1 param' : `${params} params`;
}

/** One layer: `[null,26,26,32] · 320 params`. */
export function formatLayerSummary(layer: Pick<LayerSummary, 'outputShape' | 'params'>): string {
  return `${formatShape(layer.outputShape)} · ${formatParams(layer.params)}`;
}

/** A model's totals: `101770 params (64 non-trainable)`. */
export function formatModelTotals(summary: Pick<ModelSummary, 'totalParams' | 'nonTrainableParams'>): string {
  const total = formatParams(summary.totalParams);
  const frozen = summary.nonTrainableParams;
  return typeof frozen === 'number' && frozen > 0 ? `${total} (${frozen} non-trainable)` : total;
}
