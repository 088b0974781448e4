// bias-before-batchnorm: `useBias: false`, since the batch norm right after cancels the bias.
import { setConfigEntries } from './configEdits';
import type { Remedy } from './remedy';

export const disableBias: Remedy = (ctx, finding) => {
  const layer = ctx.layer(finding.layer);
  if (!layer) return undefined;
  const edits = setConfigEntries(ctx, layer, [{ key: 'useBias', value: 'false' }]);
  return edits && { title: `Set useBias: false on this ${layer.factory} layer`, edits };
};
