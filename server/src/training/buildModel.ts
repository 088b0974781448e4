// ModelSpec -> tfjs LayersModel, with the tf instance passed in. Mirrors the user's
// code: configs are passed as written (including mistakes such as l2(0.01)), so a
// config tfjs rejects fails here the same way it would in the user's program.
import type { LayersModel, SymbolicTensor, Tf } from './tf';
import { inputShapeOf, type LayerSpec, type ModelSpec, type SpecValue } from './modelSpec';
import { applicationOrder, inputsOf, isGraphSpec, outputsOf, tensorKey } from './specTopology';

type TfLayer = ReturnType<Tf['layers']['dense']>;

export class BuildError extends Error {}

export interface BuiltModel {
  model: LayersModel;
  /** tfjs layers parallel to spec.layers. */
  layers: TfLayer[];
}

export function buildModel(tf: Tf, spec: ModelSpec): BuiltModel {
  if (isGraphSpec(spec)) return buildGraph(tf, spec);
  const layers = spec.layers.map((l, i) => buildLayer(tf, l, i === 0 && spec.style !== 'functional' ? spec : undefined));
  let model: LayersModel;
  try {
    if (spec.style === 'functional') {
      const input = tf.input({ shape: spec.inputShape, dtype: spec.inputDtype });
      let x = input;
      for (const l of layers) x = l.apply(x) as typeof input;
      model = tf.model({ inputs: input, outputs: x, name: safeName(spec.name) });
    } else {
      model = tf.sequential({ layers, name: safeName(spec.name) });
    }
  } catch (e) {
    throw new BuildError(`connecting the layers of ${spec.name}: ${(e as Error).message}`);
  }
  return { model, layers };
}

/** A DAG: the inputs, then every application in order, each layer built once (shared layers applied again). */
function buildGraph(tf: Tf, spec: ModelSpec): BuiltModel {
  const layers = spec.layers.map((l) => buildLayer(tf, l));
  try {
    const inputs = inputsOf(spec).map((i) => tf.input({ shape: i.shape, dtype: i.dtype }));
    const tensors = new Map<string, SymbolicTensor>(inputs.map((t, i) => [tensorKey({ input: i }), t]));
    const read = (key: string) => {
      const t = tensors.get(key);
      if (!t) throw new BuildError(`no tensor ${key}`);
      return t;
    };
    for (const app of applicationOrder(spec)) {
      const args = app.args.map((a) => read(tensorKey(a)));
      const out = layers[app.layer].apply(args.length === 1 ? args[0] : args);
      if (Array.isArray(out)) throw new BuildError(`${spec.layers[app.layer].label} returns several tensors; the sanity-train rebuilds layers with one output`);
      tensors.set(tensorKey({ layer: spec.layers[app.layer].label, node: app.node }), out as SymbolicTensor);
    }
    const outputs = outputsOf(spec).map((o) => read(tensorKey(o)));
    const model = tf.model({ inputs, outputs, name: safeName(spec.name) });
    return { model, layers };
  } catch (e) {
    if (e instanceof BuildError) throw e;
    throw new BuildError(`connecting the layers of ${spec.name}: ${(e as Error).message}`);
  }
}

function buildLayer(tf: Tf, l: LayerSpec, first?: ModelSpec): TfLayer {
  const factory = (tf.layers as unknown as Record<string, unknown>)[l.factory];
  if (typeof factory !== 'function') throw new BuildError(`${l.label}: tf.layers.${l.factory} does not exist`);
  try {
    const config = toArgs(tf, l.config) as Record<string, unknown>;
    if (first && !inputShapeOf(l)) {
      config.inputShape = first.inputShape;
      if (first.inputDtype === 'int32' && l.factory !== 'embedding') config.dtype = 'int32';
    }
    return (factory as (c: unknown) => TfLayer)(config);
  } catch (e) {
    if (e instanceof BuildError) throw e;
    throw new BuildError(`${l.label}${l.line ? ` (line ${l.line})` : ''}: ${(e as Error).message}`);
  }
}

function toArgs(tf: Tf, config: Record<string, SpecValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) out[k] = toArg(tf, v);
  return out;
}

function toArg(tf: Tf, v: SpecValue): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((e) => toArg(tf, e));
  switch (v.kind) {
    case 'object':
      return toArgs(tf, v.props);
    case 'layer':
      return buildLayer(tf, v);
    case 'regularizer': {
      if (v.form === 'string') return v.factory;
      const make = (tf.regularizers as unknown as Record<string, unknown>)[v.factory];
      if (typeof make !== 'function') throw new BuildError(`tf.regularizers.${v.factory} does not exist`);
      return v.arg === undefined ? (make as () => unknown)() : (make as (a: unknown) => unknown)(toArg(tf, v.arg));
    }
  }
}

/** tfjs model names must be unique-ish identifiers; keep it readable. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_') || 'model';
}
