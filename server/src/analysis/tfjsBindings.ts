// How this file reaches tfjs: `import * as tf`, default imports, named imports, `require`,
// destructuring (`const {dense} = tf.layers`) and aliases (`const L = tf.layers`). The
// result classifies any expression as "the tf namespace", "tf.layers", "a layer factory"...
import type { FileIndex } from './fileIndex';
import { isLayerFactory, isTfjsModule, REGULARIZER_FACTORIES } from './layerCatalog';
import { usesTfjs, type TfjsBindings } from './modelGraph';
import { ts } from './parse';
import type { Scopes } from './scopes';
import { findUnimportedTfjs } from './unimportedTfjs';

/** Top-level tfjs functions and classes the model builder cares about. */
export type TfFunction = 'sequential' | 'model' | 'input' | 'Sequential' | 'LayersModel';
const TF_FUNCTIONS = new Set<string>(['sequential', 'model', 'input', 'Sequential', 'LayersModel']);

export type TfEntity =
  | { kind: 'tf' }
  | { kind: 'layers' }
  | { kind: 'regularizers' }
  | { kind: 'layerFactory'; factory: string }
  | { kind: 'regularizerFactory'; factory: string }
  | { kind: 'tfFunction'; name: TfFunction };

/** What the interpreter asks of the file's tfjs bindings. */
export interface TfjsClassifier {
  readonly bindings: TfjsBindings;
  classify(expr: ts.Expression): TfEntity | undefined;
}

/**
 * The analysed file's bindings, and while the interpreter runs another module's code
 * (`external()`), that module's own: a helper file may name tfjs differently.
 */
export class CrossFileTfjs implements TfjsClassifier {
  private readonly others = new Map<ts.SourceFile, TfjsResolver>();

  constructor(
    private readonly root: TfjsResolver,
    private readonly rootFile: ts.SourceFile,
    private readonly external: () => boolean,
    private readonly resolverFor: (file: ts.SourceFile) => TfjsResolver,
  ) {}

  get bindings(): TfjsBindings {
    return this.root.bindings;
  }

  classify(expr: ts.Expression): TfEntity | undefined {
    if (!this.external()) return this.root.classify(expr);
    let file: ts.Node = expr;
    while (file.parent) file = file.parent;
    if (file === this.rootFile) return this.root.classify(expr);
    let resolver = this.others.get(file as ts.SourceFile);
    if (!resolver) {
      resolver = this.resolverFor(file as ts.SourceFile);
      this.others.set(file as ts.SourceFile, resolver);
    }
    return resolver.classify(expr);
  }
}

export class TfjsResolver implements TfjsClassifier {
  readonly bindings: TfjsBindings = {
    modules: [],
    namespaces: [],
    layersNamespaces: [],
    layerFactories: {},
    regularizersNamespaces: [],
    regularizerFactories: {},
  };
  /** Local identifiers bound to tfjs entities (by name: shadowing is rare and harmless here). */
  private readonly names = new Map<string, TfEntity>();
  /** Properties (`this.tf`, `private L = tf.layers`) bound to tfjs entities. */
  private readonly properties = new Map<string, TfEntity>();

  constructor(index: FileIndex, scopes: Scopes) {
    this.collectImports(index);
    if (this.bindings.modules.length === 0) this.collectUnimported(index, scopes);
    if (this.hasTfjs) {
      this.collectAliases(index.variableDeclarations);
      this.collectProperties(index.propertyBindings);
    }
  }

  get hasTfjs(): boolean {
    return usesTfjs(this.bindings);
  }

  /** No tfjs import: the page's global `tf`, or a `tf` the caller passes in (unimportedTfjs.ts). */
  private collectUnimported(index: FileIndex, scopes: Scopes): void {
    const found = findUnimportedTfjs(index, scopes);
    if (!found) return;
    this.bindings.unimported = found.source;
    for (const name of found.names) this.bind(name, { kind: 'tf' });
    for (const property of found.properties) this.properties.set(property, { kind: 'tf' });
  }

  classify(expr: ts.Expression): TfEntity | undefined {
    expr = skipOuterExpressions(expr);
    if (ts.isIdentifier(expr)) return this.names.get(expr.text);
    if (ts.isPropertyAccessExpression(expr)) {
      const member = expr.name.text;
      const owner = this.classify(expr.expression);
      if (!owner) {
        // `this.tf.layers...`: a property holding a tfjs namespace, assigned in this file or
        // named like the file's own binding (`deps.tf` where the file imports `tf`).
        const property = this.properties.get(member);
        if (property) return property;
        return this.names.get(member)?.kind === 'tf' ? { kind: 'tf' } : undefined;
      }
      return memberOf(owner, member);
    }
    if (ts.isCallExpression(expr) && isTfjsRequire(expr)) return { kind: 'tf' };
    if (ts.isAwaitExpression(expr) && ts.isCallExpression(expr.expression) && isTfjsRequire(expr.expression)) {
      return { kind: 'tf' };
    }
    return undefined;
  }

  private bind(name: string, entity: TfEntity): void {
    if (this.names.has(name)) return;
    this.names.set(name, entity);
    const b = this.bindings;
    switch (entity.kind) {
      case 'tf': b.namespaces.push(name); break;
      case 'layers': b.layersNamespaces.push(name); break;
      case 'regularizers': b.regularizersNamespaces.push(name); break;
      case 'layerFactory': b.layerFactories[name] = entity.factory; break;
      case 'regularizerFactory': b.regularizerFactories[name] = entity.factory; break;
      case 'tfFunction': break;
    }
  }

  private collectImports(index: FileIndex): void {
    for (const node of index.imports) {
      if (!ts.isStringLiteral(node.moduleSpecifier)) continue;
      const module = node.moduleSpecifier.text;
      if (isTfjsModule(module) && node.importClause) this.bindImportClause(node.importClause, module);
    }
    for (const call of index.calls) {
      if (isTfjsRequire(call)) this.noteModule((call.arguments[0] as ts.StringLiteral).text);
    }
  }

  private noteModule(module: string): void {
    if (!this.bindings.modules.includes(module)) this.bindings.modules.push(module);
  }

  private bindImportClause(clause: ts.ImportClause, module: string): void {
    this.noteModule(module);
    if (clause.name) this.bind(clause.name.text, { kind: 'tf' });
    const named = clause.namedBindings;
    if (!named) return;
    if (ts.isNamespaceImport(named)) {
      this.bind(named.name.text, { kind: 'tf' });
      return;
    }
    const names: string[] = [];
    for (const spec of named.elements) {
      const imported = (spec.propertyName ?? spec.name).text;
      const entity = memberOf({ kind: 'tf' }, imported);
      if (entity) this.bind(spec.name.text, entity);
      names.push(spec.getText());
    }
    if (!this.bindings.namedImport) {
      this.bindings.namedImport = { span: { start: named.getStart(), end: named.getEnd() }, names, module };
    }
  }

  /** `const tf = require(..)`, `const L = tf.layers`, `const {dense} = tf.layers`, to a fixpoint. */
  private collectAliases(allDeclarations: ts.VariableDeclaration[]): void {
    const declarations = allDeclarations.filter((d) => d.initializer);
    let changed = true;
    while (changed) {
      changed = false;
      for (const d of declarations) {
        const before = this.names.size;
        const entity = this.classify(d.initializer!);
        if (!entity) continue;
        if (ts.isIdentifier(d.name)) this.bind(d.name.text, entity);
        else if (ts.isObjectBindingPattern(d.name)) this.bindDestructured(d.name, entity);
        if (this.names.size !== before) changed = true;
      }
    }
  }

  /** `const {dense, layers: {conv2d: c}} = ...`, nested patterns included. */
  private collectProperties(bindings: { name: string; value: ts.Expression }[]): void {
    for (let pass = 0; pass < 2; pass++) {
      for (const { name, value } of bindings) {
        const entity = this.classify(value);
        if (entity && !this.properties.has(name)) this.properties.set(name, entity);
      }
    }
  }

  private bindDestructured(pattern: ts.ObjectBindingPattern, owner: TfEntity): void {
    for (const element of pattern.elements) {
      if (element.dotDotDotToken) continue;
      const keyNode = element.propertyName ?? element.name;
      if (!ts.isIdentifier(keyNode)) continue;
      const entity = memberOf(owner, keyNode.text);
      if (!entity) continue;
      if (ts.isIdentifier(element.name)) this.bind(element.name.text, entity);
      else if (ts.isObjectBindingPattern(element.name)) this.bindDestructured(element.name, entity);
    }
  }
}

function memberOf(owner: TfEntity, member: string): TfEntity | undefined {
  switch (owner.kind) {
    case 'tf':
      if (member === 'layers') return { kind: 'layers' };
      if (member === 'regularizers') return { kind: 'regularizers' };
      if (TF_FUNCTIONS.has(member)) return { kind: 'tfFunction', name: member as TfFunction };
      return undefined;
    case 'layers':
      return isLayerFactory(member) ? { kind: 'layerFactory', factory: member } : undefined;
    case 'regularizers':
      return REGULARIZER_FACTORIES.has(member) ? { kind: 'regularizerFactory', factory: member } : undefined;
    default:
      return undefined;
  }
}

function isTfjsRequire(call: ts.CallExpression): boolean {
  const callee = call.expression;
  const isRequire =
    (ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword;
  const arg = call.arguments[0];
  return isRequire && !!arg && ts.isStringLiteral(arg) && isTfjsModule(arg.text);
}

const OUTER_EXPRESSION_KINDS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.ParenthesizedExpression, ts.SyntaxKind.AsExpression, ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.TypeAssertionExpression, ts.SyntaxKind.SatisfiesExpression,
]);

/** `(x as T)!` → `x`. By kind: this runs on every expression the analysis looks at. */
export function skipOuterExpressions(expr: ts.Expression): ts.Expression {
  while (OUTER_EXPRESSION_KINDS.has(expr.kind)) {
    expr = (expr as ts.ParenthesizedExpression).expression;
  }
  return expr;
}
