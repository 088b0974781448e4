// dense-unregularized: insert a dropout layer right after the dense layer (Srivastava et
// al. 2014), at the settings' rate. The preferred remedy for dense layers.
import { formatNumber } from './sourceText';
import { insertLayerAfter } from './layerPlacement';
import type { Remedy } from './remedy';
import { layerCallee } from './tfjsNames';

export const insertDropout: Remedy = (ctx, finding) => {
  const layer = ctx.layer(finding.layer);
  if (!layer) return undefined;
  const callee = layerCallee(ctx, layer, 'dropout');
  if (!callee) return undefined;
  const rate = formatNumber(ctx.settings.denseDropoutRate);
  const placed = insertLayerAfter(ctx, layer, `${callee.name}(${ctx.objectLiteral(`rate: ${rate}`)})`);
  if (!placed) return undefined;
  return { title: `Insert dropout (rate ${rate}) after this ${layer.factory} layer`, edits: [...callee.edits, ...placed] };
};
