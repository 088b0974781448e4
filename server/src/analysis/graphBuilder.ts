// Accumulates layers, models and data-flow edges while the interpreter runs, then turns
// them into the plain ModelGraph. Node creation is keyed by syntax node, so evaluating
// the same call twice (loops, helpers called twice) never creates a second layer.
import { readCompileArgs } from './compileArgs';
import { ConfigEvaluator, type ConfigContext } from './configValues';
import { layerKindOf } from './layerCatalog';
import type {
  ConfigObject, DefaultedConfig, InputNode, LayerNode, LayerSite, ModelGraph, ModelNode, ModelStyle, Origin, PropertySpan,
  Span, TensorRef, Unknown,
} from './modelGraph';
import { isConfigObject, isLayerRef, UNKNOWN } from './modelGraph';
import { ts } from './parse';
import type { Scopes } from './scopes';
import { skipOuterExpressions, type TfjsClassifier } from './tfjsBindings';

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

/** Past this many layer nodes, helper calls and loop iterations no longer get nodes of their own. */
const MAX_CONTEXT_LAYERS = 3000;

export class GraphBuilder {
  readonly layers: LayerNode[] = [];
  private readonly models: ModelRecord[] = [];
  /** Layer nodes by factory call, then by context (see `context`). */
  private readonly layerByCall = new Map<ts.CallExpression, Map<string, number>>();
  private readonly modelByNode = new Map<ts.Node, Map<string, number>>();
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
  private readonly inputByCall = new Map<ts.CallExpression, Map<string, number>>();
  private readonly configs: ConfigEvaluator;
  private readonly ctx: ConfigContext;
  /**
   * Where the interpreter is: the helper call sites and unrolled loop iterations it is inside
   * ('' at a root). A factory call met in two contexts (`block(64)`, `block(32)`) is two
   * tfjs layers, so it gets two nodes, each with the config of its own context.
   */
  private contextKey = '';
  /**
   * Set while the interpreter runs code of another module entered from this file: the node
   * here that leads there (the imported helper's call, the class extending an imported one).
   * Elements built there are placed at it, and keep where they really are as their origin.
   */
  private entry: ts.Node | undefined;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    readonly scopes: Scopes,
    readonly tfjs: TfjsClassifier,
  ) {
    this.ctx = {
      scopes,
      tfjs,
      layerForCall: (call) => {
        const entity = tfjs.classify(call.expression);
        return entity?.kind === 'layerFactory' ? this.layerFor(call, entity.factory) : undefined;
      },
    };
    this.configs = new ConfigEvaluator(this.ctx);
  }

  /** What the interpreter knows of identifiers and `this.x` where configs are read. */
  setLookup(lookup: ConfigContext['lookup']): void {
    this.ctx.lookup = lookup;
  }

  /** Runs `body` as entered through `node` of this file (the first entry wins). */
  inEntry<T>(node: ts.Node, body: () => T): T {
    if (this.entry !== undefined) return body();
    this.entry = node;
    try {
      return body();
    } finally {
      this.entry = undefined;
    }
  }

  /** Whether the interpreter is running code entered from this file into another module. */
  get isExternalRun(): boolean {
    return this.entry !== undefined;
  }

  /** Whether `node` is another module's code (only ever while entered from this file). */
  isExternal(node: ts.Node): boolean {
    return this.entry !== undefined && fileOf(node) !== this.sourceFile;
  }

  /** Where an element built at `node` (named by `nameNode`) shows in this file, and its origin. */
  private placement(node: ts.Node, nameNode: ts.Node): { span: Span; nameSpan: Span; origin?: Origin } {
    if (!this.isExternal(node)) return { span: spanOf(node), nameSpan: spanOf(nameNode) };
    const entry = this.entry!;
    const file = fileOf(node);
    const line = file.getLineAndCharacterOfPosition(nameNode.getStart()).line + 1;
    return {
      span: spanOf(entry),
      nameSpan: spanOf(nameOfEntry(entry)),
      origin: { file: file.fileName, span: spanOf(node), nameSpan: spanOf(nameNode), line },
    };
  }

  /** Runs `body` inside one more context (a helper call site, a loop iteration). */
  inContext<T>(key: string, body: () => T): T {
    const saved = this.contextKey;
    if (this.layers.length < MAX_CONTEXT_LAYERS) this.contextKey = saved === '' ? key : `${saved}/${key}`;
    try {
      return body();
    } finally {
      this.contextKey = saved;
    }
  }

  /** The config evaluator, for values the interpreter reads the way configs are read. */
  get configEvaluator(): ConfigEvaluator {
    return this.configs;
  }

  /** Whether a node exists for this call in any context. */
  hasLayerFor(call: ts.CallExpression): boolean {
    return this.layerByCall.has(call);
  }

  layerFor(call: ts.CallExpression, factory: string): number {
    const byContext = this.layerByCall.get(call) ?? new Map<string, number>();
    this.layerByCall.set(call, byContext);
    const existing = byContext.get(this.contextKey);
    if (existing !== undefined) {
      // Met again in the same context (a loop's second pass): what differs is not known.
      this.rejoinConfig(this.layers[existing], call);
      return existing;
    }
    const index = this.layers.length;
    byContext.set(this.contextKey, index);
    const callee = call.expression;
    const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    const placed = this.placement(call, nameNode);
    const layer: LayerNode = {
      index,
      factory,
      kind: layerKindOf(factory) ?? 'other',
      span: placed.span,
      nameSpan: placed.nameSpan,
      // A layer built elsewhere is written there: nothing here to rewrite in its style.
      calleeSpan: placed.origin ? placed.nameSpan : spanOf(callee),
      calleePrefix: placed.origin ? '' : this.sourceFile.text.slice(callee.getStart(), nameNode.getStart()),
      config: 'absent',
      configProps: {},
      model: null,
      next: UNKNOWN,
      prev: UNKNOWN,
      isOutput: UNKNOWN,
      wrappedBy: null,
      inner: null,
    };
    if (placed.origin) layer.origin = placed.origin;
    this.layers.push(layer);
    this.resolveConfig(layer, call);
    if (placed.origin) {
      // Spans of the other file's config text mean nothing here.
      layer.configProps = {};
      delete layer.configLiteralSpan;
    }
    return index;
  }

  private resolveConfig(layer: LayerNode, call: ts.CallExpression): void {
    const arg = call.arguments[0];
    if (!arg) return;
    const { config, propSpans, literalSpan, withDefaults } = this.readConfig(arg);
    layer.config = config;
    if (propSpans) layer.configProps = propSpans;
    if (literalSpan) layer.configLiteralSpan = literalSpan;
    if (withDefaults) layer.withDefaults = withDefaults;
    if (layer.kind === 'wrapper') {
      const inner = layer.config === UNKNOWN ? UNKNOWN : layer.config.props.layer;
      if (isLayerRef(inner)) {
        layer.inner = inner.index;
        this.layers[inner.index].wrappedBy = layer.index;
      } else {
        layer.inner = UNKNOWN;
      }
    }
    for (const cell of this.cellsOf(layer) ?? []) this.layers[cell].wrappedBy = layer.index;
  }

  /**
   * The cells an `rnn({cell})` or `stackedRNNCells({cells})` holds, in order (`cell` may be
   * one cell, a list, or a stackedRNNCells); undefined when they are not all known layers.
   */
  private cellsOf(layer: LayerNode): number[] | undefined {
    const key = layer.factory === 'rnn' ? 'cell' : layer.factory === 'stackedRNNCells' ? 'cells' : undefined;
    if (!key || layer.config === UNKNOWN || layer.config === 'absent') return undefined;
    const value = layer.config.props[key];
    const list = isLayerRef(value) ? [value] : Array.isArray(value) && value.every(isLayerRef) ? value : undefined;
    return list?.map((ref) => (ref as { index: number }).index);
  }

  /** An rnn's cells in data-flow order, stacked cells flattened. */
  private flatCells(layer: LayerNode, seen = new Set<number>()): number[] {
    const out: number[] = [];
    for (const cell of this.cellsOf(layer) ?? []) {
      if (seen.has(cell)) continue;
      seen.add(cell);
      const node = this.layers[cell];
      if (node.factory === 'stackedRNNCells') out.push(...this.flatCells(node, seen));
      else out.push(cell);
    }
    return out;
  }

  /**
   * Cells run one after the other inside their rnn: each feeds the next, the last feeds
   * what follows the rnn (tfjs recurrent.ts: a list of cells becomes StackedRNNCells).
   */
  private chainCells(rnn: LayerNode): void {
    const cells = this.flatCells(rnn);
    cells.forEach((cell, i) => {
      const node = this.layers[cell];
      node.model = rnn.model;
      node.prev = i === 0 ? rnn.prev : [cells[i - 1]];
      const last = i === cells.length - 1;
      node.next = last ? rnn.next : [cells[i + 1]];
      node.isOutput = last ? rnn.isOutput : false;
    });
  }

  /** A config argument as rules see it, and with builder-parameter defaults when any fed in. */
  private readConfig(arg: ts.Expression): {
    config: ConfigObject | Unknown;
    propSpans?: Record<string, PropertySpan>;
    literalSpan?: Span;
    withDefaults?: DefaultedConfig;
  } {
    const read = (): { value: ConfigObject | Unknown; propSpans?: Record<string, PropertySpan> } => {
      if (ts.isObjectLiteralExpression(arg)) return this.configs.evaluateObject(arg);
      const value = this.configs.evaluate(arg);
      return { value: isConfigObject(value) ? value : UNKNOWN };
    };
    const { plain, withDefaults } = this.configs.withAndWithoutDefaults(read);
    const defaulted = withDefaults && isConfigObject(withDefaults.value.value)
      ? { config: withDefaults.value.value, params: withDefaults.params }
      : undefined;
    return {
      config: plain.value,
      propSpans: plain.propSpans,
      literalSpan: ts.isObjectLiteralExpression(arg) ? spanOf(arg) : undefined,
      withDefaults: defaulted,
    };
  }

  /** The same call read again in the same context: keys whose values differ become UNKNOWN. */
  private rejoinConfig(layer: LayerNode, call: ts.CallExpression): void {
    const arg = call.arguments[0];
    if (!arg || layer.config === UNKNOWN || layer.config === 'absent') return;
    const again = this.readConfig(arg).config;
    if (again === UNKNOWN) {
      layer.config = UNKNOWN;
      return;
    }
    const props = layer.config.props;
    for (const key of new Set([...Object.keys(props), ...Object.keys(again.props)])) {
      if (JSON.stringify(props[key]) !== JSON.stringify(again.props[key])) props[key] = UNKNOWN;
    }
    layer.config.complete &&= again.complete;
  }

  inputFor(call: ts.CallExpression): number {
    const byContext = this.inputByCall.get(call) ?? new Map<string, number>();
    this.inputByCall.set(call, byContext);
    const existing = byContext.get(this.contextKey);
    if (existing !== undefined) return existing;
    const index = this.inputs.length;
    byContext.set(this.contextKey, index);
    const arg = call.arguments[0];
    const placed = this.placement(call, call.expression);
    const input: InputNode = { index, span: placed.span, config: 'absent' };
    if (placed.origin) input.origin = placed.origin;
    if (arg) {
      const { config, withDefaults } = this.readConfig(arg);
      input.config = config;
      if (withDefaults) input.withDefaults = withDefaults;
    }
    this.inputs.push(input);
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
    const byContext = this.modelByNode.get(node) ?? new Map<string, number>();
    this.modelByNode.set(node, byContext);
    // A class is one model whatever calls its methods.
    const context = ts.isClassLike(node) ? '' : this.contextKey;
    const existing = byContext.get(context);
    if (existing !== undefined) return existing;
    const index = this.models.length;
    byContext.set(context, index);
    const placed = this.placement(node, node);
    // Built elsewhere: named as this file names it (the variable it lands in, the class).
    if (placed.origin) name = ts.isIdentifier(this.entry!) ? this.entry!.text : nameAtCall(this.entry!) ?? name;
    const record: ModelRecord = {
      index, name, style, span: placed.origin ? placed.span : span, layers: [], complete: true,
      layerSet: new Set(), outputLayers: new Set(),
    };
    if (placed.origin) record.origin = placed.origin;
    this.models.push(record);
    return index;
  }

  setStyle(model: number, style: ModelStyle): void {
    this.models[model].style = style;
  }

  /** Whether the model was constructed by code inside `container` (a class whose members build it). */
  modelBuiltIn(model: number, container: ts.Node): boolean {
    for (const [node, byContext] of this.modelByNode) {
      if (![...byContext.values()].includes(model)) continue;
      return node === container ||
        (fileOf(node) === fileOf(container) && node.pos >= container.pos && node.end <= container.end);
    }
    return false;
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
    const kept = this.withoutRepeatedModels();
    for (const record of kept) {
      for (const layer of record.layers) {
        if (this.layers[layer].model === null) this.layers[layer].model = record.index;
      }
    }
    const keptLayers = this.layersOutside(this.models.filter((m) => !kept.includes(m)), kept);
    for (const layer of this.layers) this.finishLayer(layer);
    for (const layer of this.layers) this.inheritFromWrapper(layer);
    for (const layer of this.layers) if (layer.factory === 'rnn' && layer.wrappedBy === null) this.chainCells(layer);
    const models = kept.map(({ index, name, style, span, layers, complete, compile, origin, inputs, outputs, adds }): ModelNode => {
      const model: ModelNode = { index, name, style, span, layers, complete };
      if (compile) model.compile = compile;
      if (origin) model.origin = origin;
      // For the trainer: a functional model's tensors, a sequential model's appends, the model applied as a layer.
      if (inputs) model.inputs = inputs;
      if (outputs) model.outputs = outputs;
      if (adds && style !== 'functional') model.adds = adds;
      const applications = this.modelApplications.get(index);
      if (applications) model.applications = applications;
      return model;
    });
    return inSourceOrder(models, this.layers.filter((l) => keptLayers.has(l.index)), this.inputs);
  }

  /**
   * A builder called from two places (an online and a target network, a constructor and a
   * `copy()`) builds the same model twice: it is one model in the graph, the first one.
   */
  private withoutRepeatedModels(): ModelRecord[] {
    const seen = new Set<string>();
    // Only a model built at a span another model shares can repeat it: the rest skip the key.
    const atSpan = new Map<number, number>();
    for (const m of this.models) atSpan.set(m.span.start, (atSpan.get(m.span.start) ?? 0) + 1);
    return this.models.filter((m) => {
      if (atSpan.get(m.span.start) === 1) return true;
      const position = new Map(m.layers.map((l, i) => [l, i]));
      const layers = m.layers.map((l) => {
        const layer = this.layers[l];
        const next = [...this.succ.get(l) ?? []].map((n) => position.get(n) ?? 'x');
        return [layer.span.start, layer.factory, layer.config, next];
      });
      const key = JSON.stringify([m.span.start, m.style, m.complete, layers]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Every layer but those only the dropped models hold. */
  private layersOutside(dropped: ModelRecord[], kept: ModelRecord[]): Set<number> {
    const keep = new Set(this.layers.map((l) => l.index));
    if (dropped.length === 0) return keep;
    const inKept = new Set(kept.flatMap((m) => m.layers));
    const wrappedBy = new Map<number, number[]>();
    for (const other of this.layers) {
      if (other.wrappedBy === undefined || other.wrappedBy === null) continue;
      const list = wrappedBy.get(other.wrappedBy as number);
      if (list) list.push(other.index);
      else wrappedBy.set(other.wrappedBy as number, [other.index]);
    }
    for (const m of dropped) {
      for (const l of m.layers) {
        if (inKept.has(l)) continue;
        keep.delete(l);
        // and the layers it wraps
        for (const wrapped of wrappedBy.get(l) ?? []) keep.delete(wrapped);
      }
    }
    return keep;
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
  // -1: a layer left out (it belonged only to a repeated model); lists drop it.
  const map = (i: number): number => newIndex.get(i) ?? -1;
  const mapList = <T>(v: number[] | T): number[] | T => (Array.isArray(v) ? v.map(map).filter((i) => i >= 0) : v);
  const sortedInputs = [...inputs].sort((a, b) => a.span.start - b.span.start);
  const newInput = new Map<number, number>(sortedInputs.map((input, i) => [input.index, i]));
  sortedInputs.forEach((input, i) => { input.index = i; });
  const sortedModels = [...models].sort((a, b) => a.span.start - b.span.start);
  const newModel = new Map<number, number>(sortedModels.map((m, i) => [m.index, i]));
  // A layer or model left out (it belonged only to a repeated model) is a tensor the graph no longer follows.
  const mapRef = (ref: TensorRef): TensorRef => (ref === UNKNOWN ? ref
    : ref.kind === 'layer' ? (map(ref.index) < 0 ? UNKNOWN : { ...ref, index: map(ref.index) })
    : ref.kind === 'model' ? (newModel.has(ref.index) ? { ...ref, index: newModel.get(ref.index)! } : UNKNOWN)
    : { kind: ref.kind, index: newInput.get(ref.index)! });
  for (const layer of sorted) {
    layer.index = map(layer.index);
    if (Array.isArray(layer.applyArgs)) layer.applyArgs = layer.applyArgs.map(mapRef);
    if (layer.applications) layer.applications = layer.applications.map((args) => args.map(mapRef));
    layer.next = mapList(layer.next);
    layer.prev = mapList(layer.prev);
    if (layer.wrappedBy !== null) layer.wrappedBy = map(layer.wrappedBy) >= 0 ? map(layer.wrappedBy) : null;
    if (typeof layer.inner === 'number') layer.inner = map(layer.inner) >= 0 ? map(layer.inner) : UNKNOWN;
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

function fileOf(node: ts.Node): ts.SourceFile {
  let n = node;
  while (n.parent) n = n.parent;
  return n as ts.SourceFile;
}

/** `const model = build(13)` → `model`; undefined when the call's value is not stored by name. */
function nameAtCall(call: ts.Node): string | undefined {
  let node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAwaitExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return parent.left.getText();
  if (ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return undefined;
}

/** The name to point at for an entry: the helper's name in a call, a class's name. */
function nameOfEntry(entry: ts.Node): ts.Node {
  if (ts.isCallExpression(entry)) {
    const callee = skipOuterExpressions(entry.expression);
    return ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  }
  return entry;
}

export function spanOf(node: ts.Node): Span {
  return { start: node.getStart(), end: node.getEnd() };
}
