// Resolving a layer's config expression to literal values as far as syntax allows:
// literals, object/array literals, `const` identifiers, spreads of resolvable objects,
// simple arithmetic, member reads of const objects, and regularizer calls. Everything
// else is UNKNOWN, so no rule ever decides on a guess.
import type { ConfigObject, ConfigValue, LayerRef, PropertySpan, RegularizerValue } from './modelGraph';
import { isConfigObject, UNKNOWN } from './modelGraph';
import { ts } from './parse';
import type { Scopes } from './scopes';
import { skipOuterExpressions, type TfjsResolver } from './tfjsBindings';

export interface ConfigContext {
  scopes: Scopes;
  tfjs: TfjsResolver;
  /** Registers (or finds) the layer node for a layer-factory call met inside a config. */
  layerForCall(call: ts.CallExpression): number | undefined;
}

const MAX_DEPTH = 20;

export class ConfigEvaluator {
  private readonly inProgress = new Set<ts.Node>();

  constructor(private readonly ctx: ConfigContext) {}

  evaluate(expr: ts.Expression, depth = 0): ConfigValue {
    if (depth > MAX_DEPTH) return UNKNOWN;
    expr = skipOuterExpressions(expr);
    switch (expr.kind) {
      case ts.SyntaxKind.NumericLiteral:
        return Number((expr as ts.NumericLiteral).text);
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return (expr as ts.StringLiteral).text;
      case ts.SyntaxKind.TrueKeyword:
        return true;
      case ts.SyntaxKind.FalseKeyword:
        return false;
      case ts.SyntaxKind.NullKeyword:
        return null;
    }
    if (ts.isPrefixUnaryExpression(expr)) return this.evaluateUnary(expr, depth);
    if (ts.isBinaryExpression(expr)) return this.evaluateBinary(expr, depth);
    if (ts.isArrayLiteralExpression(expr)) return this.evaluateArray(expr, depth);
    if (ts.isObjectLiteralExpression(expr)) return this.evaluateObject(expr, depth).value;
    if (ts.isIdentifier(expr)) return this.evaluateIdentifier(expr, depth);
    if (ts.isPropertyAccessExpression(expr)) return this.evaluateMember(expr, depth);
    if (ts.isCallExpression(expr)) return this.evaluateCall(expr, depth);
    return UNKNOWN;
  }

  /** An object literal with the spans of its inline properties (for fixes). */
  evaluateObject(
    expr: ts.ObjectLiteralExpression,
    depth = 0,
  ): { value: ConfigObject; propSpans: Record<string, PropertySpan> } {
    const value: ConfigObject = { kind: 'object', props: {}, complete: true };
    const propSpans: Record<string, PropertySpan> = {};
    for (const prop of expr.properties) {
      if (ts.isSpreadAssignment(prop)) {
        const spread = this.evaluate(prop.expression, depth + 1);
        if (isConfigObject(spread)) {
          Object.assign(value.props, spread.props);
          if (!spread.complete) value.complete = false;
        } else if (spread !== undefined && spread !== null) {
          // An unresolved spread may set any key: keys seen so far may be overwritten too.
          for (const key of Object.keys(value.props)) value.props[key] = UNKNOWN;
          value.complete = false;
        }
        continue;
      }
      const key = propertyKey(prop.name);
      if (key === undefined) {
        value.complete = false; // computed key
        continue;
      }
      let v: ConfigValue = UNKNOWN;
      let valueNode: ts.Node = prop;
      if (ts.isPropertyAssignment(prop)) {
        v = this.evaluate(prop.initializer, depth + 1);
        valueNode = prop.initializer;
      } else if (ts.isShorthandPropertyAssignment(prop)) {
        v = this.evaluateIdentifier(prop.name, depth + 1);
        valueNode = prop.name;
      }
      if (key.endsWith('Regularizer') && typeof v === 'string' && v !== UNKNOWN) v = stringRegularizer(v, valueNode);
      value.props[key] = v;
      propSpans[key] = {
        span: { start: prop.getStart(), end: prop.getEnd() },
        valueSpan: { start: valueNode.getStart(), end: valueNode.getEnd() },
      };
    }
    return { value, propSpans };
  }

  private evaluateUnary(expr: ts.PrefixUnaryExpression, depth: number): ConfigValue {
    const operand = this.evaluate(expr.operand, depth + 1);
    if (typeof operand !== 'number') return UNKNOWN;
    if (expr.operator === ts.SyntaxKind.MinusToken) return -operand;
    if (expr.operator === ts.SyntaxKind.PlusToken) return operand;
    return UNKNOWN;
  }

  private evaluateBinary(expr: ts.BinaryExpression, depth: number): ConfigValue {
    const left = this.evaluate(expr.left, depth + 1);
    const right = this.evaluate(expr.right, depth + 1);
    if (typeof left !== 'number' || typeof right !== 'number') return UNKNOWN;
    switch (expr.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken: return left + right;
      case ts.SyntaxKind.MinusToken: return left - right;
      case ts.SyntaxKind.AsteriskToken: return left * right;
      case ts.SyntaxKind.SlashToken: return left / right;
      case ts.SyntaxKind.AsteriskAsteriskToken: return left ** right;
      default: return UNKNOWN;
    }
  }

  private evaluateArray(expr: ts.ArrayLiteralExpression, depth: number): ConfigValue {
    const items: ConfigValue[] = [];
    for (const element of expr.elements) {
      if (ts.isSpreadElement(element)) {
        const spread = this.evaluate(element.expression, depth + 1);
        if (!Array.isArray(spread)) return UNKNOWN;
        items.push(...spread);
      } else if (ts.isOmittedExpression(element)) {
        items.push(undefined);
      } else {
        items.push(this.evaluate(element, depth + 1));
      }
    }
    return items;
  }

  private evaluateIdentifier(id: ts.Identifier, depth: number): ConfigValue {
    if (id.text === 'undefined') return undefined;
    if (id.text === 'Infinity') return Infinity;
    if (id.text === 'NaN') return NaN;
    const decl = this.ctx.scopes.resolve(id);
    if (!decl || !isConstWithInitializer(decl) || this.inProgress.has(decl)) return UNKNOWN;
    this.inProgress.add(decl);
    try {
      return this.evaluate(decl.initializer, depth + 1);
    } finally {
      this.inProgress.delete(decl);
    }
  }

  private evaluateMember(expr: ts.PropertyAccessExpression, depth: number): ConfigValue {
    const owner = this.evaluate(expr.expression, depth + 1);
    if (!isConfigObject(owner)) return UNKNOWN;
    const key = expr.name.text;
    if (key in owner.props) return owner.props[key];
    return owner.complete ? undefined : UNKNOWN;
  }

  private evaluateCall(call: ts.CallExpression, depth: number): ConfigValue {
    const entity = this.ctx.tfjs.classify(call.expression);
    if (entity?.kind === 'regularizerFactory') {
      const argNode = call.arguments[0];
      const reg: RegularizerValue = {
        kind: 'regularizer',
        factory: entity.factory,
        form: 'call',
        arg: argNode ? this.evaluate(argNode, depth + 1) : undefined,
        span: { start: call.getStart(), end: call.getEnd() },
      };
      if (argNode) reg.argSpan = { start: argNode.getStart(), end: argNode.getEnd() };
      return reg;
    }
    if (entity?.kind === 'layerFactory') {
      const index = this.ctx.layerForCall(call);
      if (index !== undefined) return { kind: 'layer', index } satisfies LayerRef;
    }
    return UNKNOWN;
  }
}

/** A config key's value: present value, `undefined` when surely absent, UNKNOWN otherwise. */
export function configGet(config: ConfigObject | 'unknown' | 'absent', key: string): ConfigValue {
  if (config === 'absent') return undefined;
  if (config === UNKNOWN) return UNKNOWN;
  if (key in config.props) return config.props[key];
  return config.complete ? undefined : UNKNOWN;
}

function propertyKey(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function stringRegularizer(id: string, node: ts.Node): RegularizerValue {
  return {
    kind: 'regularizer',
    factory: id,
    form: 'string',
    arg: undefined,
    span: { start: node.getStart(), end: node.getEnd() },
  };
}

function isConstWithInitializer(decl: ts.Node): decl is ts.VariableDeclaration & { initializer: ts.Expression } {
  return (
    ts.isVariableDeclaration(decl) &&
    !!decl.initializer &&
    ts.isIdentifier(decl.name) &&
    ts.isVariableDeclarationList(decl.parent) &&
    (decl.parent.flags & ts.NodeFlags.Const) !== 0
  );
}
