// One walk over the syntax tree collecting everything the later passes look up: imports,
// variable declarations, calls, functions, classes and hoisted `var`s. Each extra walk of
// the tree costs about a fifth of the parse, so the analysis walks it once.
import { ts } from './parse';

export type FunctionNode = ts.SignatureDeclaration & { body?: ts.ConciseBody };

export interface FileIndex {
  imports: ts.ImportDeclaration[];
  variableDeclarations: ts.VariableDeclaration[];
  calls: ts.CallExpression[];
  functions: FunctionNode[];
  classes: ts.ClassLikeDeclaration[];
  /** Class fields with initializers and `this.x = ...` assignments: where `this.tf` gets bound. */
  propertyBindings: { name: string; value: ts.Expression }[];
  /** `var` declarations by the function (or file) scope they hoist to. */
  hoistedVars: Map<ts.Node, ts.VariableDeclaration[]>;
  /** Identifiers assigned to (`x = `, `x += `, `x++`): which variables may change, and where. */
  assignedIdentifiers: ts.Identifier[];
}

// `ts.X` on the bundled TypeScript is a getter; read the hot ones once.
const SK = ts.SyntaxKind;
const forEachChild = ts.forEachChild;
const isBlock = ts.isBlock;
const LET_OR_CONST = ts.NodeFlags.Let | ts.NodeFlags.Const;

/**
 * Also sets every node's `parent`: the file is parsed without TypeScript's own
 * parent-setting pass, which would be one more full walk.
 */
export function indexFile(sourceFile: ts.SourceFile): FileIndex {
  const index: FileIndex = {
    imports: [], variableDeclarations: [], calls: [], functions: [], classes: [], propertyBindings: [],
    hoistedVars: new Map(), assignedIdentifiers: [],
  };
  const scopeStack: ts.Node[] = [sourceFile];
  let parent: ts.Node = sourceFile;
  const visit = (node: ts.Node): void => {
    (node as { parent: ts.Node }).parent = parent;
    let pushedScope = false;
    switch (node.kind) {
      case SK.ImportDeclaration:
        index.imports.push(node as ts.ImportDeclaration);
        break;
      case SK.CallExpression:
        index.calls.push(node as ts.CallExpression);
        break;
      case SK.VariableDeclaration:
        index.variableDeclarations.push(node as ts.VariableDeclaration);
        break;
      case SK.VariableDeclarationList:
        if (!((node as ts.VariableDeclarationList).flags & LET_OR_CONST)) {
          const scope = scopeStack[scopeStack.length - 1];
          const list = index.hoistedVars.get(scope) ?? [];
          list.push(...(node as ts.VariableDeclarationList).declarations);
          index.hoistedVars.set(scope, list);
        }
        break;
      case SK.PropertyDeclaration: {
        const prop = node as ts.PropertyDeclaration;
        if (prop.initializer && ts.isIdentifier(prop.name)) {
          index.propertyBindings.push({ name: prop.name.text, value: prop.initializer });
        }
        break;
      }
      case SK.BinaryExpression: {
        const b = node as ts.BinaryExpression;
        const op = b.operatorToken.kind;
        if (op === SK.EqualsToken && ts.isPropertyAccessExpression(b.left) &&
          b.left.expression.kind === SK.ThisKeyword) {
          index.propertyBindings.push({ name: b.left.name.text, value: b.right });
        }
        if (op >= SK.FirstAssignment && op <= SK.LastAssignment && b.left.kind === SK.Identifier) {
          index.assignedIdentifiers.push(b.left as ts.Identifier);
        }
        break;
      }
      case SK.PrefixUnaryExpression:
      case SK.PostfixUnaryExpression: {
        const u = node as ts.PrefixUnaryExpression;
        if ((u.operator === SK.PlusPlusToken || u.operator === SK.MinusMinusToken) && u.operand.kind === SK.Identifier) {
          index.assignedIdentifiers.push(u.operand as ts.Identifier);
        }
        break;
      }
      case SK.ClassDeclaration:
      case SK.ClassExpression:
        index.classes.push(node as ts.ClassLikeDeclaration);
        break;
      case SK.FunctionDeclaration:
      case SK.FunctionExpression:
      case SK.ArrowFunction:
      case SK.MethodDeclaration:
      case SK.Constructor:
      case SK.GetAccessor:
      case SK.SetAccessor: {
        const fn = node as FunctionNode;
        if (fn.body) index.functions.push(fn);
        // `var`s inside hoist to the function's body block, where Scopes looks for them.
        scopeStack.push(fn.body && isBlock(fn.body) ? fn.body : fn);
        pushedScope = true;
        break;
      }
    }
    const saved = parent;
    parent = node;
    forEachChild(node, visit);
    parent = saved;
    if (pushedScope) scopeStack.pop();
  };
  forEachChild(sourceFile, visit);
  return index;
}
