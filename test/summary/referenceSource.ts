// Source text for a reference model, written the way users write tfjs code.
import { LayerSpec, type FunctionalSpec, type ModelSpec, type SpecValue } from './referenceSpec';

export function sourceOf(spec: ModelSpec): string {
  const lines = [`import * as tf from '@tensorflow/tfjs';`, ''];
  if (spec.kind === 'functional') return [...lines, ...functionalLines(spec)].join('\n') + '\n';
  if (spec.style === 'array') {
    lines.push('const model = tf.sequential({');
    lines.push('  layers: [');
    for (const l of spec.layers) lines.push(`    ${layerCall(l)},`);
    lines.push('  ],');
    lines.push('});');
  } else {
    lines.push('const model = tf.sequential();');
    for (const l of spec.layers) lines.push(`model.add(${layerCall(l)});`);
  }
  return lines.join('\n') + '\n';
}

function functionalLines(spec: FunctionalSpec): string[] {
  const lines: string[] = [];
  for (const [name, shape] of Object.entries(spec.inputs)) lines.push(`const ${name} = tf.input({shape: ${value(shape)}});`);
  for (const node of spec.nodes) {
    const arg = node.args.length === 1 ? node.args[0] : `[${node.args.join(', ')}]`;
    lines.push(`const ${node.name} = ${layerCall(node.layer)}.apply(${arg}) as tf.SymbolicTensor;`);
  }
  const inputs = Object.keys(spec.inputs);
  const outputs = spec.outputs.length === 1 ? spec.outputs[0] : `[${spec.outputs.join(', ')}]`;
  lines.push(`const model = tf.model({inputs: [${inputs.join(', ')}], outputs: ${outputs}});`);
  return lines;
}

function layerCall(l: LayerSpec): string {
  const empty = Object.keys(l.config).length === 0;
  return `tf.layers.${l.factory}(${empty ? '' : value(l.config)})`;
}

function value(v: SpecValue): string {
  if (v instanceof LayerSpec) return layerCall(v);
  if (Array.isArray(v)) return `[${v.map(value).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v).map(([k, x]) => `${k}: ${value(x)}`).join(', ')}}`;
  }
  return typeof v === 'string' ? `'${v}'` : String(v);
}
