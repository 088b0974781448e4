// The abstract values and state of the model-flow interpreter (modelFlow.ts): what a
// variable may hold (a layer, a symbolic tensor, a model, ...) at a point in the code, and
// which layers a sequential model ends with there.
import type { ts } from './parse';

/** Who produced a symbolic tensor: a layer index, or the n-th `tf.input` call. */
export type Producer = number | `input:${number}`;

export function inputProducer(index: number): Producer {
  return `input:${index}`;
}

/** A model's last-added layers: layer indices, 'start' (nothing added), or 'unknown'. */
export type Tail = number | 'start' | 'unknown';

export type FlowValue =
  | { t: 'layer'; ids: number[] }
  | { t: 'tensor'; producers: Producer[] }
  | { t: 'model'; model: number }
  | { t: 'array'; items: FlowValue[]; repeated: boolean }
  | { t: 'func'; decl: ts.SignatureDeclaration }
  | { t: 'this'; cls: ts.ClassLikeDeclaration }
  | { t: 'unknown' };

export const UNKNOWN_VALUE: FlowValue = { t: 'unknown' };

/** Variables are keyed by their declaration node; `this.x` by a per-class string key. */
export type VarKey = ts.Node | string;

export class FlowState {
  constructor(
    readonly vars = new Map<VarKey, FlowValue>(),
    readonly tails = new Map<number, Set<Tail>>(),
    public terminated = false,
  ) {}

  clone(): FlowState {
    const tails = new Map<number, Set<Tail>>();
    for (const [model, set] of this.tails) tails.set(model, new Set(set));
    return new FlowState(new Map(this.vars), tails, this.terminated);
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
      for (const key of new Set([...result.vars.keys(), ...other.vars.keys()])) {
        result.vars.set(key, joinValues(result.vars.get(key), other.vars.get(key)));
      }
      for (const [model, set] of other.tails) {
        const mine = result.tails.get(model);
        if (mine) for (const t of set) mine.add(t);
        else result.tails.set(model, new Set(set));
      }
    }
    return result;
  }

  /** Adopt another state's contents (after a merge computed elsewhere). */
  assign(other: FlowState): void {
    this.vars.clear();
    for (const [k, v] of other.vars) this.vars.set(k, v);
    this.tails.clear();
    for (const [k, v] of other.tails) this.tails.set(k, new Set(v));
    this.terminated = other.terminated;
  }
}

export function joinValues(a: FlowValue | undefined, b: FlowValue | undefined): FlowValue {
  if (!a || !b) return a ?? b ?? UNKNOWN_VALUE;
  if (a === b) return a;
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
  return UNKNOWN_VALUE;
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
    default: return [];
  }
}
