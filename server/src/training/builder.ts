// Builder mode (trusted workspaces only): run the user's own file, with every
// `@tensorflow/tfjs*` import resolved to the embedded tfjs, and capture the model it
// builds. Runs inside the training worker; the runner refuses it unless `trusted`.
import * as path from 'path';
import * as vm from 'vm';
import { createRequire } from 'module';
import { ts } from 'ts-morph';
import { builderCall, type BuilderCall } from './builderArgs';
import { labelLayers, layer, type AssumedValue, type Assumption, type CompileSpec, type LayerSpec, type ModelSpec, type SpecRef, type SpecValue } from './modelSpec';
import type { LayersModel, Tf } from './tf';

export interface BuilderSource {
  fileName: string;
  text: string;
  /** Name of the exported builder function or model variable to use; default: the last model created. */
  modelName?: string;
  /** Offset of the model's constructing call: the top-level function around it is the builder to call. */
  at?: number;
  /** Static mode's values by the expression they stand for (`numFeatures`), for the builder's parameters. */
  assumed?: Record<string, AssumedValue>;
}

export interface Captured {
  model: LayersModel;
  /** The builder function called, with what, when one was. */
  call?: BuilderCall;
}

const EXPOSED = '__reglintBuilder__';

/** Runs the file and returns the model it builds. Never call this for untrusted code. */
export async function captureModel(tf: Tf, src: BuilderSource): Promise<Captured> {
  const created: LayersModel[] = [];
  const embedded: Record<string, unknown> = { ...tf };
  embedded.sequential = (...a: Parameters<Tf['sequential']>) => remember(created, tf.sequential(...a));
  embedded.model = (...a: Parameters<Tf['model']>) => remember(created, tf.model(...a));
  embedded.default = embedded;
  const js = ts.transpileModule(src.text, {
    fileName: src.fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  }).outputText;
  // The builder of this model, with the arguments its call site passes (or static mode's values).
  const call = src.at !== undefined ? builderCall(src.text, src.fileName, src.at, src.assumed) : undefined;
  const exposed = call ? `${js}\n;module.exports[${JSON.stringify(EXPOSED)}] = typeof ${call.name} === 'function' ? ${call.name} : undefined;\n` : js;
  const fileName = path.resolve(src.fileName);
  const nodeRequire = createRequire(fileName);
  const userRequire = (id: string) => (/^@tensorflow\/tfjs(-[a-z-]+)?$/.test(id) ? embedded : nodeRequire(id));
  const module = { exports: {} as Record<string, unknown> };
  const fn = vm.compileFunction(exposed, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: fileName });
  fn(module.exports, userRequire, module, fileName, path.dirname(fileName));
  const exp = module.exports;
  if (call && typeof exp[EXPOSED] === 'function') {
    const built = await (exp[EXPOSED] as (...a: unknown[]) => unknown)(...call.args);
    if (created.includes(built as LayersModel) || (!!built && typeof (built as LayersModel).fit === 'function')) return { model: built as LayersModel, call };
    const last = created[created.length - 1];
    if (last) return { model: last, call };
  }
  const isModel = (v: unknown): v is LayersModel => created.includes(v as LayersModel) || (!!v && typeof (v as LayersModel).fit === 'function');
  const pick = async (v: unknown): Promise<LayersModel | undefined> => {
    if (isModel(v)) return v;
    if (typeof v === 'function') {
      const r = await (v as () => unknown)();
      if (isModel(r)) return r;
    }
    return undefined;
  };
  if (src.modelName && src.modelName in exp) {
    const m = await pick(exp[src.modelName]);
    if (m) return { model: m };
  }
  if (created.length === 0) {
    // Nothing at top level: call exported functions until one returns a model.
    for (const [k, v] of Object.entries(exp)) {
      const m = typeof v === 'function' && k !== EXPOSED ? await pick(v) : undefined;
      if (m) return { model: m };
    }
  }
  const last = created[created.length - 1];
  if (!last) throw new Error('running the file built no model (no tf.sequential/tf.model call, no exported builder returning one)');
  return { model: last };
}

function remember(list: LayersModel[], m: LayersModel): LayersModel {
  list.push(m);
  return m;
}

/** A spec from a live tfjs model (its layers' getConfig()), so what-ifs can rebuild it. */
export function specFromLayersModel(tf: Tf, model: LayersModel, name: string): ModelSpec {
  const factories = new Map(Object.keys(tf.layers).map((k) => [k.toLowerCase(), k]));
  const toLayer = (className: string, config: Record<string, unknown>): LayerSpec => {
    const factory = factories.get(className.toLowerCase());
    if (!factory) throw new Error(`layer class ${className} has no tf.layers factory`);
    const out: Record<string, SpecValue> = {};
    for (const [k, v] of Object.entries(config)) {
      if (k === 'name' || v === undefined) continue;
      out[k] = k === 'layer' && isClassDict(v) ? toLayer(v.className, v.config) : toSpecValue(v);
    }
    return layer(factory, out, factory);
  };
  const isInput = (l: { getClassName(): string }) => l.getClassName() === 'InputLayer';
  const tfLayers = model.layers.filter((l) => !isInput(l));
  const nested = tfLayers.find((l) => Array.isArray((l as unknown as { layers?: unknown }).layers));
  if (nested) throw new Error(`the built model uses model ${nested.name} as a layer; builder mode re-trains models whose layers are tfjs layers`);
  const sequential = model.getClassName() === 'Sequential';
  const layers = labelLayers(tfLayers.map((l) => toLayer(l.getClassName(), l.getConfig() as Record<string, unknown>)));
  const inputs = model.inputs.map((input, k) => {
    const shape = input.shape.slice(1);
    if (shape.some((d) => d === null)) throw new Error(`input shape [${shape.join(', ')}] has unknown dimensions`);
    return { label: `input_${k + 1}`, shape: shape as number[], dtype: input.dtype === 'int32' ? 'int32' as const : 'float32' as const };
  });
  const spec: ModelSpec = {
    name,
    style: sequential ? 'sequential-add' : 'functional',
    inputShape: inputs[0].shape,
    inputDtype: sequential && layers[0]?.factory === 'embedding' ? 'int32' : inputs[0].dtype,
    layers,
    compile: compileOf(model),
  };
  if (sequential) return spec;
  // A DAG: each layer's applications inside this model (a shared layer has several), by label.
  const graph = model as unknown as {
    containerNodes: Set<string>; inputLayers: { name: string }[]; outputLayers: { name: string }[]; outputLayersNodeIndices: number[];
  };
  const labelOf = new Map(tfLayers.map((l, i) => [l.name, layers[i].label]));
  const specNode = new Map<string, number>(); // `${layer name}#${tfjs node index}` → node within this model
  const ref = (layerName: string, nodeIndex: number): SpecRef => {
    const input = graph.inputLayers.findIndex((l) => l.name === layerName);
    if (input >= 0) return { input };
    return { layer: labelOf.get(layerName)!, node: specNode.get(`${layerName}#${nodeIndex}`) ?? 0 };
  };
  tfLayers.forEach((l, i) => {
    const inbound: SpecRef[][] = [];
    l.inboundNodes.forEach((node, n) => {
      if (!graph.containerNodes.has(`${l.name}_ib-${n}`)) return; // applied in another model
      specNode.set(`${l.name}#${n}`, inbound.length);
      inbound.push(node.inboundLayers.map((src, k) => ref(src.name, node.nodeIndices[k])));
    });
    layers[i].inbound = inbound;
  });
  spec.inputs = inputs;
  spec.outputs = graph.outputLayers.map((l, i) => ref(l.name, graph.outputLayersNodeIndices[i]));
  spec.inputDtype = inputs[0].dtype;
  return spec;
}

/** A builder argument as the report lists it. */
export function builderArgAssumption(fn: string, p: BuilderCall['params'][number]): Assumption {
  const value = p.value === undefined ? null : (JSON.parse(JSON.stringify(p.value)) as AssumedValue);
  const source: Assumption['source'] = p.from === 'its default' || p.from.startsWith('as called') ? 'code' : 'default';
  return { layer: fn, key: p.name, value, source, why: `passed to ${fn}(): ${p.from}` };
}

function isClassDict(v: unknown): v is { className: string; config: Record<string, unknown> } {
  return !!v && typeof v === 'object' && typeof (v as { className?: unknown }).className === 'string';
}

function toSpecValue(v: unknown): SpecValue {
  if (v === null || typeof v !== 'object') return (v ?? null) as SpecValue;
  if (Array.isArray(v)) return v.map(toSpecValue);
  const props: Record<string, SpecValue> = {};
  for (const [k, e] of Object.entries(v)) if (e !== undefined) props[k] = toSpecValue(e);
  return { kind: 'object', props };
}

function compileOf(model: LayersModel): CompileSpec | undefined {
  const m = model as unknown as { optimizer?: { getClassName(): string; learningRate?: number }; loss?: unknown };
  if (!m.optimizer) return undefined;
  const c: CompileSpec = { optimizer: m.optimizer.getClassName().toLowerCase().replace(/optimizer$/, '') };
  if (typeof m.optimizer.learningRate === 'number') c.learningRate = m.optimizer.learningRate;
  if (typeof m.loss === 'string') c.loss = m.loss;
  return c;
}
