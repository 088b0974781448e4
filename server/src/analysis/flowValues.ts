// The abstract values and state of the model-flow interpreter (modelFlow.ts): what a
// variable may hold (a layer, a symbolic tensor, a model, ...) at a point in the code, and
// which layers a sequential model ends with there.
import { isConfigObject, UNKNOWN, type ConfigObject, type ConfigValue, type RegularizerValue } from './modelGraph';
import type { LoadedModule } from './imports';
import type { ts } from './parse';

/** Who produced a symbolic tensor: a layer index, the n-th `tf.input` call, or a model applied as a layer. */
export type Producer = number | `input:${number}` | `model:${number}`;

export function inputProducer(index: number): Producer {
  return `input:${index}`;
}

export function modelProducer(index: number): Producer {
  return `model:${index}`;
}

/** A model's last-added layers: layer indices, 'start' (nothing added), or 'unknown'. */
export type Tail = number | 'start' | 'unknown';

/**
 * A known literal: a number, string, boolean, null, undefined or a regularizer call.
 * `assumed` names the builder parameter whose default it came from (a builder never called
 * in the file runs with its defaults): good enough for the trainer, never for a rule.
 */
export type LiteralValue = number | string | boolean | null | undefined | RegularizerValue;

export type FlowValue =
  | { t: 'value'; v: LiteralValue; assumed?: string }
  | { t: 'object'; props: Record<string, FlowValue>; complete: boolean }
  | { t: 'layer'; ids: number[] }
  | { t: 'tensor'; producers: Producer[] }
  | { t: 'model'; model: number }
  | { t: 'array'; items: FlowValue[]; repeated: boolean }
  | { t: 'func'; decl: ts.SignatureDeclaration }
  | { t: 'this'; cls: ts.ClassLikeDeclaration }
  /** Another module of the workspace (`import * as cfg`, `require('./cfg')`): its exports read on demand. */
  | { t: 'module'; module: LoadedModule }
  | { t: 'unknown' };

export const UNKNOWN_VALUE: FlowValue = { t: 'unknown' };

/** Variables are keyed by their declaration node; `this.x` by a per-class string key. */
export type VarKey = ts.Node | string;

/** Variable bindings frozen when a state was copied: its own entries over its parent's. */
interface VarLayer {
  readonly map: ReadonlyMap<VarKey, FlowValue>;
  readonly parent: VarLayer | undefined;
  readonly depth: number;
}

/** Layers read through before a copy flattens them into one (reads walk the chain). */
const MAX_LAYER_DEPTH = 8;

/**
 * What may hold at a point in the code: variables' values and models' tails. The interpreter
 * copies the state at every branch, loop, call and `return`, and most copies change a few
 * variables of many: so a copy freezes what the state wrote so far as a shared layer, and
 * each side writes into its own small map over it (a join then looks only at what either
 * side wrote since they parted). Tails are copied on write; their sets are never changed
 * once stored, so maps may share them.
 */
export class FlowState {
  private layer: VarLayer | undefined;
  private own = new Map<VarKey, FlowValue>();
  private tailsShared = false;

  constructor(
    private tailMap = new Map<number, ReadonlySet<Tail>>(),
    public terminated = false,
  ) {}

  getVar(key: VarKey): FlowValue | undefined {
    const mine = this.own.get(key);
    if (mine !== undefined) return mine;
    for (let l = this.layer; l; l = l.parent) {
      const value = l.map.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  get tails(): ReadonlyMap<number, ReadonlySet<Tail>> {
    return this.tailMap;
  }

  setVar(key: VarKey, value: FlowValue): void {
    this.own.set(key, value);
  }

  setTails(model: number, tails: ReadonlySet<Tail>): void {
    if (this.tailsShared) {
      this.tailMap = new Map(this.tailMap);
      this.tailsShared = false;
    }
    this.tailMap.set(model, tails);
  }

  clone(): FlowState {
    this.freeze();
    const copy = new FlowState(this.tailMap, this.terminated);
    copy.layer = this.layer;
    this.tailsShared = copy.tailsShared = true;
    return copy;
  }

  /** This state's writes become a shared layer (flattened when the chain grows long). */
  private freeze(): void {
    if (this.own.size === 0) return;
    const depth = (this.layer?.depth ?? 0) + 1;
    this.layer = depth > MAX_LAYER_DEPTH
      ? { map: this.flattened(), parent: undefined, depth: 1 }
      : { map: this.own, parent: this.layer, depth };
    this.own = new Map();
  }

  private flattened(): Map<VarKey, FlowValue> {
    const chain: ReadonlyMap<VarKey, FlowValue>[] = [this.own];
    for (let l = this.layer; l; l = l.parent) chain.push(l.map);
    const map = new Map<VarKey, FlowValue>();
    for (let k = chain.length - 1; k >= 0; k--) for (const [key, value] of chain[k]) map.set(key, value);
    return map;
  }

  /** Keys this state bound above `shared` (layers it has in common with another state). */
  private keysAbove(shared: ReadonlySet<VarLayer>, into: Set<VarKey>): void {
    for (const key of this.own.keys()) into.add(key);
    for (let l = this.layer; l && !shared.has(l); l = l.parent) for (const key of l.map.keys()) into.add(key);
  }

  private layers(): Set<VarLayer> {
    const set = new Set<VarLayer>();
    for (let l = this.layer; l; l = l.parent) set.add(l);
    return set;
  }

  /** Control-flow join: what may hold after either path. Terminated paths drop out. */
  static merge(states: FlowState[]): FlowState {
    const live = states.filter((s) => !s.terminated);
    if (live.length === 0) {
      const dead = states[0].clone();
      dead.terminated = true;
      return dead;
    }
    const result = live[0].clone();
    for (const other of live.slice(1)) {
      // Only variables either side bound since they parted can differ.
      const mine = result.layers(), theirs = other.layers();
      const changed = new Set<VarKey>();
      result.keysAbove(theirs, changed);
      other.keysAbove(mine, changed);
      for (const key of changed) {
        const a = result.getVar(key);
        const b = other.getVar(key);
        // (Absent on their side joins to ours: nothing to write.)
        if (a !== b && b !== undefined) result.setVar(key, joinValues(a, b));
      }
      if (other.tailMap !== result.tailMap) {
        for (const [model, set] of other.tailMap) {
          const mineTails = result.tailMap.get(model);
          if (mineTails !== set) result.setTails(model, mineTails ? new Set([...mineTails, ...set]) : set);
        }
      }
    }
    return result;
  }

  /** Adopt another state's contents (after a merge computed elsewhere). */
  assign(other: FlowState): void {
    other.freeze();
    this.layer = other.layer;
    this.own = new Map();
    this.tailMap = other.tailMap;
    this.tailsShared = other.tailsShared = true;
    this.terminated = other.terminated;
  }
}

export function literal(v: LiteralValue, assumed?: string): FlowValue {
  return assumed === undefined ? { t: 'value', v } : { t: 'value', v, assumed };
}

export function joinValues(a: FlowValue | undefined, b: FlowValue | undefined): FlowValue {
  if (!a || !b) return a ?? b ?? UNKNOWN_VALUE;
  if (a === b) return a;
  if (a.t === 'value' && b.t === 'value') {
    if (!sameLiteral(a.v, b.v)) return UNKNOWN_VALUE;
    return a.assumed === undefined ? a : b;
  }
  if (a.t === 'object' && b.t === 'object') {
    const props: Record<string, FlowValue> = {};
    for (const key of new Set([...Object.keys(a.props), ...Object.keys(b.props)])) {
      props[key] = joinValues(a.props[key] ?? absentProp(a), b.props[key] ?? absentProp(b));
    }
    return { t: 'object', props, complete: a.complete && b.complete };
  }
  if (a.t === 'layer' && b.t === 'layer') return { t: 'layer', ids: union(a.ids, b.ids) };
  if (a.t === 'tensor' && b.t === 'tensor') return { t: 'tensor', producers: union(a.producers, b.producers) };
  if (a.t === 'model' && b.t === 'model' && a.model === b.model) return a;
  if (a.t === 'array' && b.t === 'array' && a.items.length === b.items.length) {
    return {
      t: 'array',
      items: a.items.map((item, i) => joinValues(item, b.items[i])),
      repeated: a.repeated || b.repeated,
    };
  }
  if (a.t === 'array' && b.t === 'array') {
    // Lists grown on one path only (a loop's pushes): keep the longer, as possibly repeated.
    const [short, long] = a.items.length < b.items.length ? [a, b] : [b, a];
    return { t: 'array', items: long.items, repeated: long.repeated || short.items.length > 0 };
  }
  if (a.t === 'func' && b.t === 'func' && a.decl === b.decl) return a;
  if (a.t === 'module' && b.t === 'module' && a.module === b.module) return a;
  return UNKNOWN_VALUE;
}

/** What may hold when any of `values` may: their join, UNKNOWN for none. */
export function joinAll(values: readonly FlowValue[]): FlowValue {
  return values.reduce<FlowValue | undefined>((acc, v) => joinValues(acc, v), undefined) ?? UNKNOWN_VALUE;
}

/** A key an object value does not list: surely undefined when the object is complete. */
function absentProp(o: FlowValue & { t: 'object' }): FlowValue {
  return o.complete ? literal(undefined) : UNKNOWN_VALUE;
}

function sameLiteral(a: LiteralValue, b: LiteralValue): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return a.factory === b.factory && a.form === b.form && a.span.start === b.span.start && sameConfig(a.arg, b.arg);
}

function sameConfig(a: ConfigValue, b: ConfigValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A property of an object value, an element of an array value (by literal key); UNKNOWN when not known. */
export function memberValue(owner: FlowValue, key: string | number): FlowValue {
  if (owner.t === 'object') {
    const prop = owner.props[String(key)];
    return prop ?? absentProp(owner);
  }
  if (owner.t === 'array' && !owner.repeated) {
    if (key === 'length') return literal(owner.items.length);
    if (typeof key === 'number' && Number.isInteger(key) && key >= 0) return owner.items[key] ?? literal(undefined);
  }
  return UNKNOWN_VALUE;
}

/**
 * A flow value as a config value. `useAssumed` false: values from parameter defaults read
 * as UNKNOWN (for rules); true: they count, and `noteAssumed` hears which parameters fed in.
 */
export function toConfigValue(value: FlowValue, useAssumed: boolean, noteAssumed?: (param: string) => void): ConfigValue {
  switch (value.t) {
    case 'value':
      if (value.assumed !== undefined) {
        noteAssumed?.(value.assumed);
        if (!useAssumed) return UNKNOWN;
      }
      return value.v;
    case 'array':
      return value.repeated ? UNKNOWN : value.items.map((item) => toConfigValue(item, useAssumed, noteAssumed));
    case 'object': {
      const config: ConfigObject = { kind: 'object', props: {}, complete: value.complete };
      for (const [key, prop] of Object.entries(value.props)) config.props[key] = toConfigValue(prop, useAssumed, noteAssumed);
      return config;
    }
    case 'layer':
      return value.ids.length === 1 ? { kind: 'layer', index: value.ids[0] } : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** A config value (a const's literal initializer) as a flow value. */
export function fromConfigValue(value: ConfigValue): FlowValue {
  if (value === UNKNOWN) return UNKNOWN_VALUE;
  if (Array.isArray(value)) return { t: 'array', items: value.map(fromConfigValue), repeated: false };
  if (isConfigObject(value)) {
    const props: Record<string, FlowValue> = {};
    for (const [key, prop] of Object.entries(value.props)) props[key] = fromConfigValue(prop);
    return { t: 'object', props, complete: value.complete };
  }
  if (typeof value === 'object' && value !== null && value.kind === 'layer') return { t: 'layer', ids: [value.index] };
  return literal(value as LiteralValue);
}

/** The same value with every literal in it marked as coming from parameter `param`'s default. */
export function assumedFrom(value: FlowValue, param: string): FlowValue {
  switch (value.t) {
    case 'value': return { t: 'value', v: value.v, assumed: value.assumed ?? param };
    case 'array': return { ...value, items: value.items.map((item) => assumedFrom(item, param)) };
    case 'object': {
      const props: Record<string, FlowValue> = {};
      for (const [key, prop] of Object.entries(value.props)) props[key] = assumedFrom(prop, param);
      return { ...value, props };
    }
    default: return value;
  }
}

function union<T>(a: T[], b: T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** Tensor producers of a value (a tensor or an array of tensors); undefined when unknown. */
export function producersOf(value: FlowValue): Producer[] | undefined {
  if (value.t === 'tensor') return value.producers;
  if (value.t === 'array') {
    const all: Producer[] = [];
    for (const item of value.items) {
      const p = producersOf(item);
      if (!p) return undefined;
      all.push(...p);
    }
    return all;
  }
  return undefined;
}

/** Every layer index a value mentions (for marking values that escape our view). */
export function layersMentioned(value: FlowValue): number[] {
  switch (value.t) {
    case 'layer': return value.ids;
    case 'tensor': return value.producers.filter((p): p is number => typeof p === 'number');
    case 'array': return value.items.flatMap(layersMentioned);
    case 'object': return Object.values(value.props).flatMap(layersMentioned);
    default: return [];
  }
}
