// Following a file's imports into the workspace's own modules, a bounded number of hops:
// `import {NUM_FEATURES} from './config'`, `const {convBlock} = require('./blocks')`,
// `import * as cfg from './config'`, a base class from another file. The analysis never
// reads files itself: a ModuleLoader (../project/) hands it modules already parsed, and
// says why one it cannot have is missing. What cannot be followed stays unknown, and the
// graph says which imports those are (ModelGraph.imports).
import type { FileIndex } from './fileIndex';
import type { ImportNote } from './modelGraph';
import { ts } from './parse';
import { skipOuterExpressions } from './tfjsBindings';

/** A workspace module, parsed (parent pointers set) and indexed, for the files that import it. */
export interface LoadedModule {
  fileName: string;
  sourceFile: ts.SourceFile;
  index: FileIndex;
}

/** What the analysis asks of the workspace. */
export interface ModuleLoader {
  /**
   * The module `specifier` names from `fromFile`: loaded; `{unresolved}` with the reason
   * for a module of the workspace that could not be had (no such file, outside the
   * workspace, too large); undefined for a package (not the workspace's own code).
   */
  load(specifier: string, fromFile: string): LoadedModule | { unresolved: string } | undefined;
  /** Import hops to follow from the analysed file: 1 follows its own imports only. */
  readonly depth: number;
}

/** Where an imported name leads: a declaration or expression in another module, or a whole module. */
export type ImportTarget =
  | { kind: 'node'; node: ts.Node; module: LoadedModule }
  | { kind: 'module'; module: LoadedModule };

/** A module's exports, read off its top-level statements (ES exports and CommonJS assignments). */
interface ModuleExports {
  named: Map<string, ts.Node>;
  /** `module.exports = <expr>` or `export default <expr>`. */
  whole?: ts.Node;
  /** `export * from './x'`. */
  reexportAll: string[];
  /** `export {a as b} from './x'`: b → [specifier, a]. */
  reexports: Map<string, [string, string]>;
}

export class ImportResolver {
  /** Import hops from the analysed file to each module it has met. */
  private readonly depthOf = new Map<ts.SourceFile, number>();
  private readonly exportsOf = new Map<ts.SourceFile, ModuleExports>();
  private readonly loaded = new Map<string, LoadedModule | { unresolved: string } | undefined>();
  readonly notes: ImportNote[] = [];
  readonly modules: LoadedModule[] = [];

  constructor(
    private readonly loader: ModuleLoader,
    private readonly root: ts.SourceFile,
    /** Hears of each module the first time it is followed (to resolve names in its code). */
    private readonly onFollow: (module: LoadedModule) => void = () => undefined,
  ) {
    this.depthOf.set(root, 0);
  }

  /** The file a node belongs to. */
  static fileOf(node: ts.Node): ts.SourceFile {
    let n = node;
    while (n.parent) n = n.parent;
    return n as ts.SourceFile;
  }

  /** Whether `node` is code of another module than the analysed file. */
  isExternal(node: ts.Node): boolean {
    return ImportResolver.fileOf(node) !== this.root;
  }

  /** Where an import binding (`import {x}`, `import x`, `import * as x`) leads, if followed. */
  targetOfBinding(decl: ts.Node): ImportTarget | undefined {
    let declaration: ts.ImportDeclaration | undefined;
    let imported: string | 'default' | '*' | undefined;
    if (ts.isImportSpecifier(decl)) {
      declaration = decl.parent.parent.parent as ts.ImportDeclaration;
      imported = (decl.propertyName ?? decl.name).text;
    } else if (ts.isImportClause(decl)) {
      declaration = decl.parent as ts.ImportDeclaration;
      imported = 'default';
    } else if (ts.isNamespaceImport(decl)) {
      declaration = decl.parent.parent as ts.ImportDeclaration;
      imported = '*';
    }
    if (!declaration || !ts.isImportDeclaration(declaration) || !ts.isStringLiteral(declaration.moduleSpecifier) || imported === undefined) return undefined;
    const module = this.moduleFor(declaration.moduleSpecifier, ImportResolver.fileOf(declaration));
    if (!module) return undefined;
    if (imported === '*') return { kind: 'module', module };
    return this.exportOf(module, imported);
  }

  /** `require('./x')`: the module, if followed. */
  targetOfRequire(call: ts.CallExpression): ImportTarget | undefined {
    const arg = call.arguments[0];
    if (!arg || !ts.isStringLiteral(arg)) return undefined;
    const module = this.moduleFor(arg, ImportResolver.fileOf(call));
    return module && { kind: 'module', module };
  }

  /** A module's export by name (`default` for the default export), following re-exports. */
  exportOf(module: LoadedModule, name: string, seen = new Set<string>()): ImportTarget | undefined {
    const key = `${module.fileName}#${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const exports = this.exportsFor(module);
    const direct = name === 'default' ? exports.whole ?? exports.named.get('default') : exports.named.get(name);
    if (direct) return { kind: 'node', node: direct, module };
    // CommonJS: `module.exports = {a, b}` read as named exports, and a default import of it.
    if (exports.whole && name !== 'default') {
      const whole = skipOuterExpressions(exports.whole as ts.Expression);
      if (ts.isObjectLiteralExpression(whole)) {
        const prop = whole.properties.find((p) => p.name && propertyNameText(p.name) === name);
        if (prop && ts.isPropertyAssignment(prop)) return { kind: 'node', node: prop.initializer, module };
        if (prop && ts.isShorthandPropertyAssignment(prop)) return { kind: 'node', node: prop.name, module };
      }
    }
    const re = exports.reexports.get(name);
    if (re) {
      const target = this.moduleAt(re[0], module);
      return target && this.exportOf(target, re[1], seen);
    }
    for (const specifier of exports.reexportAll) {
      const target = this.moduleAt(specifier, module);
      const found = target && this.exportOf(target, name, seen);
      if (found) return found;
    }
    return undefined;
  }

  private moduleAt(specifier: string, from: LoadedModule): LoadedModule | undefined {
    return this.load(specifier, from.sourceFile, undefined);
  }

  private moduleFor(specifierNode: ts.StringLiteral, from: ts.SourceFile): LoadedModule | undefined {
    return this.load(specifierNode.text, from, from === this.root ? specifierNode : undefined);
  }

  /** The module, when within the hop limit; notes the outcome of the analysed file's own imports. */
  private load(specifier: string, from: ts.SourceFile, noteAt: ts.StringLiteral | undefined): LoadedModule | undefined {
    const hops = (this.depthOf.get(from) ?? Infinity) + 1;
    if (hops > this.loader.depth) {
      if (noteAt) this.note(noteAt, 'not-followed', `imports are followed ${this.loader.depth} level(s) deep`);
      return undefined;
    }
    const key = `${from.fileName}\u0000${specifier}`;
    if (!this.loaded.has(key)) this.loaded.set(key, this.loader.load(specifier, from.fileName));
    const result = this.loaded.get(key);
    if (!result) return undefined; // a package: not the workspace's code
    if ('unresolved' in result) {
      if (noteAt) this.note(noteAt, 'unresolved', result.unresolved);
      return undefined;
    }
    if (!this.depthOf.has(result.sourceFile) || this.depthOf.get(result.sourceFile)! > hops) this.depthOf.set(result.sourceFile, hops);
    if (!this.modules.includes(result)) {
      this.modules.push(result);
      this.onFollow(result);
    }
    if (noteAt) this.note(noteAt, 'followed', undefined, result.fileName);
    return result;
  }

  private note(at: ts.StringLiteral, status: ImportNote['status'], reason?: string, file?: string): void {
    if (this.notes.some((n) => n.span.start === at.getStart())) return;
    const note: ImportNote = { specifier: at.text, span: { start: at.getStart(), end: at.getEnd() }, status };
    if (reason) note.reason = reason;
    if (file) note.file = file;
    this.notes.push(note);
  }

  private exportsFor(module: LoadedModule): ModuleExports {
    let exports = this.exportsOf.get(module.sourceFile);
    if (!exports) {
      exports = readExports(module.sourceFile);
      this.exportsOf.set(module.sourceFile, exports);
    }
    return exports;
  }
}

function propertyNameText(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

function hasExportModifier(node: ts.Node): boolean {
  return !!(node as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function hasDefaultModifier(node: ts.Node): boolean {
  return !!(node as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** The top-level declarations a module exports, by name. */
function readExports(sourceFile: ts.SourceFile): ModuleExports {
  const exports: ModuleExports = { named: new Map(), reexportAll: [], reexports: new Map() };
  const locals = new Map<string, ts.Node>();
  for (const s of sourceFile.statements) {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) {
          locals.set(d.name.text, d);
          if (hasExportModifier(s)) exports.named.set(d.name.text, d);
        }
      }
    } else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) {
      locals.set(s.name.text, s);
      if (hasExportModifier(s)) exports.named.set(hasDefaultModifier(s) ? 'default' : s.name.text, s);
    } else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && hasDefaultModifier(s)) {
      exports.named.set('default', s);
    } else if (ts.isExportAssignment(s)) {
      exports.whole = s.expression; // `export default <expr>` (or TypeScript's `export = <expr>`)
    } else if (ts.isExportDeclaration(s)) {
      const from = s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : undefined;
      if (!s.exportClause) {
        if (from) exports.reexportAll.push(from);
      } else if (ts.isNamedExports(s.exportClause)) {
        for (const e of s.exportClause.elements) {
          const local = (e.propertyName ?? e.name).text;
          if (from) exports.reexports.set(e.name.text, [from, local]);
          else exports.named.set(e.name.text, e.propertyName ?? e.name); // resolved below
        }
      }
    } else if (ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) &&
      s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      readCommonJsExport(s.expression, exports);
    }
  }
  // `export {a, b as c}` of local declarations.
  for (const [name, node] of exports.named) {
    if (ts.isIdentifier(node) && ts.isExportSpecifier(node.parent)) {
      const local = locals.get(node.text);
      if (local) exports.named.set(name, local);
      else exports.named.delete(name);
    }
  }
  return exports;
}

/** `module.exports = x`, `module.exports.a = x`, `exports.a = x`. */
function readCommonJsExport(assignment: ts.BinaryExpression, exports: ModuleExports): void {
  const target = assignment.left;
  if (!ts.isPropertyAccessExpression(target)) return;
  const owner = target.expression;
  const isModuleExports = (e: ts.Expression) =>
    ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
  if (isModuleExports(target)) {
    exports.whole = assignment.right;
  } else if (isModuleExports(owner) || (ts.isIdentifier(owner) && owner.text === 'exports')) {
    exports.named.set(target.name.text, assignment.right);
  }
}
