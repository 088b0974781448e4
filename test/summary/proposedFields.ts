// Fills the proposed ModelGraph fields (`inputs`, `LayerNode.applyArgs`; see
// server/src/summary/proposedGraphFields.ts) from a reference spec, standing in for the
// analyzer until it records them, to show they are all functional shapes need.
import type { ConfigObject, ModelGraph } from '../../server/src/analysis';
import type { InputNode, TensorRef } from '../../server/src/summary';
import type { FunctionalSpec } from './referenceSpec';

export function withProposedInputFields(graph: ModelGraph, spec: FunctionalSpec): void {
  const inputNames = Object.keys(spec.inputs);
  const inputs: InputNode[] = inputNames.map((name, index) => ({
    index,
    span: { start: 0, end: 0 },
    config: { kind: 'object', props: { shape: spec.inputs[name] }, complete: true } satisfies ConfigObject,
  }));
  const layerIndexOf = (name: string): number => {
    const found = graph.layers.find((l) => typeof l.config === 'object' && l.config.props.name === name);
    if (!found) throw new Error(`no layer named ${name} in the graph`);
    return found.index;
  };
  const ref = (name: string): TensorRef =>
    inputNames.includes(name) ? { kind: 'input', index: inputNames.indexOf(name) } : { kind: 'layer', index: layerIndexOf(name) };
  Object.assign(graph, { inputs });
  for (const node of spec.nodes) Object.assign(graph.layers[layerIndexOf(node.name)], { applyArgs: node.args.map(ref) });
}
