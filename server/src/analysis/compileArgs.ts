// `model.compile({...})`: the loss and the optimizer (with its learning rate) as far as
// literals and consts tell, for the sanity-train to train as the program would. Read where
// the interpreter sees `compile` called on a model (modelFlow.ts), so it belongs to that
// model, not to another one with the same variable name.
import { UNKNOWN, type ConfigValue, type ModelCompile } from './modelGraph';
import { ts } from './parse';
import { skipOuterExpressions } from './tfjsBindings';

/** `evaluate` resolves an expression to a literal (consts followed) or UNKNOWN. */
export function readCompileArgs(arg: ts.Expression | undefined, evaluate: (e: ts.Expression) => ConfigValue): ModelCompile | undefined {
  const config = arg && skipOuterExpressions(arg);
  if (!config || !ts.isObjectLiteralExpression(config)) return undefined;
  const compile: ModelCompile = {};
  for (const prop of config.properties) {
    if (!ts.isPropertyAssignment(prop) || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) continue;
    const value = skipOuterExpressions(prop.initializer);
    if (prop.name.text === 'loss') {
      const loss = evaluate(value);
      if (isKnownString(loss)) compile.loss = loss;
    } else if (prop.name.text === 'optimizer') {
      if (ts.isCallExpression(value)) {
        // tf.train.sgd(0.1), train.adam(1e-3), sgd(0.1)
        const callee = skipOuterExpressions(value.expression);
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
        if (name) compile.optimizer = name;
        const rate = value.arguments[0] ? evaluate(value.arguments[0]) : undefined;
        if (typeof rate === 'number') compile.learningRate = rate;
      } else {
        const name = evaluate(value);
        if (isKnownString(name)) compile.optimizer = name;
      }
    }
  }
  return compile;
}

function isKnownString(value: ConfigValue): value is string {
  return typeof value === 'string' && value !== UNKNOWN;
}
