// How new code names tfjs in this file: a new layer goes through the same callee prefix as
// the layer it sits next to (`tf.layers.`, `L.`, `layers.`, `this.tf.layers.`); a new
// regularizer through the file's own regularizers binding. When the file reaches tfjs by
// named imports or destructuring and lacks the name, the fix adds it there.
import { ts } from '../analysis/parse';
import type { LayerNode } from '../analysis/modelGraph';
import { localNameOf, namespacedLayerCallee, regularizerCalleeInScope } from '../rules/suggestedCode';
import { commaListOf, appendItem } from './commaList';
import type { FixContext } from './fixContext';
import type { TextEdit } from './types';

/** A callee to write, with the edits that bring its name into scope (often none). */
export interface Callee {
  name: string;
  edits: TextEdit[];
}

type RegularizerFactory = 'l1' | 'l2' | 'l1l2';

/** The callee for a layer factory next to `near`, e.g. `tf.layers.dropout`. */
export function layerCallee(ctx: FixContext, near: LayerNode, factory: string): Callee | undefined {
  const prefix = compactPrefix(near.calleePrefix);
  if (prefix !== '') return { name: prefix + factory, edits: [] };
  // `near` is called through a bare, destructured factory name (`dense(...)`).
  const tfjs = ctx.graph.tfjs;
  const local = localNameOf(tfjs.layerFactories, factory);
  if (local !== undefined) return { name: local, edits: [] };
  // In the file's own style: add the factory next to the one `near` was destructured with.
  const pattern = ctx.declares(factory) ? undefined : bindingPatternDeclaring(ctx, ctx.slice(near.calleeSpan), near.span.start);
  if (pattern) return { name: factory, edits: appendItem(ctx, commaListOf(ctx, pattern), factory, ' ') };
  const namespaced = namespacedLayerCallee(tfjs, factory);
  return namespaced === undefined ? undefined : { name: namespaced, edits: [] };
}

/** The callee for a regularizer factory, e.g. `tf.regularizers.l2`. */
export function regularizerCallee(ctx: FixContext, near: LayerNode, factory: RegularizerFactory): Callee | undefined {
  // `tf.layers.` / `this.tf.layers.` is in scope where the layer is: so is `tf.regularizers.`.
  const inScope = regularizerCalleeInScope(ctx.graph.tfjs, compactPrefix(near.calleePrefix), factory);
  if (inScope !== undefined) return { name: inScope, edits: [] };
  if (ctx.declares('regularizers')) return undefined;
  const imports = namedImportsNode(ctx) ?? tfjsRequirePattern(ctx);
  if (!imports) return undefined;
  return { name: `regularizers.${factory}`, edits: appendItem(ctx, commaListOf(ctx, imports), 'regularizers', ' ') };
}

/** `tf . layers .` or a prefix broken over lines, written compactly. */
function compactPrefix(prefix: string): string {
  return prefix.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|\s+/g, '');
}

/** The `{...}` of `import {layers, sequential} from '@tensorflow/tfjs'`. */
function namedImportsNode(ctx: FixContext): ts.NamedImports | undefined {
  const named = ctx.graph.tfjs.namedImport;
  return named && ctx.nodeAt(named.span, ts.isNamedImports);
}

/** The `{...}` of `const {layers, sequential} = require('@tensorflow/tfjs')`. */
function tfjsRequirePattern(ctx: FixContext): ts.ObjectBindingPattern | undefined {
  const modules = new Set(ctx.graph.tfjs.modules);
  return findBindingPattern(ctx, (pattern, declaration) => {
    if (pattern !== declaration.name) return false;
    let init = declaration.initializer;
    if (init && ts.isAwaitExpression(init)) init = init.expression;
    if (!init || !ts.isCallExpression(init)) return false;
    const isLoader = init.expression.kind === ts.SyntaxKind.ImportKeyword ||
      (ts.isIdentifier(init.expression) && init.expression.text === 'require');
    const arg = init.arguments[0];
    return isLoader && !!arg && ts.isStringLiteral(arg) && modules.has(arg.text);
  });
}

/**
 * The destructuring pattern binding `name` (`const {dense} = tf.layers`, or nested as in
 * `const {layers: {dense}} = require(...)`) in scope at `usedAt`.
 */
function bindingPatternDeclaring(ctx: FixContext, name: string, usedAt: number): ts.ObjectBindingPattern | undefined {
  return findBindingPattern(ctx, (pattern, declaration) => {
    const binds = pattern.elements.some((e) => ts.isIdentifier(e.name) && e.name.text === name && !e.dotDotDotToken);
    const scope = enclosingScope(declaration);
    return binds && scope.pos <= usedAt && usedAt < scope.end;
  });
}

/** The block, function or file a declaration is visible in. */
function enclosingScope(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isBlock(current) && !ts.isSourceFile(current) && !ts.isFunctionLike(current) && !ts.isModuleBlock(current)) {
    current = current.parent;
  }
  return current ?? node.getSourceFile();
}

/** The first object pattern, at any depth of a variable declaration's name, that matches. */
function findBindingPattern(
  ctx: FixContext, matches: (pattern: ts.ObjectBindingPattern, declaration: ts.VariableDeclaration) => boolean,
): ts.ObjectBindingPattern | undefined {
  let found: ts.ObjectBindingPattern | undefined;
  const searchPattern = (pattern: ts.ObjectBindingPattern, declaration: ts.VariableDeclaration): void => {
    if (found) return;
    if (matches(pattern, declaration)) {
      found = pattern;
      return;
    }
    for (const element of pattern.elements) {
      if (ts.isObjectBindingPattern(element.name)) searchPattern(element.name, declaration);
    }
  };
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name)) searchPattern(node.name, node);
    ts.forEachChild(node, visit);
  };
  visit(ctx.sourceFile);
  return found;
}
