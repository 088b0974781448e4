// How a spec's layers are wired: each layer's applications (the tensors it is applied to),
// an order to apply them in, the model's inputs and outputs, and who reads a tensor. A
// chain spec (no `inbound`: sequential models, hand-written specs) reads as one
// application per layer on the previous layer's output, so every helper works for both.
import type { InputSpec, LayerSpec, ModelSpec, SpecRef } from './modelSpec';

/** One application of a layer: spec.layers[layer], its node-th application. */
export interface Application {
  layer: number;
  node: number;
  args: SpecRef[];
}

/** True when the spec is wired explicitly (a functional DAG), not a chain. */
export function isGraphSpec(spec: ModelSpec): boolean {
  return spec.layers.some((l) => l.inbound !== undefined);
}

export function applicationsOf(spec: ModelSpec, i: number): SpecRef[][] {
  const l = spec.layers[i];
  if (l.inbound) return l.inbound;
  return [[i === 0 ? { input: 0 } : { layer: spec.layers[i - 1].label }]];
}

export function inputsOf(spec: ModelSpec): InputSpec[] {
  return spec.inputs ?? [{ label: 'input_1', shape: spec.inputShape, dtype: spec.inputDtype }];
}

export function outputsOf(spec: ModelSpec): SpecRef[] {
  return spec.outputs ?? (spec.layers.length ? [{ layer: spec.layers[spec.layers.length - 1].label }] : []);
}

/** A tensor's identity: `input:0`, `dense_1#0`. */
export function tensorKey(ref: SpecRef): string {
  return 'input' in ref ? `input:${ref.input}` : `${ref.layer}#${ref.node ?? 0}`;
}

/** Every application, each after the applications it reads. Throws when the wiring has a cycle or a dangling reference. */
export function applicationOrder(spec: ModelSpec): Application[] {
  const byLabel = new Map(spec.layers.map((l, i) => [l.label, i]));
  const all = new Map<string, Application>();
  spec.layers.forEach((_, layer) => applicationsOf(spec, layer).forEach((args, node) => {
    all.set(`${spec.layers[layer].label}#${node}`, { layer, node, args });
  }));
  const order: Application[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (key: string, from: string): void => {
    const s = state.get(key);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`the layers' wiring has a cycle through ${key.replace(/#\d+$/, '')}`);
    const app = all.get(key);
    if (!app) throw new Error(`${from} reads ${key.replace(/#0$/, '')}, which the spec does not have`);
    state.set(key, 'visiting');
    for (const ref of app.args) {
      if ('input' in ref) continue;
      if (!byLabel.has(ref.layer)) throw new Error(`${from} reads ${ref.layer}, which the spec does not have`);
      visit(tensorKey(ref), key);
    }
    state.set(key, 'done');
    order.push(app);
  };
  for (const key of all.keys()) visit(key, key);
  return order;
}

/** The applications that read `ref`'s tensor, with the argument position. */
export function readersOf(spec: ModelSpec, ref: SpecRef): { layer: number; node: number; position: number }[] {
  const key = tensorKey(ref);
  const out: { layer: number; node: number; position: number }[] = [];
  spec.layers.forEach((_, layer) => applicationsOf(spec, layer).forEach((args, node) => {
    args.forEach((a, position) => {
      if (tensorKey(a) === key) out.push({ layer, node, position });
    });
  }));
  return out;
}

/** The layer a reference names, if it names one. */
export function layerOf(spec: ModelSpec, ref: SpecRef): LayerSpec | undefined {
  return 'input' in ref ? undefined : spec.layers.find((l) => l.label === ref.layer);
}

/**
 * The spec with every chain made explicit (inputs, outputs and each layer's inbound), so
 * edits such as inserting a layer after another work the same on chains and DAGs.
 */
export function asGraphSpec(spec: ModelSpec): ModelSpec {
  if (isGraphSpec(spec)) return spec;
  return {
    ...spec,
    inputs: inputsOf(spec),
    outputs: outputsOf(spec),
    layers: spec.layers.map((l, i) => ({ ...l, inbound: applicationsOf(spec, i) })),
  };
}
