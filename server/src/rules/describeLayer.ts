// How findings name a layer: its factory, its `name` config when given, its size, and the
// wrapper it sits in, e.g. `lstm layer 'encoder' (units 64) inside bidirectional`.
import type { LayerNode, ModelGraph } from '../analysis/modelGraph';
import { knownNumber, knownString } from './config';
import { isConv, isDense, isDropoutFamily, isRecurrent } from './layerFacts';

export function describeLayer(graph: ModelGraph, layer: LayerNode, options: { omitSize?: boolean } = {}): string {
  const name = knownString(layer, 'name');
  const named = name === undefined ? '' : ` '${name}'`;
  // A message about the rate itself would say it twice: "dropout layer (rate 1): rate 1 ...".
  // A call that builds several layers of different sizes (a helper called with 32 and 64) is
  // one finding about the call: no one size names it.
  const size = options.omitSize || sizeVariesAcrossCall(graph, layer) ? undefined : sizeOf(layer);
  const sized = size === undefined ? '' : ` (${size})`;
  const wrapper = layer.wrappedBy === null ? undefined : graph.layers[layer.wrappedBy];
  const wrapped = wrapper ? ` inside ${wrapper.factory}` : '';
  return `${layer.factory} layer${named}${sized}${wrapped}`;
}

function sizeVariesAcrossCall(graph: ModelGraph, layer: LayerNode): boolean {
  // Every finding names a layer: compare spans first, build size strings only for the call's other nodes.
  let size: string | undefined | null = null;
  for (const other of graph.layers) {
    if (other === layer || other.span.start !== layer.span.start || other.span.end !== layer.span.end) continue;
    if (size === null) size = sizeOf(layer);
    if (sizeOf(other) !== size) return true;
  }
  return false;
}

/** The one config number that tells layers of a kind apart in a message. */
function sizeOf(layer: LayerNode): string | undefined {
  const show = (key: string): string | undefined => {
    const value = knownNumber(layer, key);
    return value === undefined ? undefined : `${key} ${value}`;
  };
  if (isDense(layer) || (isRecurrent(layer) && layer.factory !== 'convLstm2d')) return show('units');
  if (layer.factory === 'depthwiseConv2d') return show('kernelSize');
  if (isConv(layer) || layer.factory === 'convLstm2d') return show('filters');
  if (layer.factory === 'gaussianNoise') return show('stddev');
  if (isDropoutFamily(layer)) return show('rate');
  return undefined;
}
