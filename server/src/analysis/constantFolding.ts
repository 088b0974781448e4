// Operators over known literal values (`hidden * 2`, `i === 0`, `cfg.bn && i > 0`), shared by
// the config evaluator and the model-flow interpreter. Anything not plainly foldable is
// UNKNOWN: no coercion guesses beyond what JavaScript itself does with numbers and strings.
import { UNKNOWN, type ConfigValue } from './modelGraph';
import { ts } from './parse';

const SK = ts.SyntaxKind;

type Primitive = number | string | boolean | null | undefined;

function isPrimitive(v: ConfigValue): v is Primitive {
  return v === null || v === undefined || (typeof v !== 'object' && v !== UNKNOWN);
}

/** JavaScript truthiness of a known value; undefined when not known. */
export function truthiness(v: ConfigValue): boolean | undefined {
  if (v === UNKNOWN) return undefined;
  if (isPrimitive(v)) return Boolean(v);
  return true; // objects, arrays, regularizers and layers are truthy
}

/** `left op right` for the arithmetic, comparison and equality operators; UNKNOWN otherwise. */
export function foldBinary(op: ts.SyntaxKind, left: ConfigValue, right: ConfigValue): ConfigValue {
  if (!isPrimitive(left) || !isPrimitive(right)) return UNKNOWN;
  const bothNumbers = typeof left === 'number' && typeof right === 'number';
  switch (op) {
    case SK.PlusToken:
      if (bothNumbers) return left + right;
      if (typeof left === 'string' || typeof right === 'string') return `${left}${right}`;
      return UNKNOWN;
    case SK.MinusToken: return bothNumbers ? left - right : UNKNOWN;
    case SK.AsteriskToken: return bothNumbers ? left * right : UNKNOWN;
    case SK.SlashToken: return bothNumbers ? left / right : UNKNOWN;
    case SK.PercentToken: return bothNumbers ? left % right : UNKNOWN;
    case SK.AsteriskAsteriskToken: return bothNumbers ? left ** right : UNKNOWN;
    case SK.LessThanToken: return bothNumbers ? left < right : UNKNOWN;
    case SK.LessThanEqualsToken: return bothNumbers ? left <= right : UNKNOWN;
    case SK.GreaterThanToken: return bothNumbers ? left > right : UNKNOWN;
    case SK.GreaterThanEqualsToken: return bothNumbers ? left >= right : UNKNOWN;
    case SK.EqualsEqualsEqualsToken: return left === right;
    case SK.ExclamationEqualsEqualsToken: return left !== right;
    // eslint-disable-next-line eqeqeq
    case SK.EqualsEqualsToken: return left == right;
    // eslint-disable-next-line eqeqeq
    case SK.ExclamationEqualsToken: return left != right;
    default: return UNKNOWN;
  }
}

/** `-x`, `+x`, `!x` on a known value. */
export function foldUnary(op: ts.SyntaxKind, operand: ConfigValue): ConfigValue {
  if (op === SK.ExclamationToken) {
    const t = truthiness(operand);
    return t === undefined ? UNKNOWN : !t;
  }
  if (typeof operand !== 'number') return UNKNOWN;
  if (op === SK.MinusToken) return -operand;
  if (op === SK.PlusToken) return operand;
  return UNKNOWN;
}

/** The operator a compound assignment applies (`+=` → `+`), or undefined. */
export function compoundOperator(op: ts.SyntaxKind): ts.SyntaxKind | undefined {
  switch (op) {
    case SK.PlusEqualsToken: return SK.PlusToken;
    case SK.MinusEqualsToken: return SK.MinusToken;
    case SK.AsteriskEqualsToken: return SK.AsteriskToken;
    case SK.SlashEqualsToken: return SK.SlashToken;
    case SK.PercentEqualsToken: return SK.PercentToken;
    case SK.AsteriskAsteriskEqualsToken: return SK.AsteriskAsteriskToken;
    default: return undefined;
  }
}

/** Every assignment operator, compound or not (`=`, `+=`, `??=`, `<<=`, ...). */
export function isAssignmentOperator(op: ts.SyntaxKind): boolean {
  return op >= SK.FirstAssignment && op <= SK.LastAssignment;
}

const MATH: Record<string, (...xs: number[]) => number> = {
  abs: Math.abs, ceil: Math.ceil, floor: Math.floor, max: Math.max, min: Math.min, pow: Math.pow,
  round: Math.round, sqrt: Math.sqrt, trunc: Math.trunc, log2: Math.log2, log: Math.log, exp: Math.exp,
};

/** Objects whose static methods fold (when the file does not declare a name of its own like them). */
export function isBuiltinOwner(name: string): boolean {
  return name === 'Math' || name === 'Number' || name === 'Array';
}

/** `Math.round(x)`, `Number.isInteger(x)`, ... on known arguments; UNKNOWN otherwise. */
export function foldBuiltin(owner: string, method: string, args: ConfigValue[]): ConfigValue {
  if (owner === 'Math' && Object.prototype.hasOwnProperty.call(MATH, method) && args.every((a) => typeof a === 'number')) {
    return MATH[method](...(args as number[]));
  }
  if (owner === 'Number' && args.length === 1) {
    const a = args[0];
    if (method === 'isInteger') return typeof a === 'number' ? Number.isInteger(a) : UNKNOWN;
    if ((method === 'parseInt' || method === 'parseFloat') && typeof a === 'string' && a !== UNKNOWN) {
      return method === 'parseInt' ? Number.parseInt(a, 10) : Number.parseFloat(a);
    }
  }
  return UNKNOWN;
}
