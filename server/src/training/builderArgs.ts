// Builder mode (trusted workspaces only): which function builds the model, and what to call
// it with. A builder is rarely called without arguments (`createModel(numFeatures, 10)`):
// each argument is what the file's own call site passes when the analysis can read it
// (literals, consts: the same evaluation the rules use), else the value static mode assumed
// for the parameter (its name is the expression static mode could not read), else nothing
// (the parameter's default applies).
import { ConfigEvaluator } from '../analysis/configValues';
import { indexFile, type FunctionNode } from '../analysis/fileIndex';
import type { ConfigValue } from '../analysis/modelGraph';
import { UNKNOWN } from '../analysis/modelGraph';
import { parseSource, ts } from '../analysis/parse';
import { Scopes } from '../analysis/scopes';
import { TfjsResolver } from '../analysis/tfjsBindings';
import type { AssumedValue } from './modelSpec';
import { lineAt } from './modelSpec';

export interface BuilderCall {
  /** The function's name in the module scope (it is called from there). */
  name: string;
  args: unknown[];
  /** Per parameter: its name, the value passed, and where it came from. */
  params: { name: string; value: unknown; from: string }[];
}

/**
 * The top-level function around `offset` (the model's constructing call) and its
 * arguments; undefined when the model is not built inside a named top-level function.
 * `assumed`: static mode's values by the expression they stand for (`numFeatures`, `cfg.units`).
 */
export function builderCall(text: string, fileName: string, offset: number, assumed: Record<string, AssumedValue> = {}): BuilderCall | undefined {
  const source = parseSource(text, fileName);
  const index = indexFile(source);
  const fn = index.functions
    .filter((f) => f.pos <= offset && offset < f.end && topLevelName(f) !== undefined)
    .sort((a, b) => a.end - a.pos - (b.end - b.pos))[0];
  if (!fn) return undefined;
  const name = topLevelName(fn)!;
  const scopes = new Scopes(new Map(index.hoistedVars));
  const evaluator = new ConfigEvaluator({ scopes, tfjs: new TfjsResolver(index, scopes), layerForCall: () => undefined });
  const declaration = ts.isFunctionDeclaration(fn) ? fn : fn.parent;
  const site = index.calls.find((c) => ts.isIdentifier(c.expression) && c.expression.text === name && scopes.resolve(c.expression) === declaration);
  const fromSite = site?.arguments.map((a) => plain(evaluator.evaluate(a)));
  const siteLine = site ? lineAt(text, site.getStart(source)) : undefined;
  const params = fn.parameters.map((p, i) => {
    const pname = p.name.getText(source);
    const known = fromSite?.[i];
    if (known !== undefined && known !== NOT_PLAIN) return { name: pname, value: known, from: `as called at line ${siteLine}` };
    const value = assumedFor(p.name, assumed);
    return value === undefined
      ? { name: pname, value: undefined, from: p.initializer ? 'its default' : 'not known (undefined)' }
      : { name: pname, value, from: 'the value static mode assumes' };
  });
  return { name, args: params.map((p) => p.value), params };
}

/** The name a top-level function is reachable by from the module's end: `function f`, `const f = () => ...`. */
function topLevelName(fn: FunctionNode): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name && ts.isSourceFile(fn.parent) ? fn.name.text : undefined;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) {
    const statement = fn.parent.parent?.parent;
    return statement && ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent) ? fn.parent.name.text : undefined;
  }
  return undefined;
}

/** A parameter's value from static mode's assumptions: `hidden`, or `{units, inputDim}`, or `cfg` from `cfg.units`. */
function assumedFor(name: ts.BindingName, assumed: Record<string, AssumedValue>): unknown {
  if (ts.isIdentifier(name)) {
    if (name.text in assumed) return assumed[name.text];
    const prefix = `${name.text}.`;
    const fields = Object.entries(assumed).filter(([k]) => k.startsWith(prefix) && !k.slice(prefix.length).includes('.'));
    return fields.length ? Object.fromEntries(fields.map(([k, v]) => [k.slice(prefix.length), v])) : undefined;
  }
  if (ts.isObjectBindingPattern(name)) {
    const out: Record<string, unknown> = {};
    for (const e of name.elements) {
      const key = e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : ts.isIdentifier(e.name) ? e.name.text : undefined;
      const local = ts.isIdentifier(e.name) ? e.name.text : undefined;
      if (key && local && local in assumed) out[key] = assumed[local];
    }
    return Object.keys(out).length ? out : undefined;
  }
  return undefined;
}

const NOT_PLAIN = Symbol('not a plain value');

/** A fully known config value as a plain JS value; NOT_PLAIN when any part is unknown or a tfjs object. */
function plain(v: ConfigValue): unknown {
  if (v === UNKNOWN) return NOT_PLAIN;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const items = v.map(plain);
    return items.includes(NOT_PLAIN) ? NOT_PLAIN : items;
  }
  if (v.kind !== 'object' || !v.complete) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const [k, e] of Object.entries(v.props)) {
    const p = plain(e);
    if (p === NOT_PLAIN) return NOT_PLAIN;
    out[k] = p;
  }
  return out;
}
