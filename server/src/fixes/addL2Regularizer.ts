// dense-, conv- and recurrent-unregularized: add L2 weight decay under the keys the layer
// really reads (separableConv2d: depthwise + pointwise; depthwiseConv2d: depthwise;
// recurrent: kernel + recurrent; otherwise kernel).
import type { LayerNode } from '../analysis/modelGraph';
import { isRecurrent, primaryRegularizerKeys } from '../rules/layerFacts';
import { setConfigEntries } from './configEdits';
import { formatNumber } from './sourceText';
import type { Remedy } from './remedy';
import { regularizerCallee } from './tfjsNames';

export const addL2Regularizer: Remedy = (ctx, finding) => {
  const layer = ctx.layer(finding.layer);
  if (!layer) return undefined;
  const callee = regularizerCallee(ctx, layer, 'l2');
  if (!callee) return undefined;
  const factor = formatNumber(ctx.settings.l2);
  const value = `${callee.name}(${ctx.objectLiteral(`l2: ${factor}`)})`;
  const keys = l2Keys(layer);
  const edits = setConfigEntries(ctx, layer, keys.map((key) => ({ key, value })));
  if (!edits) return undefined;
  return { title: `Add L2 ${keys.join(' and ')} (${factor}) to this ${layer.factory} layer`, edits: [...callee.edits, ...edits] };
};

export function l2Keys(layer: LayerNode): readonly string[] {
  return isRecurrent(layer) ? ['kernelRegularizer', 'recurrentRegularizer'] : primaryRegularizerKeys(layer.factory);
}
