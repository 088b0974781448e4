// A plain-JSON description of a buildable model, derived from the ModelGraph when every
// config is literal. It crosses the worker boundary as is and never runs user code.
import type { ConfigObject, ConfigValue, LayerKind, LayerNode, ModelCompile, ModelGraph, ModelStyle, Span } from '../analysis/modelGraph';
import { layerKindOf } from '../analysis/layerCatalog';

export type SpecValue = number | string | boolean | null | SpecValue[] | SpecObject | RegularizerSpec | LayerSpec;

export interface SpecObject {
  kind: 'object';
  props: Record<string, SpecValue>;
}

/** `tf.regularizers.<factory>(arg)` (form 'call') or a string identifier such as 'l1l2'. */
export interface RegularizerSpec {
  kind: 'regularizer';
  factory: string;
  form: 'call' | 'string';
  arg?: SpecValue;
}

export interface LayerSpec {
  kind: 'layer';
  factory: string;
  layerKind: LayerKind;
  config: Record<string, SpecValue>;
  /** Keras-style name for messages: dense_1, conv2d_2, ... */
  label: string;
  /** The layer's index in the ModelGraph, when it came from one. */
  graphIndex?: number;
  line?: number;
}

/** What the model is compiled with: the analysis's reading of its compile() call. */
export type CompileSpec = ModelCompile;

export interface ModelSpec {
  name: string;
  style: ModelStyle;
  line?: number;
  /** Input shape without the batch dimension. */
  inputShape: number[];
  /** 'int32' when the first layer is an embedding (inputs are token ids). */
  inputDtype: 'float32' | 'int32';
  layers: LayerSpec[];
  compile?: CompileSpec;
}

export interface SpecOptions {
  /** The file's text, to report line numbers. */
  text?: string;
  /** Input shape (no batch dim) when the first layer does not declare one. */
  inputShape?: number[];
  /** Instead of what the program's compile() says (the graph's model.compile). */
  compile?: CompileSpec;
}

export type SpecResult = { ok: true; spec: ModelSpec } | { ok: false; reason: string };

class NotLiteral extends Error {}

export function specFromGraph(graph: ModelGraph, modelIndex: number, opts: SpecOptions = {}): SpecResult {
  const model = graph.models[modelIndex];
  if (graph.fatal) return { ok: false, reason: `the file could not be analysed: ${graph.fatal}` };
  if (!model) return { ok: false, reason: `no model #${modelIndex} in ${graph.fileName}` };
  const lineOf = (span: Span) => (opts.text === undefined ? undefined : lineAt(opts.text, span.start));
  const where = (l: LayerNode) => {
    const line = lineOf(l.nameSpan);
    return `layer ${l.factory}${line ? ` (line ${line})` : ''}`;
  };
  if (!model.complete) {
    return { ok: false, reason: `model ${model.name}: layers may be added where the analysis cannot see them` };
  }
  let chain = model.layers.map((i) => graph.layers[i]).filter((l) => l && l.wrappedBy === null);
  let inputShape: number[] | undefined;
  if (chain[0]?.kind === 'input') {
    const input = chain[0];
    const cfg = input.config;
    if (cfg === 'unknown' || cfg === 'absent') return { ok: false, reason: `${where(input)}: config is not a literal object` };
    inputShape = shapeFrom(cfg);
    chain = chain.slice(1);
  }
  if (chain.length === 0) return { ok: false, reason: `model ${model.name} has no layers the analysis could see` };
  if (model.style === 'functional') {
    const problem = functionalChainProblem(graph, chain, where);
    if (problem) return { ok: false, reason: `functional model ${model.name}: ${problem}` };
    const first = chain[0].applyArgs;
    const input = Array.isArray(first) && first[0] !== 'unknown' && first[0].kind === 'input' ? graph.inputs?.[first[0].index] : undefined;
    if (input && input.config !== 'unknown' && input.config !== 'absent') inputShape ??= shapeFrom(input.config);
  }
  const counts: Record<string, number> = {};
  const toLayer = (l: LayerNode): LayerSpec => {
    counts[l.factory] = (counts[l.factory] ?? 0) + 1;
    const label = `${l.factory}_${counts[l.factory]}`;
    if (l.config === 'unknown') throw new NotLiteral(`${where(l)}: config is not a literal object`);
    const config: Record<string, SpecValue> = {};
    if (l.config !== 'absent') {
      if (!l.config.complete) throw new NotLiteral(`${where(l)}: config has a spread that could not be resolved`);
      for (const [k, v] of Object.entries(l.config.props)) {
        if (v === undefined) continue;
        config[k] = toValue(v, k, l);
      }
    }
    if (l.kind === 'wrapper' && !('layer' in config)) {
      throw new NotLiteral(`${where(l)}: wrapped layer is not a literal layer call`);
    }
    return { kind: 'layer', factory: l.factory, layerKind: l.kind, config, label, graphIndex: l.index, line: lineOf(l.nameSpan) };
  };
  const toValue = (v: ConfigValue, path: string, l: LayerNode): SpecValue => {
    if (v === 'unknown') throw new NotLiteral(`${where(l)}: config value \`${path}\` is not a literal`);
    if (v === null || typeof v !== 'object') {
      if (v === undefined) throw new NotLiteral(`${where(l)}: config value \`${path}\` is undefined`);
      return v;
    }
    if (Array.isArray(v)) return v.map((e, i) => toValue(e, `${path}[${i}]`, l));
    switch (v.kind) {
      case 'object': {
        if (!v.complete) throw new NotLiteral(`${where(l)}: config value \`${path}\` has an unresolved spread`);
        const props: Record<string, SpecValue> = {};
        for (const [k, e] of Object.entries(v.props)) if (e !== undefined) props[k] = toValue(e, `${path}.${k}`, l);
        return { kind: 'object', props };
      }
      case 'regularizer': {
        const r: RegularizerSpec = { kind: 'regularizer', factory: v.factory, form: v.form };
        if (v.arg !== undefined) r.arg = toValue(v.arg, `${path}(…)`, l);
        return r;
      }
      case 'layer': {
        const inner = graph.layers[v.index];
        if (!inner) throw new NotLiteral(`${where(l)}: config value \`${path}\` refers to a layer the analysis lost`);
        return toLayer(inner);
      }
    }
  };
  let layers: LayerSpec[];
  try {
    layers = chain.map(toLayer);
  } catch (e) {
    if (e instanceof NotLiteral) return { ok: false, reason: e.message };
    throw e;
  }
  inputShape ??= inputShapeOf(layers[0]) ?? opts.inputShape;
  if (!inputShape) {
    return {
      ok: false,
      reason: `model ${model.name}: the first layer (${layers[0].label}) declares no inputShape or batchInputShape; ` +
        'set reglint.train.inputShape',
    };
  }
  const spec: ModelSpec = {
    name: model.name,
    style: model.style,
    line: lineOf(model.span),
    inputShape,
    inputDtype: layers[0].factory === 'embedding' ? 'int32' : 'float32',
    layers,
  };
  const compile = opts.compile ?? model.compile; // what the program's compile() says
  if (compile) spec.compile = { ...compile };
  return { ok: true, spec };
}

/** Why a functional model is not one input -> layer -> ... -> output chain, if it is not. */
function functionalChainProblem(graph: ModelGraph, chain: LayerNode[], where: (l: LayerNode) => string): string | undefined {
  for (let i = 0; i < chain.length; i++) {
    const l = chain[i];
    if (l.kind === 'merge') return `${where(l)} merges several tensors; only single chains can be rebuilt without running the code`;
    const args = l.applyArgs;
    if (args === undefined) continue; // older graphs without apply arguments: fall back on prev/next
    if (args === 'unknown' || args.length !== 1 || args[0] === 'unknown') {
      return `${where(l)} is applied to something the analysis could not follow`;
    }
    const a = args[0];
    const ok = i === 0 ? a.kind === 'input' : a.kind === 'layer' && a.index === chain[i - 1].index;
    if (!ok) return `${where(l)} is not applied to the ${i === 0 ? 'model input' : 'previous layer'}; only single chains can be rebuilt`;
  }
  const bad = chain.find((l) => l.prev === 'unknown' || l.next === 'unknown' || l.prev.length > 1 || l.next.length > 1);
  if (bad) return `${where(bad)} is not part of a single input-to-output chain; only chains can be rebuilt without running the code`;
  return undefined;
}

/** Input shape (no batch dim) declared by a layer's config, if any. */
export function inputShapeOf(layer: LayerSpec): number[] | undefined {
  const c = layer.config;
  const declared = literalShape(c.inputShape, false) ?? literalShape(c.batchInputShape, true);
  if (declared) return declared;
  if (layer.factory === 'embedding' && typeof c.inputLength === 'number') return [c.inputLength];
  if (layer.factory !== 'embedding' && typeof c.inputDim === 'number') return [c.inputDim];
  return undefined;
}

/** Input shape (no batch dim) of a tf.input({shape} or {batchShape}) config. */
function shapeFrom(cfg: ConfigObject): number[] | undefined {
  return literalShape(cfg.props.shape, false) ?? literalShape(cfg.props.batchShape, true);
}

/** A literal array of numbers and nulls as a shape without its batch dim, when every remaining dim is a number. */
function literalShape(v: unknown, hasBatchDim: boolean): number[] | undefined {
  if (!Array.isArray(v) || !v.every((e) => typeof e === 'number' || e === null)) return undefined;
  const s = hasBatchDim ? v.slice(1) : v;
  return s.every((e) => typeof e === 'number') ? (s as number[]) : undefined;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A hand-written layer spec (tests, builder mode). */
export function layer(factory: string, config: Record<string, SpecValue> = {}, label?: string): LayerSpec {
  return { kind: 'layer', factory, layerKind: layerKindOf(factory) ?? 'other', config, label: label ?? factory };
}

/** Labels layers dense_1, dense_2, ... in order (for hand-written specs). */
export function labelLayers(layers: LayerSpec[]): LayerSpec[] {
  const counts: Record<string, number> = {};
  return layers.map((l) => {
    counts[l.factory] = (counts[l.factory] ?? 0) + 1;
    return { ...l, label: `${l.factory}_${counts[l.factory]}` };
  });
}

/** Plain JSON object config (what tests write) to a SpecObject. */
export function obj(props: Record<string, SpecValue>): SpecObject {
  return { kind: 'object', props };
}

export function l2(factor: number): RegularizerSpec {
  return { kind: 'regularizer', factory: 'l2', form: 'call', arg: obj({ l2: factor }) };
}
