// dropout-before-batchnorm: move the dropout to right after the batch norm (Li et al.,
// CVPR 2019), so the norm's statistics are learned without dropout noise. Offered only
// for a single batch norm written in the same statement list or array, or wrapping the
// dropout directly in a functional chain.
import type { LayerNode } from '../analysis/modelGraph';
import { biasCancelledByNorm, isConv, isDense, normAxisOf } from '../rules/layerFacts';
import { disableBiasEdits } from './configEdits';
import type { FixContext } from './fixContext';
import { moveLayerAfter } from './layerPlacement';
import type { Remedy } from './remedy';

export const moveDropoutAfterNorm: Remedy = (ctx, finding) => {
  const dropout = ctx.layer(finding.layer);
  const norms = finding.relatedLayers ?? [];
  const norm = norms.length === 1 ? ctx.layer(norms[0]) : undefined;
  if (!dropout || !norm || dropout.model === null || dropout.model !== norm.model) return undefined;
  const moved = moveLayerAfter(ctx, dropout, norm);
  if (!moved) return undefined;
  const title = `Move this ${dropout.factory} layer after the ${norm.factory} layer`;
  // Once the dropout is gone from between them, a biased affine layer may sit right before the norm.
  const exposed = layerExposedToNorm(ctx, dropout, norm);
  if (!exposed) return { title, edits: moved };
  const noBias = disableBiasEdits(ctx, exposed);
  if (!noBias) return undefined;
  return { title: `${title} (and set useBias: false on the ${exposed.factory} layer before it)`, edits: [...moved, ...noBias] };
};

/** The dense/conv layer that feeds the dropout alone and whose bias the norm will cancel. */
function layerExposedToNorm(ctx: FixContext, dropout: LayerNode, norm: LayerNode): LayerNode | undefined {
  if (!Array.isArray(dropout.prev) || dropout.prev.length !== 1) return undefined;
  if (!Array.isArray(dropout.next) || dropout.next.length !== 1 || dropout.next[0] !== norm.index) return undefined;
  const before = ctx.layer(dropout.prev[0]);
  if (!before || !(isDense(before) || isConv(before)) || !Array.isArray(before.next) || before.next.length !== 1) return undefined;
  const normAxis = normAxisOf(norm);
  return normAxis !== undefined && biasCancelledByNorm(before, normAxis) ? before : undefined;
}
