// Accumulates layers, models and data-flow edges while the interpreter runs, then turns
// them into the plain ModelGraph. Node creation is keyed by syntax node, so evaluating
// the same call twice (loops, helpers called twice) never creates a second layer.
import { readCompileArgs } from './compileArgs';
import { ConfigEvaluator, type ConfigContext } from './configValues';
import { layerKindOf } from './layerCatalog';
import type {
  InputNode, LayerNode, LayerSite, ModelGraph, ModelNode, ModelStyle, Span, TensorRef,
} from './modelGraph';
import { isConfigObject, isLayerRef, UNKNOWN } from './modelGraph';
import { ts } from './parse';
import type { Scopes } from './scopes';
import type { TfjsResolver } from './tfjsBindings';

interface ModelRecord extends ModelNode {
  layerSet: Set<number>;
  /** Layers the model ends with at some exit (sequential) or its outputs (functional). */
  outputLayers: Set<number>;
}

/** Which application made a symbolic tensor value. */
export interface TensorNode {
  kind: 'layer' | 'model';
  index: number;
  node: number;
}

export class GraphBuilder {
  readonly layers: LayerNode[] = [];
  private readonly models: ModelRecord[] = [];
  private readonly layerByCall = new Map<ts.CallExpression, number>();
  private readonly modelByNode = new Map<ts.Node, number>();
  private readonly succ = new Map<number, Set<number>>();
  private readonly pred = new Map<number, Set<number>>();
  private readonly escaped = new Set<number>();
  private readonly prevUnknown = new Set<number>();
  private readonly applySites = new Map<number, LayerSite[]>();
  private readonly applyArgs = new Map<number, TensorRef[][]>();
  /** Every application in the order met, and which application made a symbolic tensor value. */
  private readonly applications = new Map<number, TensorRef[][]>();
  private readonly tensorNodes = new WeakMap<object, TensorNode>();
  private readonly modelApplications = new Map<number, TensorRef[][]>();
  private readonly created = new Map<number, number>();
  private readonly createdInLoop = new Set<number>();
  private readonly inputs: InputNode[] = [];
  private readonly inputByCall = new Map<ts.CallExpression, number>();
  private readonly configs: ConfigEvaluator;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    readonly scopes: Scopes,
    readonly tfjs: TfjsResolver,
  ) {
    const ctx: ConfigContext = {
      scopes,
      tfjs,
      layerForCall: (call) => {
        const entity = tfjs.classify(call.expression);
        return entity?.kind === 'layerFactory' ? this.layerFor(call, entity.factory) : undefined;
      },
    };
    this.configs = new ConfigEvaluator(ctx);
  }

  layerFor(call: ts.CallExpression, factory: string): number {
    const existing = this.layerByCall.get(call);
    if (existing !== undefined) return existing;
    const index = this.layers.length;
    this.layerByCall.set(call, index);
    const callee = call.expression;
    const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    const layer: LayerNode = {
      index,
      factory,
      kind: layerKindOf(factory) ?? 'other',
      span: spanOf(call),
      nameSpan: spanOf(nameNode),
      calleeSpan: spanOf(callee),
      calleePrefix: this.sourceFile.text.slice(callee.getStart(), nameNode.getStart()),
      config: 'absent',
      configProps: {},
      model: null,
      next: UNKNOWN,
      prev: UNKNOWN,
      isOutput: UNKNOWN,
      wrappedBy: null,
      inner: null,
    };
    this.layers.push(layer);
    this.resolveConfig(layer, call);
    return index;
  }

  private resolveConfig(layer: LayerNode, call: ts.CallExpression): void {
    const arg = call.arguments[0];
    if (!arg) return;
    if (ts.isObjectLiteralExpression(arg)) {
      const { value, propSpans } = this.configs.evaluateObject(arg);
      layer.config = value;
      layer.configProps = propSpans;
      layer.configLiteralSpan = spanOf(arg);
    } else {
      const value = this.configs.evaluate(arg);
      layer.config = isConfigObject(value) ? value : UNKNOWN;
    }
    if (layer.kind === 'wrapper') {
      const inner = layer.config === UNKNOWN ? UNKNOWN : layer.config.props.layer;
      if (isLayerRef(inner)) {
        layer.inner = inner.index;
        this.layers[inner.index].wrappedBy = layer.index;
      } else {
        layer.inner = UNKNOWN;
      }
    }
  }

  inputFor(call: ts.CallExpression): number {
    const existing = this.inputByCall.get(call);
    if (existing !== undefined) return existing;
    const index = this.inputs.length;
    this.inputByCall.set(call, index);
    const arg = call.arguments[0];
    let config: InputNode['config'] = 'absent';
    if (arg && ts.isObjectLiteralExpression(arg)) config = this.configs.evaluateObject(arg).value;
    else if (arg) config = UNKNOWN;
    this.inputs.push({ index, span: spanOf(call), config });
    return index;
  }

  noteApplyArgs(layer: number, args: TensorRef[]): void {
    const seen = this.applyArgs.get(layer) ?? [];
    if (!seen.some((s) => JSON.stringify(s) === JSON.stringify(args))) seen.push(args);
    this.applyArgs.set(layer, seen);
  }

  /** One `.apply()` of `layer` met by the flow; `result` is the tensor value it returns. */
  noteApplication(layer: number, args: TensorRef[], result: object): void {
    const list = this.applications.get(layer) ?? [];
    list.push(args);
    this.applications.set(layer, list);
    this.tensorNodes.set(result, { kind: 'layer', index: layer, node: list.length - 1 });
  }

  /** A model applied as a layer (`encoder.apply(x)`); `result` is the tensor value it returns. */
  noteModelApplication(model: number, args: TensorRef[], result: object): void {
    const list = this.modelApplications.get(model) ?? [];
    list.push(args);
    this.modelApplications.set(model, list);
    this.tensorNodes.set(result, { kind: 'model', index: model, node: list.length - 1 });
  }

  /** A model appended to a sequential model as a layer (`combined.add(generator)`). */
  noteAddedModel(model: number, nested: number, inLoop: boolean): void {
    (this.models[model].adds ??= []).push({ layer: -1, model: nested, ...(inLoop ? { inLoop } : {}) });
  }

  /** Which application of which layer or model made this tensor value, if one did. */
  nodeOfTensor(value: object): TensorNode | undefined {
    return this.tensorNodes.get(value);
  }

  /** A functional model's `inputs` or `outputs`, in the order written. */
  noteModelTensors(model: number, key: 'inputs' | 'outputs', refs: TensorRef[]): void {
    this.models[model][key] = refs;
  }

  noteCreated(layer: number, inLoop: boolean): void {
    this.created.set(layer, (this.created.get(layer) ?? 0) + 1);
    if (inLoop) this.createdInLoop.add(layer);
  }

  modelFor(node: ts.Node, style: ModelStyle, name: string, span: Span = spanOf(node)): number {
    const existing = this.modelByNode.get(node);
    if (existing !== undefined) return existing;
    const index = this.models.length;
    this.modelByNode.set(node, index);
    this.models.push({
      index, name, style, span, layers: [], complete: true,
      layerSet: new Set(), outputLayers: new Set(),
    });
    return index;
  }

  setStyle(model: number, style: ModelStyle): void {
    this.models[model].style = style;
  }

  markIncomplete(model: number): void {
    this.models[model].complete = false;
  }

  /** `compile({...})` called on the model: the first one the flow meets is kept. */
  noteCompile(model: number, config: ts.Expression | undefined): void {
    const record = this.models[model];
    if (record.compile) return;
    const compile = readCompileArgs(config, (e) => this.configs.evaluate(e));
    if (compile) record.compile = compile;
  }

  addToModel(model: number, layer: number): void {
    const record = this.models[model];
    if (!record.layerSet.has(layer)) {
      record.layerSet.add(layer);
      record.layers.push(layer);
    }
  }

  /** One append to a sequential model, in the order the flow met it: a layer, or alternatives (`c ? a : b`). */
  noteAdded(model: number, layers: number[], inLoop: boolean): void {
    const record = this.models[model];
    (record.adds ??= []).push({
      layer: layers[0], ...(inLoop ? { inLoop } : {}), ...(layers.length > 1 ? { alternatives: layers } : {}),
    });
  }

  connect(from: number, to: number): void {
    if (!this.succ.has(from)) this.succ.set(from, new Set());
    if (!this.pred.has(to)) this.pred.set(to, new Set());
    this.succ.get(from)!.add(to);
    this.pred.get(to)!.add(from);
  }

  markEscaped(layer: number): void {
    this.escaped.add(layer);
  }

  markPrevUnknown(layer: number): void {
    this.prevUnknown.add(layer);
  }

  setSite(layer: number, site: LayerSite): void {
    if (!this.layers[layer].site) this.layers[layer].site = site;
  }

  noteApplySite(layer: number, site: LayerSite): void {
    const sites = this.applySites.get(layer) ?? [];
    if (!sites.some((s) => s.kind === 'apply' && site.kind === 'apply' && s.applyCall.start === site.applyCall.start)) {
      sites.push(site);
    }
    this.applySites.set(layer, sites);
  }

  recordOutputs(model: number, outputs: Iterable<number | 'start' | 'unknown'>): void {
    const record = this.models[model];
    for (const o of outputs) if (typeof o === 'number') record.outputLayers.add(o);
  }

  /** Functional model: the layers reachable backwards from its outputs. */
  collectFunctionalModel(model: number): void {
    const record = this.models[model];
    const stack = [...record.outputLayers];
    const seen = new Set<number>();
    while (stack.length) {
      const layer = stack.pop()!;
      if (seen.has(layer)) continue;
      seen.add(layer);
      if (this.prevUnknown.has(layer)) record.complete = false;
      for (const p of this.pred.get(layer) ?? []) stack.push(p);
    }
    for (const layer of [...seen].sort((a, b) => this.layers[a].span.start - this.layers[b].span.start)) {
      this.addToModel(model, layer);
    }
  }

  finish(): Pick<ModelGraph, 'models' | 'layers' | 'inputs'> {
    for (const record of this.models) {
      for (const layer of record.layers) {
        if (this.layers[layer].model === null) this.layers[layer].model = record.index;
      }
    }
    for (const layer of this.layers) this.finishLayer(layer);
    for (const layer of this.layers) this.inheritFromWrapper(layer);
    const models = this.models.map(({ index, name, style, span, layers, complete, compile, inputs, outputs, adds }): ModelNode => {
      const applications = this.modelApplications.get(index);
      return {
        index, name, style, span, layers, complete,
        ...(compile ? { compile } : {}), ...(inputs ? { inputs } : {}), ...(outputs ? { outputs } : {}),
        ...(adds && style !== 'functional' ? { adds } : {}), ...(applications ? { applications } : {}),
      };
    });
    return inSourceOrder(models, this.layers, this.inputs);
  }

  private finishLayer(layer: LayerNode): void {
    const index = layer.index;
    const next = [...(this.succ.get(index) ?? [])];
    const record = layer.model === null ? undefined : this.models[layer.model];
    const isModelOutput = !!record && record.outputLayers.has(index);
    if (isModelOutput) {
      const sureOfEnd = record.complete || record.style === 'functional';
      layer.isOutput = next.length === 0 && sureOfEnd ? true : UNKNOWN;
    } else if (next.length > 0 && !this.escaped.has(index)) {
      layer.isOutput = false;
    } else {
      layer.isOutput = UNKNOWN;
    }
    layer.next = this.escaped.has(index) || (next.length === 0 && !isModelOutput) ? UNKNOWN : next;
    layer.prev = this.prevUnknown.has(index) ? UNKNOWN : [...(this.pred.get(index) ?? [])];
    const args = this.applyArgs.get(index);
    if (args) layer.applyArgs = args.length === 1 ? args[0] : UNKNOWN;
    const applications = this.applications.get(index);
    if (applications) layer.applications = applications;
    const created = this.created.get(index);
    if (created !== undefined) layer.created = created;
    if (this.createdInLoop.has(index)) layer.createdInLoop = true;
    const applies = this.applySites.get(index);
    if (applies?.length === 1) this.setSite(index, applies[0]);
    if (!layer.site) layer.site = { kind: 'other' };
  }

  /** A wrapped layer sits where its wrapper sits: same model, successors and output role. */
  private inheritFromWrapper(layer: LayerNode): void {
    if (layer.wrappedBy === null) return;
    const wrapper = this.layers[layer.wrappedBy];
    layer.model = wrapper.model;
    layer.next = wrapper.next;
    layer.prev = wrapper.prev;
    layer.isOutput = wrapper.isOutput;
  }
}

/** Layers numbered by position in the file, whatever order the interpreter met them. */
function inSourceOrder(
  models: ModelNode[], layers: LayerNode[], inputs: InputNode[],
): Pick<ModelGraph, 'models' | 'layers' | 'inputs'> {
  const sorted = [...layers].sort((a, b) => a.span.start - b.span.start);
  const newIndex = new Map<number, number>(sorted.map((layer, i) => [layer.index, i]));
  const map = (i: number): number => newIndex.get(i)!;
  const mapList = <T>(v: number[] | T): number[] | T => (Array.isArray(v) ? v.map(map) : v);
  const sortedInputs = [...inputs].sort((a, b) => a.span.start - b.span.start);
  const newInput = new Map<number, number>(sortedInputs.map((input, i) => [input.index, i]));
  sortedInputs.forEach((input, i) => { input.index = i; });
  const sortedModels = [...models].sort((a, b) => a.span.start - b.span.start);
  const newModel = new Map<number, number>(sortedModels.map((m, i) => [m.index, i]));
  const mapRef = (ref: TensorRef): TensorRef => (ref === UNKNOWN ? ref
    : ref.kind === 'layer' ? { ...ref, index: map(ref.index) }
    : ref.kind === 'model' ? { ...ref, index: newModel.get(ref.index)! } : { kind: ref.kind, index: newInput.get(ref.index)! });
  for (const layer of sorted) {
    layer.index = map(layer.index);
    if (Array.isArray(layer.applyArgs)) layer.applyArgs = layer.applyArgs.map(mapRef);
    if (layer.applications) layer.applications = layer.applications.map((args) => args.map(mapRef));
    layer.next = mapList(layer.next);
    layer.prev = mapList(layer.prev);
    if (layer.wrappedBy !== null) layer.wrappedBy = map(layer.wrappedBy);
    if (typeof layer.inner === 'number') layer.inner = map(layer.inner);
    if (layer.config !== UNKNOWN && layer.config !== 'absent') remapLayerRefs(layer.config, map);
  }
  for (const model of models) {
    model.layers = model.layers.map(map);
    if (model.inputs) model.inputs = model.inputs.map(mapRef);
    if (model.outputs) model.outputs = model.outputs.map(mapRef);
    if (model.adds) {
      model.adds = model.adds.map((a) => (a.model !== undefined ? { ...a, model: newModel.get(a.model)! }
        : { ...a, layer: map(a.layer), ...(a.alternatives ? { alternatives: a.alternatives.map(map) } : {}) }));
    }
    if (model.applications) model.applications = model.applications.map((args) => args.map(mapRef));
  }
  for (const model of sortedModels) model.index = newModel.get(model.index)!;
  for (const layer of sorted) if (layer.model !== null) layer.model = newModel.get(layer.model)!;
  return { models: sortedModels, layers: sorted, inputs: sortedInputs };
}

function remapLayerRefs(value: unknown, map: (i: number) => number): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v) => remapLayerRefs(v, map));
    return;
  }
  const v = value as { kind?: string; index?: number; props?: Record<string, unknown> };
  if (v.kind === 'layer' && typeof v.index === 'number') v.index = map(v.index);
  if (v.kind === 'object' && v.props) Object.values(v.props).forEach((p) => remapLayerRefs(p, map));
}

export function spanOf(node: ts.Node): Span {
  return { start: node.getStart(), end: node.getEnd() };
}
