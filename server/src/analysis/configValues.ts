// Resolving a layer's config expression to literal values as far as the code tells:
// literals, object/array literals, `const` identifiers, spreads of resolvable objects,
// arithmetic and comparisons, member and element reads, conditionals with a known
// condition, regularizer calls, and whatever the model-flow interpreter knows at that point
// (a helper's parameters bound to its caller's literal arguments, loop variables of an
// unrolled loop). Everything else is UNKNOWN, so no rule ever decides on a guess.
import { foldBinary, foldBuiltin, foldUnary, isBuiltinOwner, truthiness } from './constantFolding';
import { toConfigValue, type FlowValue } from './flowValues';
import type { ConfigObject, ConfigValue, LayerRef, PropertySpan, RegularizerValue } from './modelGraph';
import { isConfigObject, UNKNOWN } from './modelGraph';
import { ts } from './parse';
import type { Scopes } from './scopes';
import { skipOuterExpressions, type TfjsClassifier } from './tfjsBindings';

export interface ConfigContext {
  scopes: Scopes;
  tfjs: TfjsClassifier;
  /** Registers (or finds) the layer node for a layer-factory call met inside a config. */
  layerForCall(call: ts.CallExpression): number | undefined;
  /**
   * What the model-flow interpreter holds for an identifier or `this.x` where the config is
   * read; undefined (or unknown) when it holds nothing, and the code is read as written.
   */
  lookup?(expr: ts.Identifier | ts.PropertyAccessExpression): FlowValue | undefined;
}

const MAX_DEPTH = 20;

export class ConfigEvaluator {
  private readonly inProgress = new Set<ts.Node>();
  /** Whether values from builder-parameter defaults count (for the trainer) or read as UNKNOWN. */
  private useAssumed = false;
  private assumedParams: Set<string> | undefined;

  constructor(private readonly ctx: ConfigContext) {}

  /**
   * `read` run twice over: as rules see it (defaults UNKNOWN), and, when some value came from
   * a builder parameter's default, again with the defaults counted, naming those parameters.
   */
  withAndWithoutDefaults<T>(read: () => T): { plain: T; withDefaults?: { value: T; params: string[] } } {
    const params = new Set<string>();
    this.assumedParams = params;
    let plain: T;
    try {
      plain = read();
    } finally {
      this.assumedParams = undefined;
    }
    if (params.size === 0) return { plain };
    this.useAssumed = true;
    try {
      return { plain, withDefaults: { value: read(), params: [...params] } };
    } finally {
      this.useAssumed = false;
    }
  }

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
    if (ts.isPrefixUnaryExpression(expr)) return foldUnary(expr.operator, this.evaluate(expr.operand, depth + 1));
    if (ts.isBinaryExpression(expr)) return this.evaluateBinary(expr, depth);
    if (ts.isArrayLiteralExpression(expr)) return this.evaluateArray(expr, depth);
    if (ts.isObjectLiteralExpression(expr)) return this.evaluateObject(expr, depth).value;
    if (ts.isIdentifier(expr)) return this.evaluateIdentifier(expr, depth);
    if (ts.isPropertyAccessExpression(expr)) return this.evaluateMember(expr, depth);
    if (ts.isElementAccessExpression(expr)) return this.evaluateElement(expr, depth);
    if (ts.isCallExpression(expr)) return this.evaluateCall(expr, depth);
    if (ts.isConditionalExpression(expr)) return this.evaluateConditional(expr, depth);
    if (ts.isTemplateExpression(expr)) return this.evaluateTemplate(expr, depth);
    if (ts.isAwaitExpression(expr)) return this.evaluate(expr.expression, depth + 1);
    return UNKNOWN;
  }

  /** What the interpreter holds for `expr` here, when it holds something known. */
  private known(expr: ts.Identifier | ts.PropertyAccessExpression): ConfigValue | undefined {
    const value = this.ctx.lookup?.(expr);
    if (!value || value.t === 'unknown') return undefined;
    const params = this.assumedParams;
    return toConfigValue(value, this.useAssumed, params && ((p) => params.add(p)));
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

  private evaluateBinary(expr: ts.BinaryExpression, depth: number): ConfigValue {
    const op = expr.operatorToken.kind;
    const left = this.evaluate(expr.left, depth + 1);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
      const t = truthiness(left);
      if (t === undefined) return UNKNOWN;
      const takeLeft = op === ts.SyntaxKind.BarBarToken ? t : !t;
      return takeLeft ? left : this.evaluate(expr.right, depth + 1);
    }
    if (op === ts.SyntaxKind.QuestionQuestionToken) {
      if (left === UNKNOWN) return UNKNOWN;
      return left === null || left === undefined ? this.evaluate(expr.right, depth + 1) : left;
    }
    return foldBinary(op, left, this.evaluate(expr.right, depth + 1));
  }

  private evaluateConditional(expr: ts.ConditionalExpression, depth: number): ConfigValue {
    const t = truthiness(this.evaluate(expr.condition, depth + 1));
    if (t !== undefined) return this.evaluate(t ? expr.whenTrue : expr.whenFalse, depth + 1);
    // Either way the same value (`x ? 32 : 32`): that value. Two objects (`first ?
    // {inputShape} : {}`, often spread): the keys either may have, each known where both agree.
    const a = this.evaluate(expr.whenTrue, depth + 1);
    const b = this.evaluate(expr.whenFalse, depth + 1);
    if (isConfigObject(a) && isConfigObject(b)) return joinObjects(a, b);
    return a !== UNKNOWN && JSON.stringify(a) === JSON.stringify(b) ? a : UNKNOWN;
  }

  private evaluateTemplate(expr: ts.TemplateExpression, depth: number): ConfigValue {
    let text = expr.head.text;
    for (const span of expr.templateSpans) {
      const v = this.evaluate(span.expression, depth + 1);
      if (v === UNKNOWN || (typeof v === 'object' && v !== null)) return UNKNOWN;
      text += String(v) + span.literal.text;
    }
    return text;
  }

  private evaluateElement(expr: ts.ElementAccessExpression, depth: number): ConfigValue {
    const owner = this.evaluate(expr.expression, depth + 1);
    const key = this.evaluate(expr.argumentExpression, depth + 1);
    if (Array.isArray(owner) && typeof key === 'number') return Number.isInteger(key) && key >= 0 && key < owner.length ? owner[key] : undefined;
    if (isConfigObject(owner) && (typeof key === 'string' || typeof key === 'number') && key !== UNKNOWN) {
      return memberOf(owner, String(key));
    }
    return UNKNOWN;
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
    const known = this.known(id);
    if (known !== undefined) return known;
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
    if (expr.expression.kind === ts.SyntaxKind.ThisKeyword) return this.known(expr) ?? UNKNOWN;
    const owner = this.evaluate(expr.expression, depth + 1);
    if (Array.isArray(owner) && expr.name.text === 'length') return owner.length;
    if (!isConfigObject(owner)) return UNKNOWN;
    return memberOf(owner, expr.name.text);
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
    const callee = skipOuterExpressions(call.expression);
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) &&
      isBuiltinOwner(callee.expression.text) && !this.ctx.scopes.resolve(callee.expression)) {
      const args = call.arguments.map((a) => this.evaluate(a, depth + 1));
      if (callee.expression.text === 'Array' && callee.name.text === 'isArray' && args.length === 1) {
        return args[0] === UNKNOWN ? UNKNOWN : Array.isArray(args[0]);
      }
      return foldBuiltin(callee.expression.text, callee.name.text, args);
    }
    return UNKNOWN;
  }
}

/** What either object may be: a key present in one only may be absent, so it is unknown. */
function joinObjects(a: ConfigObject, b: ConfigObject): ConfigObject {
  const joined: ConfigObject = { kind: 'object', props: {}, complete: a.complete && b.complete };
  for (const key of new Set([...Object.keys(a.props), ...Object.keys(b.props)])) {
    const x = memberOf(a, key);
    const y = memberOf(b, key);
    joined.props[key] = x !== UNKNOWN && JSON.stringify(x) === JSON.stringify(y) ? x : UNKNOWN;
  }
  return joined;
}

function memberOf(owner: ConfigObject, key: string): ConfigValue {
  if (Object.prototype.hasOwnProperty.call(owner.props, key)) return owner.props[key];
  return owner.complete ? undefined : UNKNOWN;
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
