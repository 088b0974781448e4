// recurrent-unregularized: set the layer's own dropout and recurrentDropout (Gal &
// Ghahramani 2016). For a layer inside bidirectional the finding is on the wrapped layer,
// so this edits the wrapped layer's config. The preferred remedy for recurrent layers.
import { setConfigEntries } from './configEdits';
import { formatNumber } from './sourceText';
import type { Remedy } from './remedy';

export const setRecurrentDropout: Remedy = (ctx, finding) => {
  const layer = ctx.layer(finding.layer);
  if (!layer) return undefined;
  const rate = formatNumber(ctx.settings.recurrentDropout);
  const edits = setConfigEntries(ctx, layer, [
    { key: 'dropout', value: rate },
    { key: 'recurrentDropout', value: rate },
  ]);
  if (!edits) return undefined;
  return { title: `Set dropout and recurrentDropout to ${rate} on this ${layer.factory} layer`, edits };
};
