// The model's compile() arguments read from source text, literals only: the loss and the
// optimizer with its learning rate decide what the sanity-train trains with (a huge
// learning rate is a divergence to report). The ModelGraph does not carry compile()
// yet; this is a small syntactic read that never runs the code.
import { ts } from 'ts-morph';
import type { CompileSpec } from './modelSpec';

export function compileFromText(text: string, modelName: string, fileName = 'model.ts'): CompileSpec | undefined {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  let found: CompileSpec | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'compile' && ts.isIdentifier(node.expression.expression) &&
        node.expression.expression.text === modelName && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
      found = readCompileArgs(node.arguments[0]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function readCompileArgs(o: ts.ObjectLiteralExpression): CompileSpec {
  const c: CompileSpec = {};
  for (const p of o.properties) {
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
    const key = p.name.text, v = p.initializer;
    if (key === 'loss' && ts.isStringLiteralLike(v)) c.loss = v.text;
    if (key !== 'optimizer') continue;
    if (ts.isStringLiteralLike(v)) c.optimizer = v.text;
    else if (ts.isCallExpression(v)) {
      // tf.train.sgd(0.1), train.adam(1e-3), sgd(0.1)
      const callee = v.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
      if (name) c.optimizer = name;
      const lr = v.arguments[0] ? numberOf(v.arguments[0]) : undefined;
      if (lr !== undefined) c.learningRate = lr;
    }
  }
  return c;
}

function numberOf(e: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  return undefined;
}
