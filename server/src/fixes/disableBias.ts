// bias-before-batchnorm: `useBias: false`, since the batch norm right after cancels the bias.
import { disableBiasEdits } from './configEdits';
import type { Remedy } from './remedy';

export const disableBias: Remedy = (ctx, finding) => {
  const layer = ctx.layer(finding.layer);
  if (!layer) return undefined;
  const edits = disableBiasEdits(ctx, layer);
  return edits && { title: `Set useBias: false on this ${layer.factory} layer`, edits };
};
