// The same reference model built by real tfjs (CPU backend), and what tfjs reports for it.
import * as tf from '@tensorflow/tfjs';
import { LayerSpec, type ModelSpec, type SpecValue } from './referenceSpec';

/** Call in a `before` hook: the backend is global state other suites change too. */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  tf.enableProdMode();
}

export interface TfjsLayerFacts {
  name: string;
  className: string;
  outputShape: unknown;
  params: number;
  nonTrainableParams: number;
}

export interface TfjsModelFacts {
  /** model.layers without InputLayers tfjs adds for tf.input (explicit inputLayer() stays). */
  layers: TfjsLayerFacts[];
  totalParams: number;
  nonTrainableParams: number;
}

export function buildWithTfjs(spec: ModelSpec): TfjsModelFacts {
  const model = spec.kind === 'sequential' ? tf.sequential({ layers: spec.layers.map(build) }) : functional(spec);
  const layers = model.layers
    .filter((l) => spec.kind === 'sequential' || l.getClassName() !== 'InputLayer')
    .map((l) => ({
      name: l.name,
      className: l.getClassName(),
      outputShape: l.outputShape,
      params: l.countParams(),
      nonTrainableParams: sizeOf(l.nonTrainableWeights),
    }));
  return { layers, totalParams: model.countParams(), nonTrainableParams: sizeOf(model.nonTrainableWeights) };
}

function functional(spec: Extract<ModelSpec, { kind: 'functional' }>): tf.LayersModel {
  const tensors = new Map<string, tf.SymbolicTensor>();
  for (const [name, shape] of Object.entries(spec.inputs)) tensors.set(name, tf.input({ shape }));
  for (const node of spec.nodes) {
    const args = node.args.map((a) => tensors.get(a)!);
    tensors.set(node.name, build(node.layer).apply(args.length === 1 ? args[0] : args) as tf.SymbolicTensor);
  }
  const inputs = Object.keys(spec.inputs).map((n) => tensors.get(n)!);
  return tf.model({ inputs, outputs: spec.outputs.map((n) => tensors.get(n)!) });
}

/** tfjs mutates some configs (poolSize defaults, reshape's -1): give it a copy. */
function build(spec: LayerSpec): tf.layers.Layer {
  const factory = (tf.layers as unknown as Record<string, (config?: object) => tf.layers.Layer>)[spec.factory];
  if (!factory) throw new Error(`tf.layers has no ${spec.factory}`);
  return factory(copy(spec.config) as object);
}

function copy(v: SpecValue): unknown {
  if (v instanceof LayerSpec) return build(v);
  if (Array.isArray(v)) return v.map(copy);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
  return v;
}

function sizeOf(weights: tf.LayerVariable[]): number {
  return weights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);
}
