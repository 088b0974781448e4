// Static model summary: shape and parameter inference over the ModelGraph, for the
// outline (document symbols) and hover. See modelSummary.ts for the entry point.
export { summarizeModel, type LayerSummary, type ModelSummary } from './modelSummary';
export { formatLayerSummary, formatModelTotals, formatParams, formatShape } from './format';
export type { Dim, ParamCount, Shape } from './types';
