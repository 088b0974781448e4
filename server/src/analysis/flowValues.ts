// The abstract values and state of the model-flow interpreter (modelFlow.ts): what a
// variable may hold (a layer, a symbolic tensor, a model, ...) at a point in the code, and
// which layers a sequential model ends with there.
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

/**
 * What may hold at a point in the code: variables' values and models' tails. Copies share
 * their maps until one of them writes (copy-on-write): the interpreter copies the state at
 * every branch, loop and `return`, and most copies are only read. Tail sets are never
 * changed once stored, so maps may share them.
 */
export class FlowState {
  private varsShared = false;
  private tailsShared = false;

  constructor(
    private varMap = new Map<VarKey, FlowValue>(),
    private tailMap = new Map<number, ReadonlySet<Tail>>(),
    public terminated = false,
  ) {}

  get vars(): ReadonlyMap<VarKey, FlowValue> {
    return this.varMap;
  }

  get tails(): ReadonlyMap<number, ReadonlySet<Tail>> {
    return this.tailMap;
  }

  setVar(key: VarKey, value: FlowValue): void {
    if (this.varsShared) {
      this.varMap = new Map(this.varMap);
      this.varsShared = false;
    }
    this.varMap.set(key, value);
  }

  setTails(model: number, tails: ReadonlySet<Tail>): void {
    if (this.tailsShared) {
      this.tailMap = new Map(this.tailMap);
      this.tailsShared = false;
    }
    this.tailMap.set(model, tails);
  }

  clone(): FlowState {
    const copy = new FlowState(this.varMap, this.tailMap, this.terminated);
    this.varsShared = this.tailsShared = copy.varsShared = copy.tailsShared = true;
    return copy;
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
      if (other.varMap !== result.varMap) {
        for (const key of new Set([...result.varMap.keys(), ...other.varMap.keys()])) {
          const mine = result.varMap.get(key);
          const theirs = other.varMap.get(key);
          // (Absent on their side joins to ours: nothing to write.)
          if (mine !== theirs && theirs !== undefined) result.setVar(key, joinValues(mine, theirs));
        }
      }
      if (other.tailMap !== result.tailMap) {
        for (const [model, set] of other.tailMap) {
          const mine = result.tailMap.get(model);
          if (mine !== set) result.setTails(model, mine ? new Set([...mine, ...set]) : set);
        }
      }
    }
    return result;
  }

  /** Adopt another state's contents (after a merge computed elsewhere). */
  assign(other: FlowState): void {
    this.varMap = other.varMap;
    this.tailMap = other.tailMap;
    this.varsShared = this.tailsShared = other.varsShared = other.tailsShared = true;
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

/** What may hold when any of `values` may: their join, UNKNOWN for none. */
export function joinAll(values: readonly FlowValue[]): FlowValue {
  return values.reduce<FlowValue | undefined>((acc, v) => joinValues(acc, v), undefined) ?? UNKNOWN_VALUE;
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
