// Builder mode (trusted workspaces only): run the user's own file, with every
// `@tensorflow/tfjs*` import resolved to the embedded tfjs, and capture the model it
// builds. Runs inside the training worker; the runner refuses it unless `trusted`.
import * as path from 'path';
import * as vm from 'vm';
import { createRequire } from 'module';
import { ts } from 'ts-morph';
import { labelLayers, layer, type CompileSpec, type LayerSpec, type ModelSpec, type SpecValue } from './modelSpec';
import type { LayersModel, Tf } from './tf';

export interface BuilderSource {
  fileName: string;
  text: string;
  /** Name of the exported builder function or model variable to use; default: the last model created. */
  modelName?: string;
}

/** Runs the file and returns the model it builds. Never call this for untrusted code. */
export async function captureModel(tf: Tf, src: BuilderSource): Promise<LayersModel> {
  const created: LayersModel[] = [];
  const embedded: Record<string, unknown> = { ...tf };
  embedded.sequential = (...a: Parameters<Tf['sequential']>) => remember(created, tf.sequential(...a));
  embedded.model = (...a: Parameters<Tf['model']>) => remember(created, tf.model(...a));
  embedded.default = embedded;
  const js = ts.transpileModule(src.text, {
    fileName: src.fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  }).outputText;
  const fileName = path.resolve(src.fileName);
  const nodeRequire = createRequire(fileName);
  const userRequire = (id: string) => (/^@tensorflow\/tfjs(-[a-z-]+)?$/.test(id) ? embedded : nodeRequire(id));
  const module = { exports: {} as Record<string, unknown> };
  const fn = vm.compileFunction(js, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: fileName });
  fn(module.exports, userRequire, module, fileName, path.dirname(fileName));
  const exp = module.exports;
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
    if (m) return m;
  }
  if (created.length === 0) {
    // Nothing at top level: call exported functions until one returns a model.
    for (const v of Object.values(exp)) {
      const m = typeof v === 'function' ? await pick(v) : undefined;
      if (m) return m;
    }
  }
  const last = created[created.length - 1];
  if (!last) throw new Error('running the file built no model (no tf.sequential/tf.model call, no exported builder returning one)');
  return last;
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
  const sequential = model.getClassName() === 'Sequential';
  if (!sequential) {
    const branched = model.layers.some((l) => l.inboundNodes.length !== 1 || l.inboundNodes[0].inboundLayers.length > 1);
    if (branched || model.inputs.length !== 1 || model.outputs.length !== 1) {
      throw new Error('the built model is not a single input-to-output chain; only chains can be re-trained with what-ifs');
    }
  }
  const layers = labelLayers(tfLayers.map((l) => toLayer(l.getClassName(), l.getConfig() as Record<string, unknown>)));
  const inputShape = model.inputs[0].shape.slice(1);
  if (inputShape.some((d) => d === null)) throw new Error(`input shape [${inputShape.join(', ')}] has unknown dimensions`);
  return {
    name,
    style: sequential ? 'sequential-add' : 'functional',
    inputShape: inputShape as number[],
    inputDtype: layers[0]?.factory === 'embedding' ? 'int32' : 'float32',
    layers,
    compile: compileOf(model),
  };
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
