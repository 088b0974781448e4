// conv-unregularized: insert batchNormalization right after the conv layer, over the
// channel axis (axis 1 for channelsFirst convs). When the conv
// is affine with a bias (the conv default: linear activation, useBias true), the batch norm
// would cancel that bias (bias-before-batchnorm), so the same fix sets useBias: false.
import { biasCancelledByNorm, featureAxisOf } from '../rules/layerFacts';
import { disableBiasEdits } from './configEdits';
import { insertLayerAfter } from './layerPlacement';
import type { Remedy } from './remedy';
import { layerCallee } from './tfjsNames';

export const insertBatchNormalization: Remedy = (ctx, finding) => {
  const layer = ctx.layer(finding.layer);
  if (!layer) return undefined;
  const callee = layerCallee(ctx, layer, 'batchNormalization');
  if (!callee) return undefined;
  // Normalize the channel axis: the last one, or axis 1 for channelsFirst convs.
  const [axis] = featureAxisOf(layer);
  if (axis === undefined) return undefined; // dataFormat not known
  const placed = insertLayerAfter(ctx, layer, `${callee.name}(${axis === -1 ? '' : ctx.objectLiteral(`axis: ${axis}`)})`);
  if (!placed) return undefined;
  if (!biasCancelledByNorm(layer, axis)) {
    return { title: `Insert batchNormalization after this ${layer.factory} layer`, edits: [...callee.edits, ...placed] };
  }
  const noBias = disableBiasEdits(ctx, layer);
  if (!noBias) return undefined;
  return {
    title: `Insert batchNormalization after this ${layer.factory} layer (and set useBias: false, which it makes redundant)`,
    edits: [...callee.edits, ...placed, ...noBias],
  };
};
