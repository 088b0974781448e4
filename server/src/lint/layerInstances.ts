// One layer call can have several nodes in the graph: a helper called from two places, or a
// loop run once per known item, builds a tfjs layer each time, with the config of that
// call (analysis/graphBuilder.ts, contexts). Users see calls, not nodes: a finding on such a
// call stands only when the rule finds it on every node of the call (a helper's layer is
// judged by how every caller uses it), and it is reported once.
import type { LayerNode, ModelGraph } from '../analysis/modelGraph';
import type { Finding } from '../rules/rule';

export function mergeLayerInstances(graph: ModelGraph, findings: Finding[]): Finding[] {
  const callOf = (layer: LayerNode) => `${layer.span.start}:${layer.span.end}:${layer.factory}`;
  const instances = new Map<string, number[]>();
  for (const layer of graph.layers) {
    const key = callOf(layer);
    const list = instances.get(key);
    if (list) list.push(layer.index);
    else instances.set(key, [layer.index]);
  }
  if (instances.size === graph.layers.length) return findings; // one node per call: nothing to merge

  const layersWith = new Map<string, Set<number>>();
  for (const f of findings) {
    if (f.layer === undefined) continue;
    const set = layersWith.get(f.ruleId) ?? new Set<number>();
    set.add(f.layer);
    layersWith.set(f.ruleId, set);
  }
  const kept = new Map<string, { finding: Finding; count: number }>();
  for (const f of findings) {
    const layer = f.layer === undefined ? undefined : graph.layers[f.layer];
    if (layer) {
      const found = layersWith.get(f.ruleId)!;
      if (!instances.get(callOf(layer))!.every((i) => found.has(i))) continue;
    }
    const key = `${f.ruleId}|${f.span.start}|${f.span.end}|${layer ? callOf(layer) : f.message}`;
    const entry = kept.get(key);
    if (entry) entry.count++;
    else kept.set(key, { finding: f, count: 1 });
  }
  return [...kept.values()].map(({ finding, count }) =>
    (count === 1 ? finding : { ...finding, message: `${finding.message} (The same holds for all ${count} layers this call builds.)` }));
}
