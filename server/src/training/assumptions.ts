// Values the code does not fix: the user's own (`--set dense_2.units=64` on the CLI, the
// editor's quick input), and the data file's facts that replace a stated default (feature
// count → input width, token range → an embedding's inputDim, class count → a softmax
// output's units). specFromGraph.ts decides what is assumed; this file parses what users
// give and applies what the data tells.
import type { AssumedValue, Assumption, LayerSpec, ModelSpec, RegularizerSpec, SpecValue } from './modelSpec';
import { obj } from './modelSpec';
import type { UserTable } from './userData';

/** `label.key` (dense_2.units, input_1.shape, kernelRegularizer paths like dense_1.kernelRegularizer.l2) → value. */
export type UserValues = Record<string, AssumedValue>;

const KEY = /^[A-Za-z_$][\w$]*(~\d+)?\.[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\d+\])*$/;

/** One `--set <layer>.<key>=<value>` argument. Throws with a message for the user. */
export function parseSetArg(arg: string): [string, AssumedValue] {
  const eq = arg.indexOf('=');
  if (eq < 0) throw new Error(`--set ${arg}: expected <layer>.<key>=<value>, e.g. dense_2.units=64`);
  const key = arg.slice(0, eq).trim();
  if (!KEY.test(key)) throw new Error(`--set ${arg}: "${key}" is not <layer>.<key> (layer labels as the report prints them: dense_2, input_1)`);
  return [key, parseValue(arg.slice(eq + 1).trim(), arg)];
}

/** A value as users write it: 64, 0.5, relu, true, none, 28,28,1 or [28,28,1], l2(1e-4). */
export function parseValue(text: string, context = text): AssumedValue {
  if (text === '') throw new Error(`--set ${context}: the value is empty`);
  if (/^(none|null)$/i.test(text)) return null;
  if (text === 'true' || text === 'false') return text === 'true';
  const n = Number(text);
  if (Number.isFinite(n)) return n;
  const list = text.replace(/^\[(.*)\]$/, '$1');
  if (/^\s*-?[\d.e+-]+(\s*,\s*-?[\d.e+-]+)+\s*$/i.test(list) || list !== text) {
    const dims = list.split(',').map((s) => Number(s.trim()));
    if (dims.some((d) => !Number.isFinite(d))) throw new Error(`--set ${context}: "${text}" is not a list of numbers`);
    return dims;
  }
  if (regularizerFrom(text) === undefined && /[()]/.test(text)) {
    throw new Error(`--set ${context}: "${text}" is not a regularizer (l1(f), l2(f), l1l2(f1,f2)) nor a plain value`);
  }
  return text;
}

/** `l2(1e-4)`, `l1(0.01)`, `l1l2(0.01,0.02)` → the spec's regularizer; undefined when not one. */
export function regularizerFrom(text: string): RegularizerSpec | undefined {
  const m = /^(l1|l2|l1l2)\(\s*([^,()]*?)\s*(?:,\s*([^,()]*?)\s*)?\)$/.exec(text.trim());
  if (!m) return undefined;
  const [, factory, a, b] = m;
  const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
  const f1 = num(a), f2 = num(b);
  if ((f1 !== undefined && !Number.isFinite(f1)) || (f2 !== undefined && !Number.isFinite(f2))) return undefined;
  const props: Record<string, SpecValue> = {};
  if (factory === 'l1l2') {
    if (f1 !== undefined) props.l1 = f1;
    if (f2 !== undefined) props.l2 = f2;
  } else if (f1 !== undefined) props[factory] = f1;
  return { kind: 'regularizer', factory, form: 'call', arg: obj(props) };
}

/** The facts `fitSpecToData` reads off a data table. */
export function dataFactsOf(table: UserTable): DataFacts {
  let tokens = 0;
  let ids = true;
  for (const v of table.x) {
    if (!Number.isInteger(v) || v < 0) {
      ids = false;
      break;
    }
    if (v + 1 > tokens) tokens = v + 1;
  }
  return {
    file: table.file.split(/[\\/]/).pop() ?? table.file,
    width: table.width,
    ...(ids && tokens > 0 ? { tokens } : {}),
    classes: new Set(table.labels.map(String)).size,
  };
}

/** What the data file says, for `fitSpecToData`. */
export interface DataFacts {
  /** File name for the report. */
  file: string;
  /** Feature values per row. */
  width: number;
  /** Largest token id + 1 when every feature value is an integer ≥ 0. */
  tokens?: number;
  /** Distinct label values. */
  classes: number;
}

/**
 * The spec with every default the data file can tell replaced by what it tells: the first
 * input's width (rank-1 inputs, or one unknown dimension that divides the row width), an
 * embedding's token range, a softmax output's class count. A user's or a setting's value
 * is never replaced. The assumptions say where each value came from.
 */
export function fitSpecToData(spec: ModelSpec, data: DataFacts): ModelSpec {
  const assumptions = spec.assumptions ?? [];
  if (!assumptions.some((a) => a.fromData && a.source === 'default')) return spec;
  const out = cloneForEdit(spec);
  out.assumptions = assumptions.map((a) => {
    if (!a.fromData || a.source !== 'default') return a;
    const value = dataValue(out, a, data);
    if (value === undefined) return a;
    const facts = a.fromData === 'features' ? `${data.width} feature values per row`
      : a.fromData === 'tokens' ? `token ids up to ${(data.tokens ?? 1) - 1}` : `${data.classes} label classes`;
    return { ...a, value, source: 'data', why: `${withoutHint(a.why)}; from ${data.file} (${facts})` };
  });
  return linkSameExpressions(out);
}

function dataValue(spec: ModelSpec, a: Assumption, data: DataFacts): AssumedValue | undefined {
  if (a.fromData === 'features') {
    if (a.layer !== (spec.inputs?.[0]?.label ?? 'input_1')) return undefined; // one table feeds the first input
    if (!Array.isArray(a.value) || !a.value.every((d) => typeof d === 'number')) return undefined;
    const dims = a.value as number[];
    const holes = a.holes ?? dims.map((_, i) => i);
    let shape: number[] | undefined;
    if (dims.length === 1) shape = [data.width];
    else if (holes.length === 1) {
      const rest = dims.reduce((p, d, i) => (i === holes[0] ? p : p * d), 1);
      if (data.width % rest === 0) shape = dims.map((d, i) => (i === holes[0] ? data.width / rest : d));
    } else if (dims.length === 2 && holes.length === 2) shape = [data.width, 1]; // one feature per time step
    if (!shape) return undefined;
    setInputShape(spec, a.layer, shape);
    return shape;
  }
  if (a.fromData === 'tokens' && data.tokens !== undefined) return setLayerValue(spec, a.layer, a.key, data.tokens);
  if (a.fromData === 'classes' && data.classes >= 2) return setLayerValue(spec, a.layer, a.key, data.classes);
  return undefined;
}

const SOURCE_RANK: Record<Assumption['source'], number> = { user: 4, code: 4, setting: 3, data: 2, default: 0 };

/**
 * Unknowns written with the same expression are the same value (`inputShape: [dim]` and
 * `units: dim` in a residual block must agree, or tfjs cannot add them): each group takes
 * the value of its best-sourced member (user, setting, data file, then an input's default).
 */
export function linkSameExpressions(spec: ModelSpec): ModelSpec {
  const assumptions = spec.assumptions ?? [];
  interface Atom { a: number; hole?: number; expr: string; value: number; rank: number }
  const atoms: Atom[] = [];
  assumptions.forEach((a, i) => {
    const rank = SOURCE_RANK[a.source] + (a.fromData === 'features' ? 1 : 0);
    if (a.holes && Array.isArray(a.value)) {
      a.holes.forEach((hole, k) => {
        const expr = a.holeExpressions?.[k];
        const value = (a.value as AssumedValue[])[hole];
        if (expr && isName(expr) && typeof value === 'number') atoms.push({ a: i, hole, expr, value, rank });
      });
    } else if (a.expression && isName(a.expression) && typeof a.value === 'number') {
      atoms.push({ a: i, expr: a.expression, value: a.value, rank });
    }
  });
  const groups = new Map<string, Atom[]>();
  for (const atom of atoms) groups.set(atom.expr, [...(groups.get(atom.expr) ?? []), atom]);
  const changes = [...groups.values()].filter((g) => g.length > 1 && g.some((x) => x.value !== g[0].value));
  if (changes.length === 0) return spec;
  const out = cloneForEdit(spec);
  const list = assumptions.map((a) => ({ ...a, ...(Array.isArray(a.value) ? { value: [...a.value] } : {}) }));
  for (const group of changes) {
    const best = group.reduce((b, x) => (x.rank > b.rank ? x : b));
    const from = list[best.a];
    for (const atom of group) {
      if (atom.value === best.value || atom.rank >= SOURCE_RANK.user) continue;
      const a = list[atom.a];
      if (atom.hole !== undefined) {
        (a.value as number[])[atom.hole] = best.value;
        setInputShape(out, a.layer, a.value as number[]);
      } else {
        a.value = best.value;
        setLayerValue(out, a.layer, a.key, best.value);
      }
      a.why = `${withoutHint(a.why)}; the same \`${atom.expr}\` as ${from.layer}.${from.key}`;
      if (a.source === 'default' && from.source !== 'default') a.source = from.source;
    }
  }
  out.assumptions = list;
  return out;
}

/** A default's why without its "how to give the real one" hint, once it is not a default. */
function withoutHint(why: string): string {
  return why.replace(/ \(a data file, .*\)$/, '');
}

/** Static mode's values by the expression they stand for (`numFeatures` → 16): what builder mode passes for a parameter of that name. */
export function assumedByExpression(assumptions: readonly Assumption[] | undefined): Record<string, AssumedValue> {
  const out: Record<string, AssumedValue> = {};
  for (const a of assumptions ?? []) {
    if (a.holes && Array.isArray(a.value)) {
      a.holes.forEach((hole, k) => {
        const expr = a.holeExpressions?.[k];
        if (expr && isName(expr) && !(expr in out)) out[expr] = (a.value as AssumedValue[])[hole];
      });
    } else if (a.expression && isName(a.expression) && !(a.expression in out)) out[a.expression] = a.value;
  }
  return out;
}

function isName(expr: string): boolean {
  return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(expr);
}

/** A copy whose layer configs and input shapes can be edited without touching the original. */
function cloneForEdit(spec: ModelSpec): ModelSpec {
  const out: ModelSpec = { ...spec, inputShape: [...spec.inputShape], layers: spec.layers.map(cloneLayer) };
  if (spec.inputs) out.inputs = spec.inputs.map((i) => ({ ...i, shape: [...i.shape] }));
  return out;
}

function cloneLayer(l: LayerSpec): LayerSpec {
  const config: Record<string, SpecValue> = {};
  for (const [k, v] of Object.entries(l.config)) config[k] = isLayer(v) ? cloneLayer(v) : v;
  return { ...l, config };
}

function isLayer(v: SpecValue | undefined): v is LayerSpec {
  return !!v && typeof v === 'object' && !Array.isArray(v) && v.kind === 'layer';
}

function setInputShape(spec: ModelSpec, label: string, shape: number[]): void {
  const inputs = spec.inputs;
  const k = inputs ? inputs.findIndex((i) => i.label === label) : label === 'input_1' ? 0 : -1;
  if (k < 0) return;
  if (inputs) inputs[k].shape = [...shape];
  if (k === 0) spec.inputShape = [...shape];
}

/** Sets `key` on the layer labelled `label`, its copies (`label~2`) and wherever it is wrapped. */
function setLayerValue(spec: ModelSpec, label: string, key: string, value: number): number {
  const visit = (l: LayerSpec): void => {
    if (l.label === label || l.label.startsWith(`${label}~`)) l.config[key] = value;
    for (const v of Object.values(l.config)) if (isLayer(v)) visit(v);
  };
  spec.layers.forEach(visit);
  return value;
}
