// Lexical name resolution without the type checker: which declaration does an identifier
// refer to? Enough for const lookups, variables holding models/layers/tensors, and
// helper functions. Built lazily per scope node and cached.
import { ts } from './parse';

type ScopeNode = ts.Node;
export type Declaration = ts.Node;

export class Scopes {
  private readonly tables = new Map<ScopeNode, Map<string, Declaration>>();

  /** @param hoistedVars `var` declarations by the scope they hoist to (from the file index). */
  constructor(private readonly hoistedVars: Map<ts.Node, ts.VariableDeclaration[]>) {}

  /** Another file's hoisted `var`s, to resolve names in its code too (imports.ts). */
  addFile(hoistedVars: Map<ts.Node, ts.VariableDeclaration[]>): void {
    for (const [scope, vars] of hoistedVars) this.hoistedVars.set(scope, vars);
  }

  private readonly resolved = new Map<ts.Identifier, Declaration | undefined>();

  resolve(identifier: ts.Identifier): Declaration | undefined {
    if (this.resolved.has(identifier)) return this.resolved.get(identifier);
    const name = identifier.text;
    let found: Declaration | undefined;
    for (let node: ts.Node | undefined = identifier.parent; node && !found; node = node.parent) {
      if (SCOPE_KINDS.has(node.kind)) found = this.tableOf(node).get(name);
    }
    this.resolved.set(identifier, found);
    return found;
  }

  private tableOf(scope: ScopeNode): Map<string, Declaration> {
    let table = this.tables.get(scope);
    if (!table) {
      table = collectDeclarations(scope);
      for (const d of this.hoistedVars.get(scope) ?? []) addBindingNames(d.name, d, table);
      this.tables.set(scope, table);
    }
    return table;
  }
}

const SK = ts.SyntaxKind;
/** Node kinds that open a scope (checked by kind: `ts.isX` is a getter call per test). */
const SCOPE_KINDS = new Set<ts.SyntaxKind>([
  SK.SourceFile, SK.Block, SK.ModuleBlock, SK.CaseBlock, SK.CatchClause, SK.ForStatement,
  SK.ForOfStatement, SK.ForInStatement, SK.FunctionDeclaration, SK.FunctionExpression, SK.ArrowFunction,
  SK.MethodDeclaration, SK.Constructor, SK.GetAccessor, SK.SetAccessor, SK.ClassDeclaration,
  SK.ClassExpression,
]);

function addBindingNames(name: ts.BindingName, decl: Declaration, table: Map<string, Declaration>): void {
  if (ts.isIdentifier(name)) {
    if (!table.has(name.text)) table.set(name.text, decl);
    return;
  }
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) addBindingNames(element.name, element, table);
  }
}

/** Declarations that belong directly to `scope` (hoisted `var`s are added by Scopes). */
function collectDeclarations(scope: ScopeNode): Map<string, Declaration> {
  const table = new Map<string, Declaration>();
  if (ts.isFunctionLike(scope)) {
    for (const p of scope.parameters) addBindingNames(p.name, p, table);
    if (ts.isFunctionExpression(scope) && scope.name) table.set(scope.name.text, scope);
    return table; // the body is a Block scope of its own
  }
  if (ts.isClassLike(scope)) {
    if (ts.isClassExpression(scope) && scope.name) table.set(scope.name.text, scope);
    return table;
  }
  if (ts.isCatchClause(scope)) {
    if (scope.variableDeclaration) addBindingNames(scope.variableDeclaration.name, scope.variableDeclaration, table);
    return table;
  }
  if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const init = scope.initializer;
    if (init && ts.isVariableDeclarationList(init)) {
      for (const d of init.declarations) addBindingNames(d.name, d, table);
    }
    return table;
  }
  const statements: readonly ts.Statement[] = ts.isCaseBlock(scope)
    ? scope.clauses.flatMap((c) => [...c.statements])
    : (scope as ts.Block | ts.SourceFile | ts.ModuleBlock).statements;
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) addBindingNames(d.name, d, table);
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      table.set(statement.name.text, statement);
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      table.set(statement.name.text, statement);
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) table.set(clause.name.text, clause);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) table.set(bindings.name.text, bindings);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const s of bindings.elements) table.set(s.name.text, s);
      }
    } else if (ts.isEnumDeclaration(statement)) {
      table.set(statement.name.text, statement);
    }
  }
  return table;
}

