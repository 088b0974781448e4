// When a loop can run once per known iteration instead of "zero or twice": a counted `for`
// whose bounds and step are known numbers, or a `for...of`/`forEach`/`map` over a list whose
// items are known. Real model code builds its hidden layers this way
// (`for (const units of [128, 64])`, `for (let i = 0; i < numBlocks; i++)`); unrolled, each
// iteration's layers get their own nodes and configs. Limits keep huge loops cheap.
import { foldBinary } from './constantFolding';
import type { FlowValue } from './flowValues';
import { ts } from './parse';
import type { Scopes } from './scopes';

/** Iterations of one loop run one by one at most; beyond, the loop runs "zero or twice". */
export const MAX_UNROLLED_ITERATIONS = 64;
/** Unrolled iterations in one file, all loops together. */
const MAX_ITERATIONS_PER_FILE = 2000;

const SK = ts.SyntaxKind;

export class LoopUnroller {
  private budget = MAX_ITERATIONS_PER_FILE;
  private readonly assigned = new Map<ts.Node, (ts.Identifier | ts.PropertyAccessExpression)[]>();
  private readonly jumps = new Map<ts.Node, boolean>();

  constructor(private readonly scopes: Scopes) {}

  /**
   * Whether `count` iterations of `loop` (a loop statement, or a callback run per item) may
   * run one by one: within the limits, and, for a loop statement, with no `break`,
   * `continue` or `return` in its body that could end an iteration early.
   */
  mayUnroll(loop: ts.Node, count: number): boolean {
    if (count > MAX_UNROLLED_ITERATIONS || count > this.budget) return false;
    if (ts.isIterationStatement(loop, false) && this.hasJumps(loop.statement)) return false;
    this.budget -= count;
    return true;
  }

  /**
   * The values a counted loop's variable takes, `for (let i = a; i < b; i += c)` with a, b
   * and c known and `i` assigned nowhere in the body; undefined otherwise.
   */
  counterValues(
    loop: ts.ForStatement,
    evaluate: (e: ts.Expression) => FlowValue,
    read: (id: ts.Identifier) => FlowValue,
  ): { decl: ts.Node; values: number[] } | undefined {
    const { condition, incrementor } = loop;
    if (!condition || !incrementor || !ts.isBinaryExpression(condition) || !ts.isIdentifier(condition.left)) return undefined;
    const decl = this.scopes.resolve(condition.left);
    if (!decl || !ts.isVariableDeclaration(decl) || decl.parent !== loop.initializer) return undefined;
    const start = certainNumber(read(condition.left));
    const bound = certainNumber(evaluate(condition.right));
    const step = this.stepOf(incrementor, decl, evaluate);
    if (start === undefined || bound === undefined || !step) return undefined;
    if (this.assignedIn(loop.statement).some((t) => ts.isIdentifier(t) && this.scopes.resolve(t) === decl)) return undefined;
    const values: number[] = [];
    for (let i = start; foldBinary(condition.operatorToken.kind, i, bound) === true; i = step(i)) {
      values.push(i);
      if (values.length > MAX_UNROLLED_ITERATIONS) return undefined;
    }
    return this.mayUnroll(loop, values.length) ? { decl, values } : undefined;
  }

  /** `i++`, `i--`, `i += c`, `i -= c`, `i *= c`, `i = i + c`: the step as a function. */
  private stepOf(inc: ts.Expression, decl: ts.Node, evaluate: (e: ts.Expression) => FlowValue): ((i: number) => number) | undefined {
    const isCounter = (e: ts.Expression) => ts.isIdentifier(e) && this.scopes.resolve(e) === decl;
    if ((ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc)) && isCounter(inc.operand)) {
      if (inc.operator === SK.PlusPlusToken) return (i) => i + 1;
      if (inc.operator === SK.MinusMinusToken) return (i) => i - 1;
      return undefined;
    }
    if (!ts.isBinaryExpression(inc) || !isCounter(inc.left)) return undefined;
    let op: ts.SyntaxKind = inc.operatorToken.kind;
    let amountExpr = inc.right;
    if (op === SK.EqualsToken) {
      // i = i + c
      if (!ts.isBinaryExpression(inc.right) || !isCounter(inc.right.left)) return undefined;
      op = inc.right.operatorToken.kind === SK.PlusToken ? SK.PlusEqualsToken
        : inc.right.operatorToken.kind === SK.MinusToken ? SK.MinusEqualsToken
          : inc.right.operatorToken.kind === SK.AsteriskToken ? SK.AsteriskEqualsToken : SK.Unknown;
      amountExpr = inc.right.right;
    }
    const amount = certainNumber(evaluate(amountExpr));
    if (amount === undefined) return undefined;
    if (op === SK.PlusEqualsToken && amount !== 0) return (i) => i + amount;
    if (op === SK.MinusEqualsToken && amount !== 0) return (i) => i - amount;
    if (op === SK.AsteriskEqualsToken && Math.abs(amount) > 1) return (i) => i * amount;
    return undefined;
  }

  /** Identifiers and `this.x` assigned (`=`, `+=`, `++`, ...) anywhere in `node`, nested functions included. */
  assignedIn(node: ts.Node): (ts.Identifier | ts.PropertyAccessExpression)[] {
    let found = this.assigned.get(node);
    if (found) return found;
    const targets: (ts.Identifier | ts.PropertyAccessExpression)[] = [];
    const note = (target: ts.Expression): void => {
      if (ts.isIdentifier(target)) targets.push(target);
      else if (ts.isPropertyAccessExpression(target) && target.expression.kind === SK.ThisKeyword) targets.push(target);
    };
    const visit = (n: ts.Node): void => {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind >= SK.FirstAssignment && n.operatorToken.kind <= SK.LastAssignment) {
        note(n.left);
      } else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
        (n.operator === SK.PlusPlusToken || n.operator === SK.MinusMinusToken)) {
        note(n.operand);
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    found = targets;
    this.assigned.set(node, found);
    return found;
  }

  /** `break`, `continue` or `return` in a loop body, outside functions nested in it. */
  private hasJumps(body: ts.Node): boolean {
    let found = this.jumps.get(body);
    if (found !== undefined) return found;
    found = false;
    const visit = (n: ts.Node): void => {
      if (found || ts.isFunctionLike(n) || ts.isClassLike(n)) return;
      if (ts.isBreakStatement(n) || ts.isContinueStatement(n) || ts.isReturnStatement(n)) {
        found = true;
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(body);
    this.jumps.set(body, found);
    return found;
  }
}

function certainNumber(value: FlowValue): number | undefined {
  return value.t === 'value' && value.assumed === undefined && typeof value.v === 'number' && Number.isFinite(value.v)
    ? value.v
    : undefined;
}
