// Data files the code itself reads: `tf.data.csv('file://…')`, `tf.data.csv(url)`,
// `fs.readFileSync('….csv')`, `require('./data.json')`, `import data from './data.json'`,
// `fetch('data.csv')`. Sanity-train offers them as the first choice of training data.
//
// Read off the file index (its calls and imports), never a walk of its own. A path is
// kept only when it is known statically: string literals, templates and `+` of known
// parts, `const`s, `__dirname`, `process.cwd()`, `path.join`/`path.resolve` and
// `new URL('./x', import.meta.url)`; anything else is left out, never guessed. Whether the
// file exists is for the shells to check (the analysis does not touch the file system).
import type { FileIndex } from './fileIndex';
import { TFJS_MODULES } from './layerCatalog';
import type { DataSource, DataSourceBase } from './modelGraph';
import { ts } from './parse';
import type { Scopes } from './scopes';
import { skipOuterExpressions, type TfjsResolver } from './tfjsBindings';

/** Extensions of the files the trainer reads (training/userData.ts). */
const DATA_FILE = /\.(csv|tsv|json)$/i;
const READ_FILE_FUNCTIONS = new Set(['readFileSync', 'readFile', 'createReadStream']);
/** How deep `const` → `const` → ... chains are followed. */
const MAX_DEPTH = 8;

export function collectDataSources(index: FileIndex, tfjs: TfjsResolver, scopes: Scopes): DataSource[] {
  const found: DataSource[] = [];
  const seen = new Set<string>();
  const add = (source: DataSource) => {
    const key = `${source.base}:${source.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(source);
  };
  const paths = new PathEvaluator(scopes);
  const dataNamespaces = tfjsDataImports(index);

  for (const imp of index.imports) {
    const specifier = imp.moduleSpecifier;
    if (!ts.isStringLiteral(specifier)) continue;
    const file = specifier.text.replace(/\?.*$/, ''); // bundler suffixes: './x.csv?raw'
    if (/^\.\.?\//.test(file) && DATA_FILE.test(file)) add({ path: file, base: 'file', how: 'import', span: spanOf(specifier) });
  }

  for (const call of index.calls) {
    const arg = call.arguments[0];
    if (!arg) continue;
    const callee = skipOuterExpressions(call.expression);
    const name = calleeName(callee);
    if (name === undefined) continue;
    if (name === 'csv' && isTfData(callee, tfjs, dataNamespaces)) {
      const where = paths.evaluate(arg);
      if (!where) continue;
      // tfjs reads `file://` sources from disk (Node); any other string is a URL the page fetches.
      const local = where.base !== undefined || where.text.startsWith('file://') ? stripFileScheme(where) : undefined;
      const source = local ? dataSource(local, local.base ?? 'cwd', 'tf.data.csv', arg)
        : isRelativeUrl(where) ? dataSource(where, 'page', 'tf.data.csv', arg) : undefined;
      if (!source) continue;
      const label = labelColumn(call.arguments[1]);
      if (label !== undefined) source.label = label;
      add(source);
    } else if (READ_FILE_FUNCTIONS.has(name)) {
      const where = paths.evaluate(arg);
      const local = where && stripFileScheme(where);
      if (local && DATA_FILE.test(local.text)) add(dataSource(local, local.base ?? 'cwd', 'fs', arg));
    } else if (name === 'require' || name === 'import') {
      if (ts.isStringLiteral(arg) && /^\.\.?\//.test(arg.text) && DATA_FILE.test(arg.text)) {
        add({ path: arg.text, base: 'file', how: name, span: spanOf(arg) });
      }
    } else if (name === 'fetch') {
      // Browser code: a URL relative to the page, or `new URL('./x.json', import.meta.url)` (bundlers).
      const where = paths.evaluate(arg);
      const file = where && { base: where.base, text: where.text.replace(/[?#].*$/, '') };
      if (file && (file.base === 'file' || isRelativeUrl(file)) && DATA_FILE.test(file.text)) {
        add(dataSource(file, file.base ?? 'page', 'fetch', arg));
      }
    }
  }
  return found;
}

/** With a base directory the path is relative to it: `__dirname + '/x.csv'` is `x.csv` in the file's directory. */
function dataSource(value: PathValue, base: DataSourceBase, how: DataSource['how'], arg: ts.Expression): DataSource {
  return { path: value.base ? value.text.replace(/^\/+/, '') : value.text, base, how, span: spanOf(arg) };
}

function spanOf(node: ts.Node): { start: number; end: number } {
  return { start: node.getStart(), end: node.getEnd() };
}

/** `readFileSync` in `fs.readFileSync(...)` or `readFileSync(...)`; `import` for `import(...)`. */
function calleeName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return 'import';
  return undefined;
}

/** `tf.data.csv` (any binding of the tfjs namespace), or `data.csv` with `data` imported from tfjs. */
function isTfData(callee: ts.Expression, tfjs: TfjsResolver, dataNamespaces: ReadonlySet<string>): boolean {
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const owner = skipOuterExpressions(callee.expression);
  if (ts.isIdentifier(owner)) return dataNamespaces.has(owner.text);
  return ts.isPropertyAccessExpression(owner) && owner.name.text === 'data' && tfjs.classify(owner.expression)?.kind === 'tf';
}

/** Local names of `import {data} from '@tensorflow/tfjs'` (and `{data as d}`). */
function tfjsDataImports(index: FileIndex): Set<string> {
  const names = new Set<string>();
  for (const imp of index.imports) {
    const bindings = imp.importClause?.namedBindings;
    if (!ts.isStringLiteral(imp.moduleSpecifier) || !TFJS_MODULES.has(imp.moduleSpecifier.text) || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const spec of bindings.elements) if ((spec.propertyName ?? spec.name).text === 'data') names.add(spec.name.text);
  }
  return names;
}

/** `{columnConfigs: {medv: {isLabel: true}}}` → `medv`. */
function labelColumn(options: ts.Expression | undefined): string | undefined {
  const configs = options && propertyValue(skipOuterExpressions(options), 'columnConfigs');
  if (!configs || !ts.isObjectLiteralExpression(configs)) return undefined;
  for (const prop of configs.properties) {
    if (!ts.isPropertyAssignment(prop)) continue;
    const column = propertyName(prop.name);
    const isLabel = propertyValue(skipOuterExpressions(prop.initializer), 'isLabel');
    if (column !== undefined && isLabel?.kind === ts.SyntaxKind.TrueKeyword) return column;
  }
  return undefined;
}

function propertyValue(object: ts.Expression, key: string): ts.Expression | undefined {
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  for (const prop of object.properties) {
    if (ts.isPropertyAssignment(prop) && propertyName(prop.name) === key) return skipOuterExpressions(prop.initializer);
  }
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}

/** A path known statically: `text`, after the directory `base` stands for (when it starts with one). */
interface PathValue {
  base?: Exclude<DataSourceBase, 'page'>;
  text: string;
}

/** `file:///abs/x.csv` or `file://` + `path.join(__dirname, 'x.csv')` → the path; undefined for other URLs. */
function stripFileScheme(value: PathValue): PathValue | undefined {
  if (value.base) return value;
  if (value.text.startsWith('file://')) return { text: value.text.slice('file://'.length) };
  if (/^[a-z][a-z0-9+.-]*:/i.test(value.text)) return undefined; // http:, https:, data:, ...
  return value;
}

function isRelativeUrl(value: PathValue): boolean {
  return !value.base && !/^[a-z][a-z0-9+.-]*:/i.test(value.text) && !value.text.startsWith('//');
}

class PathEvaluator {
  constructor(private readonly scopes: Scopes) {}

  evaluate(expr: ts.Expression, depth = 0): PathValue | undefined {
    if (depth > MAX_DEPTH) return undefined;
    expr = skipOuterExpressions(expr);
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return { text: expr.text };
    if (ts.isIdentifier(expr)) {
      if (expr.text === '__dirname') return { base: 'file', text: '' };
      return this.constant(expr, depth);
    }
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return concat(this.evaluate(expr.left, depth + 1), this.evaluate(expr.right, depth + 1));
    }
    if (ts.isTemplateExpression(expr)) {
      let value: PathValue | undefined = { text: expr.head.text };
      for (const span of expr.templateSpans) {
        value = concat(concat(value, this.evaluate(span.expression, depth + 1)), { text: span.literal.text });
      }
      return value;
    }
    if (ts.isCallExpression(expr)) return this.call(expr, depth);
    if (ts.isNewExpression(expr)) return this.url(expr, depth);
    return undefined;
  }

  /** `const DATA = './x.csv'` (only `const`: a `let` may be reassigned). */
  private constant(identifier: ts.Identifier, depth: number): PathValue | undefined {
    const declaration = this.scopes.resolve(identifier);
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
    if (!ts.isIdentifier(declaration.name) || !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return undefined;
    return this.evaluate(declaration.initializer, depth + 1);
  }

  /** `path.join(...)`, `path.resolve(...)`, `process.cwd()`, `fileURLToPath(new URL(...))`. */
  private call(call: ts.CallExpression, depth: number): PathValue | undefined {
    const callee = skipOuterExpressions(call.expression);
    const name = calleeName(callee);
    if (name === 'cwd' && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'process') {
      return call.arguments.length === 0 ? { base: 'cwd', text: '' } : undefined;
    }
    if (name === 'fileURLToPath' && call.arguments.length === 1) {
      const value = this.evaluate(call.arguments[0], depth + 1);
      return value && stripFileScheme(value);
    }
    if (name !== 'join' && name !== 'resolve') return undefined;
    const parts = call.arguments.map(a => this.evaluate(a, depth + 1));
    if (parts.length === 0 || parts.some(p => p === undefined)) return undefined;
    let value: PathValue | undefined;
    for (const part of parts as PathValue[]) {
      // A directory, or (for resolve) an absolute path, starts the result afresh, as in Node.
      if (!value || part.base || (name === 'resolve' && part.text.startsWith('/'))) value = { ...part };
      else value = { base: value.base, text: joinPath(value.text, part.text) };
    }
    if (!value) return undefined;
    if (name === 'resolve' && !value.base && !value.text.startsWith('/')) value = { base: 'cwd', text: value.text };
    return value;
  }

  /** `new URL('./x.csv', import.meta.url)`: relative to the file. */
  private url(expr: ts.NewExpression, depth: number): PathValue | undefined {
    const [first, second] = expr.arguments ?? [];
    if (!ts.isIdentifier(expr.expression) || expr.expression.text !== 'URL' || !first) return undefined;
    const relative = this.evaluate(first, depth + 1);
    if (!second) return relative && relative.text.startsWith('file://') ? relative : undefined;
    const base = skipOuterExpressions(second);
    const importMetaUrl = ts.isPropertyAccessExpression(base) && base.name.text === 'url' && ts.isMetaProperty(base.expression);
    if (!relative || relative.base || !importMetaUrl || /^[a-z][a-z0-9+.-]*:/i.test(relative.text)) return undefined;
    return { base: 'file', text: relative.text };
  }
}

/** `a + b` of two known parts; a directory marker may only start the result (or follow `file://`). */
function concat(a: PathValue | undefined, b: PathValue | undefined): PathValue | undefined {
  if (!a || !b) return undefined;
  if (b.base) {
    if (a.base || (a.text !== '' && a.text !== 'file://')) return undefined;
    return { base: b.base, text: b.text };
  }
  return { base: a.base, text: a.text + b.text };
}

function joinPath(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return `${a.replace(/\/+$/, '')}/${b.replace(/^\/+/, '')}`;
}
