// One layer call can have several nodes in the graph: a helper called from two places, or a
// loop run once per known item, builds a tfjs layer each time, with the config of that
// call (analysis/graphBuilder.ts, contexts). Users see calls, not nodes: a finding on such a
// call stands only when the rule finds it on every node of the call (a helper's layer is
// judged by how every caller uses it), and it is reported once.
import type { LayerNode, ModelGraph } from '../analysis/modelGraph';
import type { Finding } from '../rules/rule';

export function mergeLayerInstances(graph: ModelGraph, findings: Finding[]): Finding[] {
  // Nodes of one call share its span and factory; group by span start, then match the rest.
  const byStart = new Map<number, LayerNode[]>();
  let calls = 0;
  for (const layer of graph.layers) {
    const list = byStart.get(layer.span.start);
    if (!list) {
      byStart.set(layer.span.start, [layer]);
      calls++;
    } else {
      if (!list.some((other) => sameCall(other, layer))) calls++;
      list.push(layer);
    }
  }
  if (calls === graph.layers.length) return findings; // one node per call: nothing to merge
  const instancesOf = (layer: LayerNode) => byStart.get(layer.span.start)!.filter((other) => sameCall(other, layer));

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
      if (!instancesOf(layer).every((other) => found.has(other.index))) continue;
    }
    const key = `${f.ruleId}|${f.span.start}|${f.span.end}|${layer ? callKey(layer) : f.message}`;
    const entry = kept.get(key);
    if (entry) entry.count++;
    else kept.set(key, { finding: f, count: 1 });
  }
  return [...kept.values()].map(({ finding, count }) =>
    (count === 1 ? finding : { ...finding, message: `${finding.message} (The same holds for all ${count} layers this call builds.)` }));
}

/** What a call's nodes share (sameCall): its span and factory. */
function callKey(layer: LayerNode): string {
  return `${layer.span.start}:${layer.span.end}:${layer.factory}`;
}

function sameCall(a: LayerNode, b: LayerNode): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.factory === b.factory;
}
