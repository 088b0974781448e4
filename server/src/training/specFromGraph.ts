// ModelGraph → ModelSpec without running the file: partial evaluation instead of refusal.
// What the code fixes is built as written. What it does not (a parameter, a value computed
// at run time, an import) is decided per key by configKeys.ts: left out when it does not
// change what is measured, taken from the user (`values`: --set, the editor), the setting
// or the data file, or a stated default; every such value is listed in
// `spec.assumptions`. Only what would make a verdict a guess (an unknown regularizer, an
// unfollowed tensor, one call site building several layers) stops the build, with a
// reason that names the layer, its line, the key and the expression.
//
// Sequential models are chains; a loop body (its layers built more than once) is built
// `repeat` times (default 1, stated), a conditionally added layer is built (stated).
// Functional models are DAGs of any shape: several inputs and outputs, merges, shared
// layers (the graph's `applications`), each layer with its inbound tensors.
import type { ConfigValue, InputNode, LayerNode, ModelGraph, ModelNode, Span, TensorRef } from '../analysis/modelGraph';
import { UNKNOWN } from '../analysis/modelGraph';
import type { UserValues } from './assumptions';
import { linkSameExpressions, regularizerFrom } from './assumptions';
import { DEFAULT_INPUT_DIM, DEFAULT_VOCAB, defaultFor, keyRole } from './configKeys';
import { asGraphSpec } from './specTopology';
import {
  lineAt, literalShape, type AssumedValue, type Assumption, type CompileSpec, type DroppedKey, type InputSpec,
  type LayerSpec, type ModelSpec, type RegularizerSpec, type SpecRef, type SpecValue,
} from './modelSpec';

export interface SpecOptions {
  /** The file's text, for line numbers and the expressions in reasons. */
  text?: string;
  /** Input shape (no batch dim) when the code does not fix the (first) input's: reglint.train.inputShape. */
  inputShape?: number[];
  /** Instead of what the program's compile() says (the graph's model.compile). */
  compile?: CompileSpec;
  /** The user's values for what the code does not fix (`dense_2.units` → 64): --set, the editor. */
  values?: UserValues;
}

export type SpecResult =
  | { ok: true; spec: ModelSpec; unusedValues?: string[] }
  /** `needs`: values that, given (--set, the editor), would let it build; `assumptions`: those made before it stopped. */
  | { ok: false; reason: string; needs?: Assumption[]; assumptions?: Assumption[] };

/** Where a layer's input comes from, in graph terms (before labels). */
type GraphRef = { input: number } | { layer: number; node: number } | { nested: number };

/** A model applied as a layer inside the one being built (`encoder.apply(x)`). */
interface NestedApplication {
  model: number;
  node: number;
  args: GraphRef[];
}

/** What a builder and the builders of its nested models share: one label space, one report. */
interface Shared {
  assumptions: Assumption[];
  dropped: DroppedKey[];
  /** Why it cannot be built (all of them, not just the first). */
  blockers: string[];
  needs: Assumption[];
  labels: Map<number, string>;
  counts: Record<string, number>;
  usedValues: Set<string>;
  /** Nested models already spliced in: their layers (by graph model index) and applications so far. */
  spliced: Map<number, { spec: ModelSpec; layers: LayerSpec[]; applications: number }>;
}

interface Topology {
  /** Top-level layers in build order (wrapped layers excluded). */
  order: LayerNode[];
  /** Functional: each layer's applications, graph refs; absent for chains. */
  inbound?: Map<number, GraphRef[][]>;
  /** Functional: every application in build order (spec node numbers), nested model applications included. */
  appOrder?: ({ layer: number; node: number } | { nested: number })[];
  nested?: NestedApplication[];
  /** Functional: layers one call builds once per application (a helper called several times): one spec layer per application. */
  instanced?: Set<number>;
  /** Graph input indices in the model's order (functional). */
  inputs: number[];
  outputs?: GraphRef[];
  /** Chain: the `inputLayer` that starts it, if one does. */
  inputLayer?: LayerNode;
  /** Chain: the appends in order (a layer appended twice appears twice); `loop`: the loop body it belongs to. */
  sequence?: Append[];
}

/** One append of a chain: a layer (or one of several, by a condition), maybe in a loop body. */
interface Append {
  layer: number;
  loop?: number;
  alternatives?: number[];
}

class Blocked extends Error {}

export function specFromGraph(graph: ModelGraph, modelIndex: number, opts: SpecOptions = {}): SpecResult {
  if (graph.fatal) return { ok: false, reason: `the file could not be analysed: ${graph.fatal}` };
  const model = graph.models[modelIndex];
  if (!model) return { ok: false, reason: `no model #${modelIndex} in ${graph.fileName}` };
  return new SpecBuilder(graph, model, opts).build();
}

class SpecBuilder {
  private readonly assumptions: Assumption[];
  private readonly dropped: DroppedKey[];
  private readonly blockers: string[];
  private readonly needs: Assumption[];
  private readonly labels: Map<number, string>;
  private readonly counts: Record<string, number>;
  private readonly usedValues: Set<string>;
  private readonly shared: Shared;

  /** `outer`: this model is nested in another being built (its inputs are the outer tensors). */
  constructor(
    private readonly graph: ModelGraph,
    private readonly model: ModelNode,
    private readonly opts: SpecOptions,
    outer?: Shared,
    private readonly depth = 0,
  ) {
    this.shared = outer ?? {
      assumptions: [], dropped: [], blockers: [], needs: [], labels: new Map(), counts: {}, usedValues: new Set(), spliced: new Map(),
    };
    ({ assumptions: this.assumptions, dropped: this.dropped, blockers: this.blockers, needs: this.needs,
      labels: this.labels, counts: this.counts, usedValues: this.usedValues } = this.shared);
  }

  private get nested(): boolean {
    return this.depth > 0;
  }

  build(): SpecResult {
    try {
      const spec = this.buildSpec();
      if (this.blockers.length) throw new Blocked(unique(this.blockers).join('; '));
      const unused = Object.keys(this.opts.values ?? {}).filter((k) => !this.usedValues.has(k));
      return { ok: true, spec: linkSameExpressions(spec), ...(unused.length ? { unusedValues: unused } : {}) };
    } catch (e) {
      if (e instanceof Blocked) {
        return {
          ok: false, reason: e.message,
          ...(this.needs.length ? { needs: this.needs } : {}), ...(this.assumptions.length ? { assumptions: this.assumptions } : {}),
        };
      }
      throw e;
    }
  }

  private buildSpec(): ModelSpec {
    if (this.depth > 4) throw new Blocked(`model ${this.model.name}: models nested more than 4 deep`);
    const topo = this.model.style === 'functional' ? this.functional() : this.chain();
    if (topo.order.length === 0 && !topo.nested?.length) throw new Blocked(`model ${this.model.name}${this.at(this.model.span)} has no layers the analysis could see (they are added by code it does not follow, e.g. in another file)`);
    return this.finish(topo);
  }

  // ---- topology ------------------------------------------------------------------------

  private chain(): Topology {
    if (!this.model.complete) throw new Blocked(this.incompleteReason());
    const sequence = loopBodiesOnce(this.appends(this.model, 0));
    const inputLayer = sequence.length && this.graph.layers[sequence[0].layer].factory === 'inputLayer'
      ? this.graph.layers[sequence.shift()!.layer] : undefined;
    const order = [...new Set(sequence.flatMap((e) => e.alternatives ?? [e.layer]))].map((i) => this.graph.layers[i]);
    return { order, inputs: [], inputLayer, sequence };
  }

  /** A chain's appends in order, a sequential model appended as a layer (`combined.add(generator)`) expanded into its own. */
  private appends(model: ModelNode, depth: number): NonNullable<ModelNode['adds']> {
    const top = (i: number) => this.graph.layers[i] && this.graph.layers[i].wrappedBy === null;
    if (!model.adds) return model.layers.filter(top).map((layer) => ({ layer }));
    const out: NonNullable<ModelNode['adds']> = [];
    for (const a of model.adds) {
      if (a.model === undefined) {
        if (top(a.layer)) out.push(a);
        continue;
      }
      const inner = this.graph.models[a.model];
      if (!inner || inner.style === 'functional' || !inner.complete || depth > 4) {
        throw new Blocked(`model ${model.name}${this.at(model.span)}: appends model ${inner?.name ?? '?'}, which is ` +
          (inner?.style === 'functional' ? 'functional (only sequential models are expanded into a sequential one)' : 'not fully known to the analysis'));
      }
      for (const e of this.appends(inner, depth + 1)) out.push(a.inLoop ? { ...e, inLoop: true } : e);
    }
    return out;
  }

  private functional(): Topology {
    const g = this.graph;
    // Labels in source order (dense_1 is the first dense written), before any reason names a layer.
    for (const i of [...this.model.layers].sort((a, b) => a - b)) {
      const l = g.layers[i];
      if (l.wrappedBy !== null) continue;
      this.label(l);
      if (typeof l.inner === 'number') this.label(g.layers[l.inner]);
    }
    const outs = this.model.outputs ?? g.layers
      .filter((l) => l.model === this.model.index && l.isOutput === true && l.wrappedBy === null)
      .map((l): TensorRef => ({ kind: 'layer', index: l.index }));
    if (outs.length === 0 || outs.includes(UNKNOWN)) {
      const written = propertyText(this.snippet(this.model.span, 400), 'outputs');
      throw new Blocked(`functional model ${this.model.name}${this.at(this.model.span)}: its outputs${written ? ` \`${written}\`` : ''} ` +
        `${outs.length > 1 ? 'include a tensor' : 'are tensors'} the analysis could not follow (a custom layer, an element of an array, a value from elsewhere)`);
    }
    const inputsSeen = new Set<number>();
    const problems: string[] = [];
    type Known = Exclude<TensorRef, 'unknown'>;
    /** The application a tensor ref names (graph numbering), or undefined after noting why it cannot be known. */
    const check = (ref: Known, reader: string): boolean => {
      if (ref.kind === 'input') {
        inputsSeen.add(ref.index);
        return true;
      }
      if (ref.kind === 'model') {
        const m = g.models[ref.index];
        if (!m?.applications?.[ref.node ?? 0]) {
          problems.push(`model ${m?.name ?? '?'} feeds ${reader}, applied to tensors the analysis could not follow`);
          return false;
        }
        return true;
      }
      const l = g.layers[ref.index];
      const apps = applicationsOf(l);
      const created = l.created ?? 1;
      if (created > 1 && (l.createdInLoop || created !== apps.length)) {
        problems.push(`${this.where(l)} is built ${l.createdInLoop ? 'in a loop (or a forEach/map callback)' : 'more than once by one call and applied a different number of times'}; ` +
          'the analysis keeps one node for all of them and does not count iterations, so the model\'s wiring is not known without running the code');
        return false;
      }
      if (apps.length === 0) {
        problems.push(`${this.where(l)} feeds ${reader} but is never applied to a tensor the analysis could follow`);
        return false;
      }
      if (ref.node === undefined && apps.length > 1) {
        problems.push(`${this.where(l)} is applied ${apps.length} times and the analysis cannot tell which result ${reader} reads`);
        return false;
      }
      return true;
    };
    const argsOf = (ref: Known): TensorRef[] => (ref.kind === 'model'
      ? g.models[ref.index].applications![ref.node ?? 0]
      : ref.kind === 'layer' ? applicationsOf(g.layers[ref.index])[ref.node ?? 0] : []);
    const nameOf = (ref: Known): string => (ref.kind === 'model' ? `model ${g.models[ref.index].name}` : ref.kind === 'layer' ? this.where(g.layers[ref.index]) : 'an input');

    // Every application the outputs need, and what they read.
    const seen = new Set<string>();
    const stack: { ref: TensorRef; reader: string }[] = outs.map((ref) => ({ ref, reader: 'the model output' }));
    while (stack.length) {
      const { ref, reader } = stack.pop()!;
      if (ref === UNKNOWN || !check(ref, reader) || ref.kind === 'input') continue;
      const key = `${ref.kind}${ref.index}#${ref.node ?? 0}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const args = argsOf(ref);
      args.forEach((a, i) => {
        if (a !== UNKNOWN) stack.push({ ref: a, reader: nameOf(ref) });
        else {
          const l = ref.kind === 'layer' ? g.layers[ref.index] : undefined;
          const arg = l?.site?.kind === 'apply' && args.length === 1 ? ` (\`${this.snippet(l.site.argSpan)}\`)` : args.length > 1 ? ` (argument ${i + 1})` : '';
          problems.push(`${nameOf(ref)} is applied to a tensor the analysis could not follow${arg}`);
        }
      });
    }
    if (problems.length) throw new Blocked(`functional model ${this.model.name}: ${unique(problems).join('; ')}`);

    // Applications → build order: every application after what it reads.
    const inbound = new Map<number, GraphRef[][]>();
    const nested: NestedApplication[] = [];
    const appOrder: NonNullable<Topology['appOrder']> = [];
    const made = new Map<string, GraphRef>(); // application key → the GraphRef of its output
    const order: LayerNode[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (ref: Known): GraphRef => {
      if (ref.kind === 'input') return { input: ref.index };
      const key = `${ref.kind}${ref.index}#${ref.node ?? 0}`;
      if (state.get(key) === 'done') return made.get(key)!;
      if (state.get(key) === 'visiting') throw new Blocked(`functional model ${this.model.name}: ${nameOf(ref)} reads its own output`);
      state.set(key, 'visiting');
      const args = argsOf(ref).map((a) => visit(a as Known));
      let out: GraphRef;
      if (ref.kind === 'model') {
        nested.push({ model: ref.index, node: ref.node ?? 0, args });
        out = { nested: nested.length - 1 };
        appOrder.push(out);
      } else {
        if (!inbound.has(ref.index)) {
          inbound.set(ref.index, []);
          order.push(g.layers[ref.index]);
        }
        const list = inbound.get(ref.index)!;
        out = { layer: ref.index, node: list.length };
        appOrder.push({ layer: ref.index, node: list.length });
        list.push(args);
      }
      made.set(key, out);
      state.set(key, 'done');
      return out;
    };
    const outputs = outs.map((o) => visit(o as Known));

    const declared = this.model.inputs?.every((r) => r !== UNKNOWN && r.kind === 'input')
      ? this.model.inputs.map((r) => (r as { index: number }).index) : undefined;
    const missing = [...inputsSeen].filter((i) => declared && !declared.includes(i));
    if (missing.length) {
      throw new Blocked(`functional model ${this.model.name}: ${missing.map((i) => `tf.input${this.at(g.inputs[i].span)}`).join(', ')} ` +
        'feeds its outputs but is not among its inputs (tfjs would refuse the graph as disconnected)');
    }
    const inputs = declared ?? [...inputsSeen].sort((a, b) => a - b);
    const instanced = new Set(order.filter((l) => (l.created ?? 1) > 1).map((l) => l.index));
    return { order, inbound, inputs, outputs, appOrder, instanced, nested };
  }

  private incompleteReason(): string {
    const lost = this.model.layers.map((i) => this.graph.layers[i]).find((l) => l && l.prev === UNKNOWN);
    const after = lost ? ` (before ${this.where(lost)})` : '';
    return `model ${this.model.name}${this.at(this.model.span)}: layers may be added where the analysis cannot see them${after}, ` +
      'e.g. by code in another file or a model passed in';
  }

  // ---- spec ----------------------------------------------------------------------------

  private finish(topo: Topology): ModelSpec {
    const functional = topo.inbound !== undefined;
    // Labels first, in build order (wrapped layers right after their wrapper), so the
    // labels users `--set` do not depend on what is assumed.
    for (const l of topo.order) {
      this.label(l);
      if (typeof l.inner === 'number') this.label(this.graph.layers[l.inner]);
    }
    const outputLayers = new Set<number>(functional
      ? (topo.outputs ?? []).flatMap((o) => ('layer' in o ? [o.layer] : []))
      : [topo.order[topo.order.length - 1].index]);
    let layers: LayerSpec[];
    let outputs: SpecRef[] | undefined;
    if (functional) {
      ({ layers, outputs } = this.wire(topo, outputLayers));
    } else {
      const plan = this.plan(topo.sequence!);
      if (plan.length === 0) throw new Blocked(`model ${this.model.name}${this.at(this.model.span)} has no layers the analysis could see (they are added by code it does not follow, e.g. in another file)`);
      const specs = new Map<number, LayerSpec>();
      const last = plan[plan.length - 1].layer;
      for (const p of plan) {
        if (!specs.has(p.layer)) specs.set(p.layer, this.layerSpec(this.graph.layers[p.layer], p.layer === last, p === plan[0]));
      }
      layers = plan.map((p) => (p.copy === 1 ? specs.get(p.layer)! : { ...specs.get(p.layer)!, label: `${specs.get(p.layer)!.label}~${p.copy}` }));
      topo.order = [this.graph.layers[plan[0].layer]]; // the chain's first layer, for chainInput
    }
    const inputs = functional
      ? topo.inputs.map((i, k) => this.inputSpec(this.graph.inputs[i], `input_${k + 1}`, layers, k))
      : [this.chainInput(topo)];
    if (this.blockers.length && !this.nested) throw new Blocked(unique(this.blockers).join('; '));
    const spec: ModelSpec = {
      name: this.model.name,
      style: this.model.style,
      line: this.lineOf(this.model.span),
      inputShape: inputs[0].shape,
      inputDtype: inputs[0].dtype,
      layers,
      assumptions: this.assumptions,
      dropped: this.dropped,
    };
    if (functional) {
      spec.inputs = inputs;
      spec.outputs = outputs;
    }
    const compile = this.opts.compile ?? this.model.compile;
    if (compile) spec.compile = { ...compile };
    return spec;
  }

  /**
   * A DAG's layers in application order, each with its inbound tensors. A layer one call
   * builds once per application (a helper called several times) becomes one spec layer per
   * application: `conv2d_1`, `conv2d_1~2`, ...
   */
  private wire(topo: Topology, outputLayers: Set<number>): { layers: LayerSpec[]; outputs: SpecRef[] } {
    const specs = new Map<number, LayerSpec>();
    const out: LayerSpec[] = [];
    const nestedOut = new Map<number, SpecRef>();
    const ref = (r: GraphRef): SpecRef => ('nested' in r ? nestedOut.get(r.nested)! : this.specRef(topo, r));
    for (const app of topo.appOrder!) {
      if ('nested' in app) {
        const n = topo.nested![app.nested];
        nestedOut.set(app.nested, this.splice(n.model, n.args.map(ref), out));
        continue;
      }
      const { layer, node } = app;
      const l = this.graph.layers[layer];
      if (!specs.has(layer)) specs.set(layer, this.layerSpec(l, outputLayers.has(layer), false));
      const base = specs.get(layer)!;
      const args = topo.inbound!.get(layer)![node].map(ref);
      if (topo.instanced!.has(layer)) out.push({ ...base, label: instanceLabel(base.label, node), inbound: [args] });
      else if (node === 0) out.push(Object.assign(base, { inbound: [args] }));
      else base.inbound!.push(args);
    }
    for (const layer of topo.instanced!) {
      const spec = specs.get(layer)!;
      this.assume({
        layer: spec.label, key: 'copies', value: topo.inbound!.get(layer)!.length, source: 'default', ...(spec.line ? { line: spec.line } : {}),
        why: 'one call builds it each time a helper runs (a helper called from several places); each copy is built with the config the analysis read there',
      });
    }
    return { layers: out, outputs: topo.outputs!.map(ref) };
  }

  /**
   * A model applied as a layer (`encoder.apply(x)`): its layers are built into this model,
   * applied to `args`; applied again, the same layers are applied again (shared weights, as
   * tfjs does). Returns its output tensor.
   */
  private splice(model: number, args: SpecRef[], into: LayerSpec[]): SpecRef {
    let entry = this.shared.spliced.get(model);
    if (!entry) {
      const sub = asGraphSpec(new SpecBuilder(this.graph, this.graph.models[model], this.opts, this.shared, this.depth + 1).buildSpec());
      entry = { spec: sub, layers: sub.layers.map((l) => ({ ...l, inbound: [] })), applications: 0 };
      this.shared.spliced.set(model, entry);
      into.push(...entry.layers);
    }
    const { spec: sub, layers } = entry;
    const k = entry.applications++;
    const nodes = new Map(sub.layers.map((l) => [l.label, l.inbound!.length]));
    const map = (r: SpecRef): SpecRef => ('input' in r ? args[r.input] : { layer: r.layer, node: (r.node ?? 0) + k * nodes.get(r.layer)! });
    sub.layers.forEach((l, i) => l.inbound!.forEach((a) => layers[i].inbound!.push(a.map(map))));
    const outputs = sub.outputs ?? [];
    if (outputs.length !== 1) {
      this.blockers.push(`model ${sub.name} is applied as a layer and has ${outputs.length} outputs; the analysis cannot tell which one is used`);
    }
    return map(outputs[0] ?? { input: 0 });
  }

  private specRef(topo: Topology, r: Exclude<GraphRef, { nested: number }>): SpecRef {
    if ('input' in r) return { input: topo.inputs.indexOf(r.input) };
    const label = this.labels.get(r.layer)!;
    return topo.instanced?.has(r.layer) ? { layer: instanceLabel(label, r.node), node: 0 } : { layer: label, node: r.node };
  }

  private label(l: LayerNode): string {
    const known = this.labels.get(l.index);
    if (known) return known;
    this.counts[l.factory] = (this.counts[l.factory] ?? 0) + 1;
    const label = `${l.factory}_${this.counts[l.factory]}`;
    this.labels.set(l.index, label);
    return label;
  }

  /** One layer's spec: its config partially evaluated. */
  private layerSpec(l: LayerNode, isOutput: boolean, firstInChain: boolean): LayerSpec {
    const label = this.label(l);
    const spec: LayerSpec = { kind: 'layer', factory: l.factory, layerKind: l.kind, config: {}, label, graphIndex: l.index, line: this.lineOf(l.nameSpan) };
    if (l.config === UNKNOWN) {
      this.blockers.push(`${this.where(l)}: its config \`${this.argText(l)}\` is not an object the analysis can read`);
      return spec;
    }
    if (l.config === 'absent') return spec;
    if (!l.config.complete) {
      this.blockers.push(`${this.where(l)}: its config \`${this.argText(l)}\` spreads or computes keys the analysis cannot read`);
      return spec;
    }
    const props = l.config.props;
    const activation = typeof props.activation === 'string' ? props.activation : undefined;
    for (const [key, v] of Object.entries(props)) {
      if (v === undefined) continue;
      const role = keyRole(l.factory, key);
      if (role === 'input' && firstInChain) continue; // the model input: chainInput()
      const value = this.keyValue(l, label, key, v, role, { isOutput, activation });
      if (value !== undefined) spec.config[key] = value;
    }
    if (isOutput && props.activation === UNKNOWN && !this.given(label, 'activation')) {
      // keyValue left it out; say what the output then is (it decides the task and loss).
      const a = this.assumptions.find((x) => x.layer === label && x.key === 'activation');
      if (a) Object.assign(a, { value: 'linear', ask: true, why: `${a.why}; the output is then linear (a regression)` });
    }
    return spec;
  }

  /** A config value: as written when known, else per its role (undefined: left out). */
  private keyValue(
    l: LayerNode, label: string, key: string, v: ConfigValue, role: ReturnType<typeof keyRole>,
    ctx: { isOutput: boolean; activation?: string },
  ): SpecValue | undefined {
    if (!hasUnknown(v)) return this.literal(v, l);
    const given = this.given(label, key);
    if (given !== undefined) return this.fromUser(l, label, key, given, role);
    const expression = this.expr(l, key);
    const base = { layer: label, key, line: this.lineOf(l.nameSpan), ...(expression ? { expression } : {}) };
    const unknownWhy = `\`${expression ?? key}\` is not known without running the code`;
    switch (role) {
      case 'ignored':
      case 'input': // on a layer that is not the model's first: tfjs reads it only there
        this.dropped.push({ ...base, why: role === 'input' ? 'tfjs reads input shapes only on a model\'s first layer' : 'it does not change what the sanity-train measures; tfjs\'s default applies' });
        return undefined;
      case 'vocab': {
        this.assume({ ...base, value: DEFAULT_VOCAB, source: 'default', fromData: 'tokens', why: `${unknownWhy}; token ids below ${DEFAULT_VOCAB} by default (a data file gives the real range)` });
        return DEFAULT_VOCAB;
      }
      case 'size':
      case 'rate': {
        if (Array.isArray(v)) return this.fillArray(l, label, key, v, base, unknownWhy);
        const d = defaultFor(l.factory, key, ctx.isOutput, ctx.activation);
        this.assume({
          ...base, value: d ?? null, source: 'default', ask: true,
          why: d === undefined ? `${unknownWhy}; left out (tfjs's default applies)` : unknownWhy,
          ...(ctx.isOutput && key === 'units' && ctx.activation === 'softmax' ? { fromData: 'classes' as const } : {}),
        });
        return d;
      }
      case 'regularizer': {
        if (isRegularizer(v) && !hasUnknown(v.factory)) return this.fillRegularizer(l, label, key, v, base);
        this.needs.push({ ...base, value: null, source: 'default', ask: true, why: unknownWhy });
        this.blockers.push(`${this.where(l)}: \`${key}\` is \`${expression ?? '?'}\`, which is not known without running the code ` +
          `and decides whether ${label} is regularized; give it with --set ${label}.${key}=${key.endsWith('Regularizer') ? 'l2(1e-4)|none' : '0.2|0'}`);
        return undefined;
      }
      case 'required':
        this.blockers.push(`${this.where(l)}: \`${key}\` is \`${expression ?? '?'}\`, which is not known without running the code, and tfjs needs it` +
          `; give it with --set ${label}.${key}=<value>`);
        return undefined;
      case 'behaviour':
        this.assume({ ...base, value: null, source: 'default', why: `${unknownWhy}; left out (tfjs's default applies)` });
        return undefined;
    }
  }

  private fromUser(l: LayerNode, label: string, key: string, given: AssumedValue, role: ReturnType<typeof keyRole>): SpecValue | undefined {
    const expression = this.expr(l, key);
    this.assume({ layer: label, key, line: this.lineOf(l.nameSpan), ...(expression ? { expression } : {}), value: given, source: 'user', why: 'given by the user' });
    if (given === null) return undefined;
    if (role === 'regularizer' && typeof given === 'string') {
      const r = regularizerFrom(given);
      if (!r) this.blockers.push(`${label}.${key}=${given}: not a regularizer (l1(f), l2(f), l1l2(f1,f2) or none)`);
      return r;
    }
    return given as SpecValue;
  }

  /** `[28, 28, channels]`, `kernelSize: [k, k]`: each unknown element gets the key's default. */
  private fillArray(l: LayerNode, label: string, key: string, v: ConfigValue[], base: Omit<Assumption, 'value' | 'why' | 'source'>, unknownWhy: string): SpecValue {
    const d = defaultFor(l.factory, key, false) ?? 1;
    const filled = v.map((e) => (hasUnknown(e) ? d : this.literal(e, l)));
    this.assume({ ...base, value: filled as AssumedValue, source: 'default', ask: true, why: unknownWhy });
    return filled;
  }

  /** `tf.regularizers.l2({l2: lambda})`: the regularizer is there; an unknown factor takes tfjs's own default (0.01). */
  private fillRegularizer(l: LayerNode, label: string, key: string, v: Extract<ConfigValue, { kind: 'regularizer' }>, base: Omit<Assumption, 'value' | 'why' | 'source'>): SpecValue {
    const r: RegularizerSpec = { kind: 'regularizer', factory: v.factory, form: v.form };
    const arg = v.arg;
    if (arg === UNKNOWN || (arg && typeof arg === 'object' && !Array.isArray(arg) && arg.kind === 'object' && !arg.complete)) {
      this.assume({ ...base, value: `${v.factory}()`, source: 'default', ask: true, why: `its factors \`${this.snippet(v.argSpan)}\` are not known without running the code; tfjs's default factor 0.01` });
      return r; // tfjs: a missing factor is 0.01
    }
    if (arg && typeof arg === 'object' && !Array.isArray(arg) && arg.kind === 'object') {
      const props: Record<string, SpecValue> = {};
      for (const [f, fv] of Object.entries(arg.props)) {
        if (fv === undefined) continue;
        const path = `${key}.${f}`;
        const given = this.given(label, path);
        if (given !== undefined && typeof given === 'number') {
          this.assume({ ...base, key: path, value: given, source: 'user', why: 'given by the user' });
          props[f] = given;
        } else if (hasUnknown(fv)) {
          this.assume({ ...base, key: path, value: 0.01, source: 'default', ask: true, why: `the factor \`${this.snippet(v.argSpan)}\` is not known without running the code; tfjs's default factor` });
          props[f] = 0.01;
        } else props[f] = this.literal(fv, l);
      }
      r.arg = { kind: 'object', props };
    } else if (arg !== undefined) r.arg = this.literal(arg, l);
    return r;
  }

  /** A fully known config value as a spec value (nested layers become layer specs). */
  private literal(v: ConfigValue, owner: LayerNode): SpecValue {
    if (v === null || typeof v !== 'object') return v as SpecValue;
    if (Array.isArray(v)) return v.map((e) => this.literal(e, owner));
    switch (v.kind) {
      case 'object': {
        const props: Record<string, SpecValue> = {};
        for (const [k, e] of Object.entries(v.props)) if (e !== undefined) props[k] = this.literal(e, owner);
        return { kind: 'object', props };
      }
      case 'regularizer': {
        const r: RegularizerSpec = { kind: 'regularizer', factory: v.factory, form: v.form };
        if (v.arg !== undefined) r.arg = this.literal(v.arg, owner);
        return r;
      }
      case 'layer': {
        const inner = this.graph.layers[v.index];
        return this.layerSpec(inner, false, false);
      }
    }
  }

  // ---- inputs --------------------------------------------------------------------------

  /** The chain's input: an inputLayer, or the first layer's inputShape/batchInputShape/inputDim/inputLength. */
  private chainInput(topo: Topology): InputSpec {
    const first = topo.order[0];
    const owner = topo.inputLayer ?? first;
    const cfg = owner.config;
    const props = cfg === UNKNOWN || cfg === 'absent' ? {} : cfg.props;
    const embedding = first.factory === 'embedding';
    const keys = embedding ? ['inputShape', 'batchInputShape', 'inputLength'] : ['inputShape', 'batchInputShape', 'inputDim'];
    const key = keys.find((k) => props[k] !== undefined);
    const dtype = embedding ? 'int32' : 'float32';
    const label = 'input_1';
    const shape = this.resolveShape({
      label, aliases: [`${this.label(owner)}.${key ?? 'inputShape'}`], owner, key, value: key ? props[key] : undefined,
      batch: key === 'batchInputShape', scalar: key === 'inputDim' || key === 'inputLength', rank: defaultRank(first.factory), first: true,
    });
    return { label, shape, dtype, line: this.lineOf(owner.nameSpan) };
  }

  private inputSpec(input: InputNode, label: string, layers: LayerSpec[], k: number): InputSpec {
    const props = input.config === UNKNOWN || input.config === 'absent' ? {} : input.config.props;
    const key = props.shape !== undefined ? 'shape' : props.batchShape !== undefined ? 'batchShape' : undefined;
    const readers = layers.filter((l) => l.inbound?.some((args) => args.some((a) => 'input' in a && a.input === k)));
    const rank = readers.length ? Math.max(...readers.map((r) => defaultRank(r.factory))) : 1;
    const shape = this.resolveShape({
      label, aliases: [], owner: undefined, span: input.span, key, value: key ? props[key] : input.config === UNKNOWN ? UNKNOWN : undefined,
      batch: key === 'batchShape', scalar: false, rank, first: k === 0,
    });
    const dtype = readers.length > 0 && readers.every((r) => r.factory === 'embedding') ? 'int32' : 'float32';
    return { label, shape, dtype, line: this.lineOf(input.span) };
  }

  /** A known shape as is; else the user's, the setting's, or a stated default (the data file may replace it). */
  private resolveShape(a: {
    label: string; aliases: string[]; owner?: LayerNode; span?: Span; key?: string; value: ConfigValue;
    batch: boolean; scalar: boolean; rank: number; first: boolean;
  }): number[] {
    const written = a.scalar ? (a.value === undefined ? undefined : [a.value]) : a.value;
    const known = literalShape(written, a.batch);
    if (known) return known;
    if (this.nested) return new Array<number>(a.rank).fill(DEFAULT_INPUT_DIM); // its inputs are the outer model's tensors
    const line = a.owner ? this.lineOf(a.owner.nameSpan) : a.span ? this.lineOf(a.span) : undefined;
    const expression = a.owner && a.key ? this.expr(a.owner, a.key)
      : a.span && a.key ? propertyText(this.snippet(a.span, 400), a.key) ?? this.snippet(a.span) : a.span ? this.snippet(a.span) : undefined;
    // Known rank with unknown dims ([numFeatures], [28, 28, channels]) or nothing declared.
    const dims = Array.isArray(written) ? (a.batch ? written.slice(1) : written) : undefined;
    const shape = dims ? dims.map((d) => (typeof d === 'number' ? d : DEFAULT_INPUT_DIM)) : new Array<number>(a.rank).fill(DEFAULT_INPUT_DIM);
    const holes = dims ? dims.flatMap((d, i) => (typeof d === 'number' ? [] : [i])) : shape.map((_, i) => i);
    const elements = a.scalar ? [expression ?? ''] : elementTexts(expression ?? '').slice(a.batch ? 1 : 0);
    const holeExpressions = elements.length === shape.length ? holes.map((i) => elements[i]) : undefined;
    const base = {
      layer: a.label, key: 'shape', ...(line ? { line } : {}), ...(expression ? { expression } : {}),
      holes, ...(holeExpressions ? { holeExpressions } : {}),
    };
    for (const name of [`${a.label}.shape`, ...a.aliases]) {
      const given = this.given(name);
      if (given === undefined) continue;
      const dims = typeof given === 'number' ? [given] : given;
      if (Array.isArray(dims) && dims.length > 0 && dims.every((d) => typeof d === 'number' && Number.isInteger(d) && d > 0)) {
        this.assume({ ...base, value: dims, source: 'user', why: 'given by the user' });
        return dims as number[];
      }
      this.blockers.push(`${name}=${JSON.stringify(given)}: an input shape is a list of positive integers, e.g. 28,28,1`);
    }
    if (a.first && this.opts.inputShape) {
      this.assume({ ...base, value: this.opts.inputShape, source: 'setting', why: 'from reglint.train.inputShape (--input-shape)' });
      return this.opts.inputShape;
    }
    const why = a.value === undefined
      ? `the code declares no input shape${a.owner ? ` on ${this.labels.get(a.owner.index)}` : ''}`
      : `\`${expression ?? a.key}\` is not known without running the code`;
    this.assume({
      ...base, value: shape, source: 'default', fromData: 'features',
      why: `${why} (a data file, reglint.train.inputShape or --input-shape gives the real one)`,
    });
    return shape;
  }

  // ---- loops and conditions in chains --------------------------------------------------

  /**
   * The chain in append order, as (layer, copy) pairs: a layer appended several times (a
   * helper called from several places) is built once per append, with the config the
   * analysis read; a loop body `repeat` times (the user's `<first layer>.repeat`, default
   * 1: the analysis does not count iterations); an append the chain can skip (under a
   * condition) is built unless the user says `<layer>.present=false`; of alternatives
   * (`c ? a : b`) the first, unless the user says another's `present=true`.
   */
  private plan(sequence: Append[]): { layer: number; copy: number }[] {
    const appended = new Map<number, number>();
    for (const e of sequence) appended.set(e.layer, (appended.get(e.layer) ?? 0) + 1);
    const conditional = this.skippable(sequence, appended);
    const copies = new Map<number, number>();
    const out: { layer: number; copy: number }[] = [];
    const push = (layer: number) => {
      const copy = (copies.get(layer) ?? 0) + 1;
      copies.set(layer, copy);
      out.push({ layer, copy });
    };
    const label = (i: number) => this.labels.get(i)!;
    const lineOf = (i: number) => {
      const line = this.lineOf(this.graph.layers[i].nameSpan);
      return line ? { line } : {};
    };
    for (const [layer, n] of appended) {
      if (n < 2 || sequence.some((e) => e.layer === layer && e.loop !== undefined)) continue;
      this.assume({
        layer: label(layer), key: 'copies', value: n, source: 'default', ...lineOf(layer),
        why: `one call appends it ${n} times (a helper called from several places); each copy is built with the config the analysis read there`,
      });
    }
    for (let i = 0; i < sequence.length; i++) {
      const e = sequence[i];
      if (e.loop === undefined) {
        const layer = e.alternatives ? this.pickAlternative(e.alternatives) : e.layer;
        if (layer === undefined) continue;
        if (conditional.has(i) && !e.alternatives) {
          const present = this.given(label(layer), 'present');
          this.assume({
            layer: label(layer), key: 'present', value: present ?? true, source: present === undefined ? 'default' : 'user', ...lineOf(layer),
            why: present === undefined ? `appended under a condition the analysis cannot decide; built with it (--set ${label(layer)}.present=false leaves it out)` : 'given by the user',
          });
          if (present === false) continue;
        }
        push(layer);
        continue;
      }
      let end = i;
      while (end + 1 < sequence.length && sequence[end + 1].loop === e.loop) end++;
      const body = sequence.slice(i, end + 1).map((b) => b.layer);
      const first = label(body[0]);
      const given = this.given(first, 'repeat');
      const repeat = typeof given === 'number' && Number.isInteger(given) && given >= 1 ? given : 1;
      if (given !== undefined && repeat !== given) this.blockers.push(`${first}.repeat=${JSON.stringify(given)}: a loop count is an integer ≥ 1`);
      const names = [...new Set(body.map(label))].join(', ');
      this.assume({
        layer: first, key: 'repeat', value: repeat, source: given === undefined ? 'default' : 'user', ask: true, ...lineOf(body[0]),
        why: given === undefined
          ? `${names} ${body.length > 1 ? 'are' : 'is'} appended in a loop whose count the analysis does not know; built once`
          : 'given by the user',
      });
      for (let r = 0; r < repeat; r++) body.forEach(push);
      i = end;
    }
    return out;
  }

  /** `model.add(c ? a : b)`: the first, or the one the user marks `present=true`; the others are left out. */
  private pickAlternative(alternatives: number[]): number | undefined {
    const labels = alternatives.map((i) => this.labels.get(i)!);
    const chosen = labels.findIndex((l) => this.given(l, 'present') === true);
    const pick = chosen >= 0 ? chosen : labels.findIndex((l) => this.given(l, 'present') !== false);
    const others = labels.filter((_, k) => k !== pick).join(', ');
    if (pick < 0) return undefined;
    const line = this.lineOf(this.graph.layers[alternatives[pick]].nameSpan);
    this.assume({
      layer: labels[pick], key: 'present', value: true, source: chosen >= 0 ? 'user' : 'default', ...(line ? { line } : {}),
      why: chosen >= 0 ? 'given by the user' : `appended instead of ${others} depending on a condition the analysis cannot decide; built with ${labels[pick]} (--set ${labels.find((_, k) => k !== pick)}.present=true picks another)`,
    });
    return alternatives[pick];
  }

  /** Positions of appends the chain can skip: the next layer may follow the one before directly. */
  private skippable(sequence: Append[], appended: Map<number, number>): Set<number> {
    const out = new Set<number>();
    const once = (i: number) => i >= 0 && i < sequence.length && sequence[i].loop === undefined && !sequence[i].alternatives &&
      appended.get(sequence[i].layer) === 1;
    for (let i = 1; i + 1 < sequence.length; i++) {
      if (!once(i) || sequence[i + 1].loop !== undefined || sequence[i + 1].alternatives) continue;
      const next = this.graph.layers[sequence[i + 1].layer];
      if (next.prev !== UNKNOWN && next.prev.includes(sequence[i - 1].layer)) out.add(i);
    }
    return out;
  }

  // ---- bookkeeping ---------------------------------------------------------------------

  private assume(a: Assumption): void {
    this.assumptions.push(a);
  }

  /** The user's value for `label.key` (or a full `name`), marking it used. */
  private given(label: string, key?: string): AssumedValue | undefined {
    const name = key === undefined ? label : `${label}.${key}`;
    const values = this.opts.values;
    if (!values || !Object.prototype.hasOwnProperty.call(values, name)) return undefined;
    this.usedValues.add(name);
    return values[name];
  }

  private lineOf(span: Span): number | undefined {
    return this.opts.text === undefined ? undefined : lineAt(this.opts.text, span.start);
  }

  private at(span: Span): string {
    const line = this.lineOf(span);
    return line ? ` (line ${line})` : '';
  }

  private where(l: LayerNode): string {
    const line = this.lineOf(l.nameSpan);
    return `${this.labels.get(l.index) ?? l.factory} (${l.calleePrefix}${l.factory}${line ? `, line ${line}` : ''})`;
  }

  /** The expression a key is written with, when the config is written inline. */
  private expr(l: LayerNode, key: string): string | undefined {
    const prop = l.configProps[key];
    return prop ? this.snippet(prop.valueSpan) : undefined;
  }

  /** The call's argument text, e.g. `cfg` in `tf.layers.dense(cfg)`. */
  private argText(l: LayerNode): string {
    const span = l.configLiteralSpan ?? { start: l.calleeSpan.end, end: l.span.end };
    return this.snippet(span).replace(/^\(|\)$/g, '');
  }

  private snippet(span: Span | undefined, max = 60): string {
    if (!span || this.opts.text === undefined) return '?';
    const s = this.opts.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    return s.length > max ? `${s.slice(0, max - 3)}...` : s;
  }
}

/** A layer's applications: the graph's list, or its one `applyArgs` (graphs without the list). */
function applicationsOf(l: LayerNode): TensorRef[][] {
  return l.applications ?? (Array.isArray(l.applyArgs) ? [l.applyArgs] : []);
}

function hasUnknown(v: ConfigValue): boolean {
  if (v === UNKNOWN) return true;
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (v.kind === 'object') return !v.complete || Object.values(v.props).some(hasUnknown);
  if (v.kind === 'regularizer') return hasUnknown(v.arg);
  return false;
}

function isRegularizer(v: ConfigValue): v is Extract<ConfigValue, { kind: 'regularizer' }> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'regularizer';
}

/** The input rank a first layer expects when nothing declares it (without the batch dim). */
function defaultRank(factory: string): number {
  if (/^(conv3d|conv3dTranspose|maxPooling3d|averagePooling3d|avgPool3d|avgPooling3d|convLstm2d)$/.test(factory)) return 4;
  if (/2d|2D/i.test(factory) && factory !== 'convLstm2d') return 3;
  if (/^(conv1d|lstm|gru|simpleRNN|rnn|bidirectional|timeDistributed|flatten|maxPooling1d|maxPool1d|averagePooling1d|avgPool1d|avgPooling1d|globalAveragePooling1d|globalMaxPooling1d|globalMaxPool1d|spatialDropout1d|repeatVector)$/.test(factory)) {
    return factory === 'repeatVector' ? 1 : 2;
  }
  return 1;
}

/**
 * Appends met in a loop body come twice (the flow runs a body twice): keep one pass of
 * each run, numbered as one loop body.
 */
function loopBodiesOnce(adds: { layer: number; inLoop?: boolean; alternatives?: number[] }[]): Append[] {
  const out: Append[] = [];
  let loops = 0;
  for (let i = 0; i < adds.length;) {
    if (!adds[i].inLoop) {
      const a = adds[i++];
      out.push(a.alternatives ? { layer: a.layer, alternatives: a.alternatives } : { layer: a.layer });
      continue;
    }
    let end = i;
    while (end < adds.length && adds[end].inLoop) end++;
    const run = adds.slice(i, end).map((a) => a.layer);
    const half = run.length / 2;
    const twice = Number.isInteger(half) && run.slice(0, half).every((l, k) => l === run[half + k]);
    const loop = loops++;
    for (const layer of twice ? run.slice(0, half) : run) out.push({ layer, loop });
    i = end;
  }
  return out;
}

/** The label of the n-th (0-based) copy of a layer: dense_1, dense_1~2, ... */
function instanceLabel(label: string, n: number): string {
  return n === 0 ? label : `${label}~${n + 1}`;
}

/** The text of `key: <value>` inside a call's object literal (`shape` in `tf.input({shape: [dim]})`). */
function propertyText(callText: string, key: string): string | undefined {
  const m = new RegExp(`[{,]\\s*${key}\\s*([:,}])`).exec(callText);
  if (!m) return undefined;
  if (m[1] !== ':') return key; // shorthand {shape}
  let depth = 0;
  const start = m.index + m[0].length;
  for (let i = start; i < callText.length; i++) {
    const c = callText[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return callText.slice(start, i).trim();
      depth--;
    } else if (c === ',' && depth === 0) return callText.slice(start, i).trim();
  }
  return undefined;
}

/** `[28, 28, channels]` → ['28', '28', 'channels'] (top-level elements of an array literal's text). */
function elementTexts(text: string): string[] {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return [];
  const out: string[] = [];
  let depth = 0, start = 1;
  for (let i = 1; i < t.length - 1; i++) {
    const c = t[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push(t.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = t.slice(start, t.length - 1).trim();
  if (last) out.push(last);
  return out;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
