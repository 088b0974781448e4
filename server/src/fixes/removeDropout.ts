// dropout-after-output: remove the dropout that acts on the model's predictions.
import { removeLayer } from './layerPlacement';
import type { Remedy } from './remedy';

export const removeDropout: Remedy = (ctx, finding) => {
  const layer = ctx.layer(finding.layer);
  if (!layer) return undefined;
  const edits = removeLayer(ctx, layer);
  return edits && { title: `Remove this ${layer.factory} layer after the output layer`, edits };
};
