// Files that use tfjs without importing it: pages that load `tf.min.js` with a script tag,
// web workers (`importScripts(...)`), p5.js sketches, `window.tf` / `self.tf` /
// `globalThis.tf`, and code handed tfjs by its caller (`function build(tf)`,
// `constructor(tf) { this.tf = tf }`). Only the shape of the uses decides, and only a
// name nothing in the file declares can be the page's global: a file with its own `tf`
// (a variable, an import of something else) is not tfjs on that account.
import type { FileIndex } from './fileIndex';
import { isLayerFactory } from './layerCatalog';
import { ts } from './parse';
import type { Scopes } from './scopes';

export interface UnimportedTfjs {
  /** `global`: the page's `tf`; `parameter`: a parameter or property the caller fills. */
  source: 'global' | 'parameter';
  /** Identifiers that are the tfjs namespace (`tf`, or a parameter's name). */
  names: string[];
  /** `this.x` properties set from a parameter and used as the tfjs namespace. */
  properties: string[];
}

const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis']);
const TF_FUNCTIONS = new Set(['sequential', 'model', 'input']);

export function findUnimportedTfjs(index: FileIndex, scopes: Scopes): UnimportedTfjs | undefined {
  const names = new Set<string>();
  const properties = new Set<string>();
  let global = false;
  let parameter = false;
  const parameterProperties = propertiesSetFromParameters(index, scopes);

  const consider = (expr: ts.Expression, member: string[], usedAsCall: boolean): void => {
    const { root, path } = chainOf(expr);
    const rest = [...path, ...member];
    if (ts.isIdentifier(root)) {
      const decl = scopes.resolve(root);
      const free = !decl || isAmbient(decl);
      if (free && root.text === 'tf' && isTfjsShaped(rest, usedAsCall)) {
        global = true;
        names.add('tf');
      } else if (free && GLOBAL_OBJECTS.has(root.text) && rest[0] === 'tf' && isTfjsShaped(rest.slice(1), usedAsCall)) {
        global = true;
        names.add('tf'); // `window.tf.x` classifies through the name `tf` (tfjsBindings.ts)
      } else if (decl && ts.isParameter(decl) && usedAsCall && isTfjsShaped(rest, true)) {
        parameter = true;
        names.add(root.text);
      }
    } else if (root.kind === ts.SyntaxKind.ThisKeyword && parameterProperties.has(rest[0]) && usedAsCall &&
      isTfjsShaped(rest.slice(1), true)) {
      parameter = true;
      properties.add(rest[0]);
    }
  };

  for (const call of index.calls) {
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee)) consider(callee.expression, [callee.name.text], true);
  }
  // `const {layers, sequential} = tf`, `const L = tf.layers`, `const tf = window.tf`.
  for (const d of index.variableDeclarations) {
    if (d.initializer) consider(d.initializer, [], false);
  }
  if (!global && !parameter) return undefined;
  return { source: global ? 'global' : 'parameter', names: [...names], properties: [...properties] };
}

/** `a.b.c` → root `a`, path ['b', 'c'] (through parentheses and type assertions). */
function chainOf(expr: ts.Expression): { root: ts.Expression; path: string[] } {
  const path: string[] = [];
  let e = skipParens(expr);
  while (ts.isPropertyAccessExpression(e)) {
    path.unshift(e.name.text);
    e = skipParens(e.expression);
  }
  return { root: e, path };
}

function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/**
 * The members read off the namespace: a call of `layers.<factory>`, `sequential`, `model`
 * or `input`; for an alias, the namespace itself, `layers`, or one of those functions.
 */
function isTfjsShaped(members: string[], usedAsCall: boolean): boolean {
  if (members.length === 2 && members[0] === 'layers') return isLayerFactory(members[1]);
  if (members.length === 1) return TF_FUNCTIONS.has(members[0]) || (!usedAsCall && members[0] === 'layers');
  return members.length === 0 && !usedAsCall;
}

/** `declare const tf: ...` (TypeScript's way to name the page's global) declares nothing of the file's own. */
function isAmbient(decl: ts.Node): boolean {
  const statement = ts.isVariableDeclaration(decl) ? decl.parent?.parent : undefined;
  return !!statement && ts.isVariableStatement(statement) &&
    !!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
}

/**
 * `this.x = p` in a constructor or method, `p` one of its parameters, or a TypeScript
 * parameter property (`constructor(private tf: ...)`): x may hold what the caller passes.
 */
function propertiesSetFromParameters(index: FileIndex, scopes: Scopes): Set<string> {
  const out = new Set<string>();
  for (const fn of index.functions) {
    if (!ts.isConstructorDeclaration(fn)) continue;
    for (const p of fn.parameters) {
      if (ts.isIdentifier(p.name) && p.modifiers?.some((m) => m.kind !== ts.SyntaxKind.Decorator)) out.add(p.name.text);
    }
  }
  for (const { name, value } of index.propertyBindings) {
    const v = skipParens(value);
    if (ts.isIdentifier(v)) {
      const decl = scopes.resolve(v);
      if (decl && ts.isParameter(decl)) out.add(name);
    }
  }
  return out;
}
