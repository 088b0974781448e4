// A small abstract interpreter over the file's statements that follows layers, symbolic
// tensors and models through variables, `model.add`, `.apply()`, `tf.model`, loops,
// branches, helper functions and classes. It never runs code; where it cannot follow a
// value it says so, and the graph records UNKNOWN.
import {
  compoundOperator, foldBinary, foldBuiltin, foldUnary, isAssignmentOperator, isBuiltinOwner, truthiness,
} from './constantFolding';
import {
  assumedFrom, FlowState, fromConfigValue, inputProducer, joinAll, joinValues, layersMentioned, literal, memberValue,
  modelProducer, producersOf, UNKNOWN_VALUE, type FlowValue, type LiteralValue, type Producer, type Tail, type VarKey,
} from './flowValues';
import { ImportResolver, type ImportTarget, type LoadedModule } from './imports';
import { LoopUnroller } from './loopUnrolling';
import type { FileIndex, FunctionNode } from './fileIndex';
import { UNKNOWN, type ConfigValue, type TensorRef } from './modelGraph';
import { GraphBuilder, spanOf, type TensorNode } from './graphBuilder';
import { ts } from './parse';
import { skipOuterExpressions } from './tfjsBindings';

const MAX_CALL_DEPTH = 6;
const SK = ts.SyntaxKind;

interface Frame {
  returns: FlowValue[];
  returnStates: FlowState[];
  thisValue: FlowValue;
}

/** Methods of a model or tensor that neither add layers nor leak them. */
const HARMLESS_METHODS = new Set([
  'compile', 'fit', 'fitDataset', 'evaluate', 'predict', 'summary', 'save', 'getLayer',
  'log', 'warn', 'error', 'info', 'debug', 'dispose', 'print', 'then', 'catch',
]);

export class ModelFlow {
  private readonly visited = new Set<ts.Node>();
  private readonly callStack: ts.Node[] = [];
  /** Classes whose `this` is a model (they extend tf.Sequential or call `this.add(layer)`). */
  private readonly classModels = new Map<ts.ClassLikeDeclaration, number>();
  private frame!: Frame;
  private readonly loops: LoopUnroller;
  /** Loops running once per known iteration right now. */
  private readonly unrolling = new Set<ts.Node>();
  /** `let`/`var` declarations assigned inside another function than their own (lazily). */
  private mutatedElsewhere: Set<ts.Node> | undefined;

  /** The root class whose `this` the code being run sees (a derived class runs its bases' members). */
  private thisClass: ts.ClassLikeDeclaration | undefined;

  constructor(
    private readonly g: GraphBuilder,
    private readonly sourceFile: ts.SourceFile,
    private readonly index: FileIndex,
    private readonly imports?: ImportResolver,
  ) {
    this.loops = new LoopUnroller(g.scopes);
    g.setLookup((expr) => (ts.isIdentifier(expr) ? this.readIdentifier(expr) : this.readProperty(expr)));
  }

  run(): void {
    const functions = this.index.functions;
    const callers = this.callersOfFunctions();
    this.called = callers;
    this.runRoot(this.sourceFile, () => this.execStatements(this.sourceFile.statements));
    for (const cls of this.index.classes) this.runClass(cls);
    for (const fn of functions) {
      if (!this.visited.has(fn) && !callers.has(fn)) this.runFunctionRoot(fn);
    }
    // Functions called only from code no root reached (an event handler's callback, say):
    // callers first, so a builder runs inside its caller's context, as the caller calls it.
    let pending = functions.filter((fn) => !this.visited.has(fn));
    while (pending.length > 0) {
      const ready = pending.filter((fn) => ![...callers.get(fn) ?? []].some((c) => c !== fn && pending.includes(c as FunctionNode)));
      for (const fn of ready.length > 0 ? ready : pending.slice(0, 1)) if (!this.visited.has(fn)) this.runFunctionRoot(fn);
      pending = pending.filter((fn) => !this.visited.has(fn));
    }
    this.state = new FlowState();
    this.registerStrayLayerCalls();
  }

  // ---- roots ---------------------------------------------------------------------------

  private state = new FlowState();
  /** Loops (and forEach/map callbacks) being run: their bodies run twice, whatever the real count. */
  private loopDepth = 0;

  private runRoot(fn: FunctionNode | ts.SourceFile | ts.ClassLikeDeclaration, body: () => FlowValue | void, thisValue: FlowValue = UNKNOWN_VALUE): void {
    this.state = new FlowState();
    this.frame = { returns: [], returnStates: [], thisValue };
    this.visited.add(fn);
    const result = body();
    if (result) this.frame.returns.push(result);
    const exits = [...this.frame.returnStates, ...(this.state.terminated ? [] : [this.state])];
    for (const exit of exits) {
      for (const [model, tails] of exit.tails) this.g.recordOutputs(model, tails);
    }
    // Tensors or layers handed back to unseen callers may be wired further there.
    for (const value of this.frame.returns) this.escape(value);
  }

  private runFunctionRoot(fn: FunctionNode): void {
    this.runRoot(fn, () => {
      for (const p of fn.parameters) this.bindParameter(p, undefined, true);
      return this.execBody(fn);
    });
  }

  /**
   * A parameter bound to its argument. A missing (or `undefined`) argument takes the
   * default; with no caller at all (`atRoot`), the default is only an assumption: a caller
   * elsewhere may pass something else (flowValues.ts `assumed`).
   */
  private bindParameter(p: ts.ParameterDeclaration, arg: FlowValue | undefined, atRoot: boolean): void {
    const assumeDefaults = atRoot ? p.name.getText() : undefined;
    if (arg !== undefined && !(arg.t === 'value' && arg.v === undefined && arg.assumed === undefined)) {
      this.bindPattern(p.name, p, arg);
      return;
    }
    let value: FlowValue;
    if (p.initializer) {
      value = this.evaluate(p.initializer);
      if (assumeDefaults !== undefined) value = assumedFrom(value, assumeDefaults);
    } else {
      value = atRoot ? UNKNOWN_VALUE : literal(undefined);
    }
    this.bindPattern(p.name, p, value, assumeDefaults);
  }

  /**
   * A class's members share `this`: field initializers first, then the constructor, then the
   * other methods in order. Base classes (in this file or imported) contribute their members,
   * run with the derived class's `this`; a derived class is a context of its own, so a
   * base's layers are new nodes for it.
   */
  private runClass(cls: ts.ClassLikeDeclaration): void {
    const chain = this.classChain(cls);
    const tfBase = chain[chain.length - 1].heritageClauses
      ?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    const entity = tfBase ? this.g.tfjs.classify(tfBase) : undefined;
    let thisValue: FlowValue = { t: 'this', cls };
    if (entity?.kind === 'tfFunction' && (entity.name === 'Sequential' || entity.name === 'LayersModel')) {
      const name = cls.name?.text ?? 'model';
      const model = this.g.modelFor(cls, 'sequential-add', name, cls.name ? spanOf(cls.name) : spanOf(cls));
      for (const c of chain) this.classModels.set(c, model);
      thisValue = { t: 'model', model };
    }
    // An abstract class, or one extended in this file, is completed by its subclasses.
    const completedElsewhere = isAbstract(cls) || this.index.classes.some((other) => other !== cls && this.classChain(other).includes(cls));
    const rank = (m: ts.ClassElement): number => (ts.isPropertyDeclaration(m) ? 0 : ts.isConstructorDeclaration(m) ? 1 : 2);
    // Bases first for fields and constructors; a method overridden lower down runs once, as overridden.
    const members: ts.ClassElement[] = [];
    const methodNames = new Set<string>();
    for (const c of [...chain].reverse()) members.push(...c.members);
    const ordered = members.sort((a, b) => rank(a) - rank(b)).reverse().filter((m) => {
      if (!ts.isMethodDeclaration(m)) return true;
      const name = m.name.getText();
      if (methodNames.has(name)) return false;
      methodNames.add(name);
      return true;
    }).reverse();
    const entry = cls.name ?? cls;
    const run = () => this.runRoot(cls, () => {
      if (thisValue.t === 'model') this.state.setTails(thisValue.model, new Set<Tail>(['start']));
      const ranHere = new Set<ts.Node>();
      const savedClass = this.thisClass;
      this.thisClass = cls;
      // Methods another member calls run there, with its arguments; the rest run as roots,
      // and last those whose callers never reached them.
      const inChain = new Set<ts.Node>(chain.flatMap((c) => [...c.members]));
      const calledByMember = (m: ts.ClassElement) => [...this.called.get(m) ?? []].some((c) => c !== m && inChain.has(c)) ||
        (this.imports?.isExternal(m) === true && chain.some((c) => !this.imports!.isExternal(c) && callsMethod(c, m)));
      const first = ordered.filter((m) => !ts.isMethodDeclaration(m) || !calledByMember(m));
      const later = ordered.filter((m) => ts.isMethodDeclaration(m) && calledByMember(m));
      for (const member of [...first, ...later]) {
        const external = this.imports?.isExternal(member) ?? false;
        const runMember = (): void => {
          if (ts.isPropertyDeclaration(member) && member.initializer) {
            const value = this.evaluate(member.initializer);
            const key = this.thisKeyFor(member.name);
            if (key) this.state.setVar(key, value);
          } else if ((ts.isConstructorDeclaration(member) || ts.isMethodDeclaration(member)) && member.body) {
            if (chain.length === 1 ? this.visited.has(member) : ranHere.has(member) || this.calledInClassRun.has(member)) return;
            ranHere.add(member);
            this.visited.add(member);
            for (const p of member.parameters) this.bindParameter(p, undefined, true);
            const saved = this.frame.returnStates.length;
            this.execBody(member);
            // A method's `return` ends that method, not the class: continue from the merge.
            const exits = this.frame.returnStates.splice(saved);
            if (exits.length) this.state.assign(FlowState.merge([...exits, this.state]));
            this.state.terminated = false;
          }
        };
        if (external) this.g.inEntry(entry, runMember);
        else runMember();
      }
      this.thisClass = savedClass;
      if (completedElsewhere) {
        for (const model of this.state.tails.keys()) if (this.g.modelBuiltIn(model, cls)) this.g.markIncomplete(model);
      }
    }, thisValue);
    this.calledInClassRun.clear();
    if (chain.length > 1) this.g.inContext(`class${cls.pos}`, run);
    else run();
  }

  /** Functions called somewhere in the file, with where from (callersOfFunctions). */
  private called = new Map<ts.Node, Set<ts.Node>>();

  /** Members inlined by `this.m()` during the current class run (they need no root run of their own). */
  private readonly calledInClassRun = new Set<ts.Node>();

  /** The class and the classes it extends, nearest first (bounded; imported bases followed). */
  private classChain(cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
    const chain = [cls];
    for (let current = cls; chain.length < 8;) {
      const base = current.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      const decl = base && this.classDeclarationOf(base);
      if (!decl || chain.includes(decl)) break;
      chain.push(decl);
      current = decl;
    }
    return chain;
  }

  /** The class an `extends` expression names, in this file or through an import. */
  private classDeclarationOf(expr: ts.Expression): ts.ClassLikeDeclaration | undefined {
    expr = skipOuterExpressions(expr);
    if (!ts.isIdentifier(expr)) return undefined;
    const decl = this.g.scopes.resolve(expr);
    if (decl && ts.isClassLike(decl)) return decl;
    const target = decl && this.imports?.targetOfBinding(decl);
    if (target?.kind === 'node' && ts.isClassLike(target.node)) return target.node;
    return undefined;
  }

  // ---- statements ----------------------------------------------------------------------

  private execBody(fn: FunctionNode): FlowValue | void {
    if (!fn.body) return;
    if (ts.isBlock(fn.body)) this.execStatements(fn.body.statements);
    else return this.evaluate(fn.body);
  }

  private execStatements(statements: readonly ts.Statement[]): void {
    for (const statement of statements) {
      if (this.state.terminated) return;
      this.execStatement(statement);
    }
  }

  private execStatement(s: ts.Statement): void {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        const value = d.initializer ? this.evaluate(d.initializer) : UNKNOWN_VALUE;
        this.bindPattern(d.name, d, value);
      }
    } else if (ts.isExpressionStatement(s)) {
      this.evaluate(s.expression);
    } else if (ts.isBlock(s)) {
      this.execStatements(s.statements);
    } else if (ts.isIfStatement(s)) {
      const condition = certainTruth(this.evaluate(s.expression));
      if (condition === true) this.execStatement(s.thenStatement);
      else if (condition === false) { if (s.elseStatement) this.execStatement(s.elseStatement); }
      else this.branch([() => this.execStatement(s.thenStatement), () => s.elseStatement && this.execStatement(s.elseStatement)]);
    } else if (ts.isForStatement(s) || ts.isForOfStatement(s) || ts.isForInStatement(s) ||
      ts.isWhileStatement(s) || ts.isDoStatement(s)) {
      this.execLoop(s);
    } else if (ts.isReturnStatement(s)) {
      const value = s.expression ? this.evaluate(s.expression) : UNKNOWN_VALUE;
      this.frame.returns.push(value);
      this.frame.returnStates.push(this.state.clone());
      this.state.terminated = true;
    } else if (ts.isThrowStatement(s)) {
      if (s.expression) this.evaluate(s.expression);
      this.state.terminated = true;
    } else if (ts.isSwitchStatement(s)) {
      const discriminant = this.evaluate(s.expression);
      const clauses = s.caseBlock.clauses;
      const taken = this.knownCase(discriminant, clauses);
      if (taken !== undefined) {
        if (taken >= 0) this.execStatements(fallThroughFrom(clauses, taken));
        return;
      }
      const paths = clauses.map((c) => () => this.execStatements(c.statements));
      if (!clauses.some(ts.isDefaultClause)) paths.push(() => undefined);
      this.branch(paths);
    } else if (ts.isTryStatement(s)) {
      this.execStatements(s.tryBlock.statements);
      if (s.catchClause) this.branch([() => undefined, () => this.execStatements(s.catchClause!.block.statements)]);
      if (s.finallyBlock) this.execStatements(s.finallyBlock.statements);
    } else if (ts.isLabeledStatement(s)) {
      this.execStatement(s.statement);
    } else if (ts.isExportAssignment(s)) {
      this.escape(this.evaluate(s.expression));
    }
    // Function and class declarations run when called (or as roots); the rest has no flow.
  }

  /**
   * The clause a `switch` on a certainly known value takes (its index; -1 for none), when
   * every case label up to the match is a known literal; undefined when not known.
   */
  private knownCase(discriminant: FlowValue, clauses: readonly ts.CaseOrDefaultClause[]): number | undefined {
    if (discriminant.t !== 'value' || discriminant.assumed !== undefined) return undefined;
    for (let i = 0; i < clauses.length; i++) {
      const clause = clauses[i];
      if (ts.isDefaultClause(clause)) continue;
      const label = this.evaluate(clause.expression);
      if (label.t !== 'value' || label.assumed !== undefined) return undefined;
      if (label.v === discriminant.v) return i;
    }
    const fallback = clauses.findIndex(ts.isDefaultClause);
    return fallback;
  }

  /** Run alternative paths from the same state and join them. */
  private branch(paths: Array<() => unknown>): void {
    const start = this.state;
    const ends: FlowState[] = [];
    for (const path of paths) {
      this.state = start.clone();
      path();
      ends.push(this.state);
    }
    this.state = FlowState.merge(ends);
  }

  /**
   * Loops over known iterations (`for (const u of [64, 32])`, `for (let i = 0; i < 3; i++)`)
   * run once per iteration, each in a context of its own. Other loops: zero iterations, or
   * the body twice (the second pass wires the back edges), with the literals the body
   * assigns forgotten first (a third pass could see other values).
   */
  private execLoop(s: ts.IterationStatement): void {
    const before = this.state.clone();
    if (ts.isForStatement(s) && s.initializer) {
      if (ts.isVariableDeclarationList(s.initializer)) {
        for (const d of s.initializer.declarations) this.bindPattern(d.name, d, d.initializer ? this.evaluate(d.initializer) : UNKNOWN_VALUE);
      } else {
        this.evaluate(s.initializer);
      }
      const counter = this.loops.counterValues(s, (e) => this.evaluate(e), (id) => this.readIdentifier(id));
      if (counter) {
        this.unrolled(s, counter.values.length, (i) => this.storeVar(counter.decl, literal(counter.values[i])));
        return;
      }
    }
    if ((ts.isForOfStatement(s) || ts.isForInStatement(s)) && ts.isVariableDeclarationList(s.initializer)) {
      const iterated = this.evaluate(s.expression);
      const declarations = s.initializer.declarations;
      if (ts.isForOfStatement(s) && iterated.t === 'array' && !iterated.repeated && this.loops.mayUnroll(s, iterated.items.length)) {
        this.unrolled(s, iterated.items.length, (i) => {
          for (const d of declarations) this.bindPattern(d.name, d, iterated.items[i]);
        });
        return;
      }
      const item = iterated.t === 'array' && ts.isForOfStatement(s)
        ? joinAll(iterated.items)
        : UNKNOWN_VALUE;
      for (const d of declarations) this.bindPattern(d.name, d, item);
    }
    this.forgetLiteralsAssignedIn(s);
    const once = this.state.clone();
    this.state = once;
    this.loopDepth++;
    try {
      this.execStatement(s.statement);
      this.state.terminated = false;
      this.execStatement(s.statement);
      this.state.terminated = false;
    } finally {
      this.loopDepth--;
    }
    const loopEnd = this.state;
    this.state = FlowState.merge(ts.isDoStatement(s) ? [loopEnd] : [before, loopEnd]);
  }

  /** The loop body once per known iteration, `bind` setting that iteration's variables. */
  private unrolled(s: ts.IterationStatement, count: number, bind: (i: number) => void): void {
    this.unrolling.add(s);
    for (let i = 0; i < count; i++) {
      this.g.inContext(`${s.pos}#${i}`, () => {
        bind(i);
        this.execStatement(s.statement);
      });
      this.state.terminated = false;
    }
    this.unrolling.delete(s);
  }

  /** Literal values of variables (and `this.x`) assigned in a loop may change each pass: unknown. */
  private forgetLiteralsAssignedIn(loop: ts.IterationStatement): void {
    for (const target of this.loops.assignedIn(loop)) {
      const key = ts.isIdentifier(target) ? this.g.scopes.resolve(target) : this.thisPropertyKey(target);
      const value = key && this.state.getVar(key);
      if (key && value && isLiteralValue(value)) this.state.setVar(key, UNKNOWN_VALUE);
    }
  }

  /**
   * An absent variable reads as unknown, so unknowns are only stored where they must
   * overwrite something or stop a const's lazy evaluation: small maps keep branching cheap.
   */
  private storeVar(decl: ts.Node, value: FlowValue): void {
    if (value.t !== 'unknown' || this.state.getVar(decl) !== undefined || isConstDeclaration(decl)) this.state.setVar(decl, value);
  }

  /**
   * `value` bound to a name or a destructuring pattern. A pattern element's default applies
   * where the value surely lacks that part, and is an assumption (named `assumeDefaults`, or
   * the element's own name) where the value is unknown or comes from no caller.
   */
  private bindPattern(name: ts.BindingName, decl: ts.Node, value: FlowValue, assumeDefaults?: string): void {
    if (ts.isIdentifier(name)) {
      this.storeVar(decl, value);
      return;
    }
    if (value.t !== 'object') this.escape(value);
    name.elements.forEach((element, i) => {
      if (!ts.isBindingElement(element)) return;
      let item: FlowValue = UNKNOWN_VALUE;
      if (element.dotDotDotToken) {
        item = UNKNOWN_VALUE;
      } else if (ts.isArrayBindingPattern(name)) {
        item = memberValue(value, i);
      } else {
        const key = element.propertyName ?? element.name;
        if (ts.isIdentifier(key) || ts.isStringLiteral(key)) {
          item = value.t === 'module' ? this.readExport(value.module, key.text, element) : memberValue(value, key.text);
        }
      }
      if (element.initializer && !element.dotDotDotToken) {
        const absent = item.t === 'value' && item.v === undefined && item.assumed === undefined;
        if (absent || item.t === 'unknown') {
          const fallback = this.evaluate(element.initializer);
          const assumption = assumeDefaults ?? (item.t === 'unknown' ? element.name.getText() : undefined);
          item = assumption === undefined ? fallback : assumedFrom(fallback, assumption);
        }
      }
      this.bindPattern(element.name, element, item, assumeDefaults);
    });
  }

  // ---- expressions ---------------------------------------------------------------------

  private evaluate(expr: ts.Expression): FlowValue {
    expr = skipOuterExpressions(expr);
    switch (expr.kind) {
      case SK.CallExpression: return this.evaluateCall(expr as ts.CallExpression);
      case SK.Identifier: return this.readIdentifier(expr as ts.Identifier);
      case SK.ThisKeyword: {
        const cls = this.thisClass ?? this.enclosingClass(expr);
        const model = cls && this.classModels.get(cls);
        return model !== undefined ? { t: 'model', model } : this.frame.thisValue;
      }
      case SK.PropertyAccessExpression: return this.readProperty(expr as ts.PropertyAccessExpression);
      case SK.BinaryExpression: return this.evaluateBinary(expr as ts.BinaryExpression);
      case SK.ArrayLiteralExpression: return this.evaluateArray(expr as ts.ArrayLiteralExpression);
      case SK.ConditionalExpression: {
        const c = expr as ts.ConditionalExpression;
        const condition = this.evaluate(c.condition);
        const known = certainTruth(condition);
        if (known !== undefined) return this.evaluate(known ? c.whenTrue : c.whenFalse);
        return joinValues(this.evaluate(c.whenTrue), this.evaluate(c.whenFalse));
      }
      case SK.AwaitExpression: return this.evaluate((expr as ts.AwaitExpression).expression);
      case SK.ArrowFunction:
      case SK.FunctionExpression:
        return { t: 'func', decl: expr as ts.ArrowFunction };
      case SK.ObjectLiteralExpression: return this.evaluateObject(expr as ts.ObjectLiteralExpression);
      case SK.ElementAccessExpression: {
        const access = expr as ts.ElementAccessExpression;
        const owner = this.evaluate(access.expression);
        const key = this.evaluate(access.argumentExpression);
        return key.t === 'value' && (typeof key.v === 'number' || typeof key.v === 'string')
          ? withAssumption(memberValue(owner, key.v), key.assumed)
          : UNKNOWN_VALUE;
      }
      case SK.NewExpression:
        for (const a of (expr as ts.NewExpression).arguments ?? []) this.escape(this.evaluate(a));
        return UNKNOWN_VALUE;
      case SK.NumericLiteral:
      case SK.StringLiteral:
      case SK.NoSubstitutionTemplateLiteral:
      case SK.TrueKeyword:
      case SK.FalseKeyword:
      case SK.NullKeyword:
        return fromConfigValue(this.g.configEvaluator.evaluate(expr));
      case SK.PrefixUnaryExpression:
      case SK.PostfixUnaryExpression:
        return this.evaluateUnary(expr as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression);
      case SK.TemplateExpression: {
        const template = expr as ts.TemplateExpression;
        const parts = template.templateSpans.map((span) => this.evaluate(span.expression));
        if (!parts.every((p) => p.t === 'value' && (typeof p.v !== 'object' || p.v === null))) return UNKNOWN_VALUE;
        let text = template.head.text;
        template.templateSpans.forEach((span, i) => { text += String((parts[i] as { v: unknown }).v) + span.literal.text; });
        return literal(text, assumptionOf(...parts));
      }
    }
    ts.forEachChild(expr, (child) => {
      if (ts.isExpression(child)) this.evaluate(child);
    });
    return UNKNOWN_VALUE;
  }

  private evaluateBinary(expr: ts.BinaryExpression): FlowValue {
    const op = expr.operatorToken.kind;
    if (op === SK.EqualsToken) {
      const value = this.evaluate(expr.right);
      this.assignTo(expr.left, value);
      return value;
    }
    if (isAssignmentOperator(op)) {
      // `x += 2`, `x ||= y`: the new value when it folds, else unknown (never the old one).
      const left = this.evaluate(expr.left);
      const right = this.evaluate(expr.right);
      const folded = foldLiterals(compoundOperator(op), left, right);
      this.assignTo(expr.left, folded);
      return folded;
    }
    const left = this.evaluate(expr.left);
    if (op === SK.AmpersandAmpersandToken || op === SK.BarBarToken || op === SK.QuestionQuestionToken) {
      // Short-circuit on a surely known left side; otherwise either side may be the value.
      const decides = op === SK.QuestionQuestionToken ? certainNullish(left) : certainTruth(left);
      if (decides !== undefined) {
        const takeRight = op === SK.AmpersandAmpersandToken ? decides : !decides;
        return takeRight ? this.evaluate(expr.right) : left;
      }
      const right = this.evaluate(expr.right);
      return op === SK.AmpersandAmpersandToken ? UNKNOWN_VALUE : joinValues(left, right);
    }
    const right = this.evaluate(expr.right);
    if (op === SK.CommaToken) return right;
    return foldLiterals(op, left, right);
  }

  /** `-x`, `!x`; `i++` and `--i` also assign. */
  private evaluateUnary(expr: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): FlowValue {
    const operand = this.evaluate(expr.operand);
    const op = expr.operator;
    if (op === SK.PlusPlusToken || op === SK.MinusMinusToken) {
      const updated = foldLiterals(op === SK.PlusPlusToken ? SK.PlusToken : SK.MinusToken, operand, literal(1));
      this.assignTo(expr.operand, updated);
      return ts.isPrefixUnaryExpression(expr) ? updated : operand;
    }
    if (operand.t !== 'value') return op === SK.ExclamationToken && certainTruth(operand) !== undefined
      ? literal(!certainTruth(operand)) : UNKNOWN_VALUE;
    const folded = foldUnary(op, operand.v);
    return folded === UNKNOWN ? UNKNOWN_VALUE : literal(folded as number | boolean, operand.assumed);
  }

  /**
   * An object literal: its properties as far as known. Layers in it are followed with it
   * (`tower.conv.apply(x)`) and escape our view when it does.
   */
  private evaluateObject(expr: ts.ObjectLiteralExpression): FlowValue {
    const props: Record<string, FlowValue> = {};
    let complete = true;
    for (const p of expr.properties) {
      let value: FlowValue;
      if (ts.isPropertyAssignment(p)) value = this.evaluate(p.initializer);
      else if (ts.isShorthandPropertyAssignment(p)) value = this.evaluate(p.name);
      else if (ts.isSpreadAssignment(p)) {
        const spread = this.evaluate(p.expression);
        if (spread.t === 'object') {
          Object.assign(props, spread.props);
          complete &&= spread.complete;
        } else if (!(spread.t === 'value' && (spread.v === undefined || spread.v === null))) {
          this.escape(spread);
          for (const key of Object.keys(props)) props[key] = UNKNOWN_VALUE;
          complete = false;
        }
        continue;
      } else {
        complete = false; // methods and accessors: not followed
        continue;
      }
      const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)) ? p.name.text : undefined;
      if (key === undefined) {
        complete = false;
        this.escape(value);
      } else {
        props[key] = value;
      }
    }
    return { t: 'object', props, complete };
  }

  private evaluateArray(expr: ts.ArrayLiteralExpression): FlowValue {
    const items: FlowValue[] = [];
    for (const element of expr.elements) {
      if (ts.isSpreadElement(element)) {
        const spread = this.evaluate(element.expression);
        if (spread.t !== 'array') return UNKNOWN_VALUE;
        // A repeated group stays a group, so only its own last-to-first edge repeats.
        if (spread.repeated) items.push(spread);
        else items.push(...spread.items);
      } else {
        items.push(this.evaluate(element));
      }
    }
    return { t: 'array', items, repeated: false };
  }

  private assignTo(target: ts.Expression, value: FlowValue): void {
    target = skipOuterExpressions(target);
    if (ts.isIdentifier(target)) {
      const decl = this.g.scopes.resolve(target);
      if (!decl) this.escape(value);
      else this.storeVar(decl, value);
      return;
    }
    const key = this.thisPropertyKey(target);
    if (key) {
      this.state.setVar(key, value);
      return;
    }
    this.escape(value);
  }

  private readIdentifier(id: ts.Identifier): FlowValue {
    const decl = this.g.scopes.resolve(id);
    if (!decl) return id.text === 'undefined' ? literal(undefined) : UNKNOWN_VALUE;
    const known = this.state.getVar(decl);
    if (known) return this.isMutatedElsewhere(decl) ? forgetLiterals(known) : known;
    if (this.imports && (ts.isImportSpecifier(decl) || ts.isImportClause(decl) || ts.isNamespaceImport(decl))) {
      const target = this.imports.targetOfBinding(decl);
      return target ? this.readTarget(target, id) : UNKNOWN_VALUE;
    }
    if (this.imports && ts.isBindingElement(decl)) return this.readBindingOfConst(decl);
    if (ts.isFunctionDeclaration(decl)) return { t: 'func', decl };
    // A const declared in an outer root (e.g. module level) read from inside a function.
    if (ts.isVariableDeclaration(decl) && decl.initializer && isConst(decl)) {
      const init = skipOuterExpressions(decl.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return { t: 'func', decl: init };
      this.state.setVar(decl, UNKNOWN_VALUE); // guards `const a = a` and cycles
      const value = this.evaluate(init);
      this.state.setVar(decl, value);
      return value;
    }
    return UNKNOWN_VALUE;
  }

  private readProperty(expr: ts.PropertyAccessExpression): FlowValue {
    const key = this.thisPropertyKey(expr);
    if (key) {
      const known = this.state.getVar(key);
      if (known) return known;
      const method = this.thisMethod(expr);
      if (method) return { t: 'func', decl: method };
      return UNKNOWN_VALUE;
    }
    const owner = this.evaluate(expr.expression);
    if (owner.t === 'module') return this.readExport(owner.module, expr.name.text, expr);
    return memberValue(owner, expr.name.text);
  }

  // ---- other modules (imports.ts) -----------------------------------------------------------

  /** What an import leads to: a module object, or the value of the exported declaration. */
  private readTarget(target: ImportTarget, from: ts.Node): FlowValue {
    if (target.kind === 'module') return { t: 'module', module: target.module };
    const node = target.node;
    if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return { t: 'func', decl: node };
    if (ts.isClassLike(node)) return UNKNOWN_VALUE;
    return this.g.inEntry(from, () => {
      if (ts.isVariableDeclaration(node)) return this.readConstDeclaration(node);
      if (ts.isExpression(node)) return this.evaluate(node);
      return UNKNOWN_VALUE;
    });
  }

  private readExport(module: LoadedModule, name: string, from: ts.Node): FlowValue {
    const target = this.imports?.exportOf(module, name);
    return target ? this.readTarget(target, from) : UNKNOWN_VALUE;
  }

  /** A module-level `const` read from anywhere: its initializer, evaluated once per root. */
  private readConstDeclaration(decl: ts.VariableDeclaration): FlowValue {
    const known = this.state.getVar(decl);
    if (known) return known;
    if (!decl.initializer || !isConst(decl)) return UNKNOWN_VALUE;
    const init = skipOuterExpressions(decl.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return { t: 'func', decl: init };
    this.state.setVar(decl, UNKNOWN_VALUE); // guards cycles
    const value = this.evaluate(init);
    this.state.setVar(decl, value);
    return value;
  }

  /** `const {a, b: {c}} = require('./x')` read from a function: the const's value, then the path. */
  private readBindingOfConst(element: ts.BindingElement): FlowValue {
    const path: (string | number)[] = [];
    let node: ts.Node = element;
    while (ts.isBindingElement(node)) {
      const pattern = node.parent;
      if (ts.isArrayBindingPattern(pattern)) path.unshift(pattern.elements.indexOf(node));
      else {
        const key = node.propertyName ?? node.name;
        if (!ts.isIdentifier(key) && !ts.isStringLiteral(key)) return UNKNOWN_VALUE;
        path.unshift(key.text);
      }
      node = pattern.parent;
    }
    if (!ts.isVariableDeclaration(node) || !isConst(node)) return UNKNOWN_VALUE;
    let value = this.readConstDeclaration(node);
    for (const key of path) {
      value = value.t === 'module' && typeof key === 'string' ? this.readExport(value.module, key, element) : memberValue(value, key);
    }
    return value;
  }

  /**
   * A `let`/`var` assigned inside a function other than its own may change whenever that
   * function runs (an event handler, a callback): its literal values are not trusted.
   */
  private isMutatedElsewhere(decl: ts.Node): boolean {
    if (!this.mutatedElsewhere) {
      this.mutatedElsewhere = new Set();
      for (const target of this.index.assignedIdentifiers) {
        const targetDecl = this.g.scopes.resolve(target);
        if (targetDecl && enclosingFunction(targetDecl) !== enclosingFunction(target)) this.mutatedElsewhere.add(targetDecl);
      }
    }
    return this.mutatedElsewhere.has(decl);
  }

  private thisPropertyKey(expr: ts.Expression): VarKey | undefined {
    if (!ts.isPropertyAccessExpression(expr) || expr.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    return this.thisKeyFor(expr.name, this.enclosingClass(expr));
  }

  /** `this.x`'s key: per root class when run as part of one (its bases' code included). */
  private thisKeyFor(name: ts.Node, syntactic?: ts.ClassLikeDeclaration): string | undefined {
    const cls = this.thisClass && (!syntactic || this.classChain(this.thisClass).includes(syntactic)) ? this.thisClass : syntactic;
    return cls ? thisKey(cls, name) : undefined;
  }

  private thisMethod(expr: ts.PropertyAccessExpression): FunctionNode | undefined {
    const syntactic = this.enclosingClass(expr);
    const root = this.thisClass && syntactic && this.classChain(this.thisClass).includes(syntactic) ? this.thisClass : syntactic;
    if (!root) return undefined;
    for (const cls of this.classChain(root)) {
      const member = cls.members.find((m) => ts.isMethodDeclaration(m) && m.name.getText() === expr.name.text);
      if (member) return member as FunctionNode;
    }
    return undefined;
  }

  private enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
    for (let n = node.parent; n; n = n.parent) {
      if (ts.isClassLike(n)) return n;
      // `this` inside a non-arrow function does not refer to the class.
      if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
    }
    return undefined;
  }

  // ---- calls ---------------------------------------------------------------------------

  private evaluateCall(call: ts.CallExpression): FlowValue {
    const entity = this.g.tfjs.classify(call.expression);
    if (entity?.kind === 'layerFactory') return this.layerCall(call, entity.factory);
    if (entity?.kind === 'regularizerFactory') return fromConfigValue(this.g.configEvaluator.evaluate(call));
    if (entity?.kind === 'tfFunction') {
      if (entity.name === 'sequential') return this.sequentialCall(call);
      if (entity.name === 'model') return this.functionalModelCall(call);
      if (entity.name === 'input') return { t: 'tensor', producers: [inputProducer(this.g.inputFor(call))] };
    }
    const callee = skipOuterExpressions(call.expression);
    if (callee.kind === SK.SuperKeyword) {
      const cls = this.enclosingClass(call);
      const model = cls && this.classModels.get(cls);
      if (model !== undefined) return this.sequentialCall(call, model);
    }
    const builtin = this.builtinCall(callee, call);
    if (builtin) return builtin;
    if (this.imports && ts.isIdentifier(callee) && callee.text === 'require' && !this.g.scopes.resolve(callee)) {
      const target = this.imports.targetOfRequire(call);
      if (target) return this.readTarget(target, call);
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method === 'add' && call.arguments.length === 1) return this.modelAdd(call, callee);
      if (method === 'apply' && call.arguments.length >= 1) return this.layerApply(call, callee);
      if ((method === 'forEach' || method === 'map') && call.arguments[0]) return this.iterate(call, callee, method);
      if (method === 'push') return this.arrayPush(call, callee);
      if (method === 'compile') return this.modelCompile(call, callee);
    }
    const target = this.evaluate(callee);
    if (target.t === 'func') return this.callFunction(target.decl, call.arguments, undefined, call);
    const args = call.arguments.map((a) => this.evaluate(a));
    const harmless = ts.isPropertyAccessExpression(callee) && HARMLESS_METHODS.has(callee.name.text);
    if (!harmless) args.forEach((a) => this.escape(a));
    return UNKNOWN_VALUE;
  }

  /** `Math.round(width)`, `Array.isArray(sizes)` on known values (constantFolding.ts). */
  private builtinCall(callee: ts.Expression, call: ts.CallExpression): FlowValue | undefined {
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
    const owner = callee.expression.text;
    if (!isBuiltinOwner(owner) || this.g.scopes.resolve(callee.expression)) return undefined;
    const args = call.arguments.map((a) => this.evaluate(a));
    if (owner === 'Array' && callee.name.text === 'isArray' && args.length === 1) {
      const a = args[0];
      return a.t === 'array' ? literal(true) : a.t === 'value' || a.t === 'object' ? literal(false) : UNKNOWN_VALUE;
    }
    if (!args.every((a) => a.t === 'value')) return UNKNOWN_VALUE;
    const folded = foldBuiltin(owner, callee.name.text, args.map((a) => (a as { v: ConfigValue }).v));
    return folded === UNKNOWN ? UNKNOWN_VALUE : literal(folded as LiteralValue, assumptionOf(...args));
  }

  private layerCall(call: ts.CallExpression, factory: string): FlowValue {
    const index = this.g.layerFor(call, factory);
    this.g.noteCreated(index, this.loopDepth > 0);
    // Layers nested in the config (wrappers) were registered by the config evaluator;
    // arguments are otherwise literal and carry no flow.
    return { t: 'layer', ids: [index] };
  }

  /**
   * `tf.sequential(config)`, or `super(config)` in a class extending tf.Sequential (the
   * class's model, `into`).
   */
  private sequentialCall(call: ts.CallExpression, into?: number): FlowValue {
    const model = into ?? this.g.modelFor(call, 'sequential-add', modelNameAt(call));
    this.state.setTails(model, new Set<Tail>(['start']));
    const config = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    if (!config) return { t: 'model', model };
    if (!ts.isObjectLiteralExpression(config)) {
      this.escape(this.evaluate(config));
      this.g.markIncomplete(model);
      this.state.setTails(model, new Set<Tail>(['unknown']));
      return { t: 'model', model };
    }
    const layersProp = config.properties.find((p) => p.name?.getText() === 'layers');
    const layersExpr = layersProp && (ts.isPropertyAssignment(layersProp) ? layersProp.initializer
      : ts.isShorthandPropertyAssignment(layersProp) ? layersProp.name : undefined);
    if (!layersExpr) return { t: 'model', model };
    this.g.setStyle(model, 'sequential-array');
    const list = this.evaluate(layersExpr);
    const arrayNode = skipOuterExpressions(layersExpr);
    if (list.t !== 'array') {
      this.escape(list);
      this.g.markIncomplete(model);
      this.state.setTails(model, new Set<Tail>(['unknown']));
      return { t: 'model', model };
    }
    const elements = ts.isArrayLiteralExpression(arrayNode) ? arrayNode.elements : undefined;
    const appendItem = (item: FlowValue, element?: ts.Expression): void => {
      if (item.t === 'array') {
        this.appendRepeated(model, item);
        return;
      }
      this.appendToModel(model, item);
      if (element && item.t === 'layer' && !ts.isSpreadElement(element) && !this.g.isExternal(element)) {
        for (const id of item.ids) {
          this.g.setSite(id, { kind: 'array-element', element: spanOf(element), array: spanOf(arrayNode) });
        }
      }
    };
    if (list.repeated) this.appendRepeated(model, list);
    else list.items.forEach((item, i) => appendItem(item, elements?.[i]));
    return { t: 'model', model };
  }

  /** Layers from `.map(...)` or pushed in a loop repeat: the group's last feeds its first. */
  private appendRepeated(model: number, group: FlowValue & { t: 'array' }): void {
    const firstIds = new Set<number>();
    this.loopDepth++; // the group stands for however many items the loop or map made
    try {
      group.items.forEach((item, i) => {
        if (item.t === 'array') this.appendRepeated(model, item);
        else this.appendToModel(model, item);
        if (i === 0 && item.t === 'layer') item.ids.forEach((id) => firstIds.add(id));
      });
    } finally {
      this.loopDepth--;
    }
    for (const t of this.state.tails.get(model) ?? []) {
      if (typeof t === 'number') for (const id of firstIds) this.g.connect(t, id);
    }
  }

  private functionalModelCall(call: ts.CallExpression): FlowValue {
    const config = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    const model = this.g.modelFor(call, 'functional', modelNameAt(call));
    if (!config || !ts.isObjectLiteralExpression(config)) {
      if (config) this.escape(this.evaluate(config));
      this.g.markIncomplete(model);
      return { t: 'model', model };
    }
    for (const p of config.properties) {
      if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
      const value = ts.isPropertyAssignment(p) ? this.evaluate(p.initializer) : this.evaluate(p.name);
      const key = p.name.getText();
      if (key === 'inputs' || key === 'outputs') this.g.noteModelTensors(model, key, tensorRefsOf(value, (v) => this.g.nodeOfTensor(v)));
      if (key !== 'outputs') continue;
      const producers = producersOf(value);
      if (!producers || producers.some(isModelProducer)) {
        this.g.markIncomplete(model); // outputs through a nested model: the rules cannot see its layers
        this.escape(value);
        if (!producers) continue;
      }
      this.g.recordOutputs(model, producers.filter((x): x is number => typeof x === 'number'));
    }
    this.g.collectFunctionalModel(model);
    return { t: 'model', model };
  }

  private modelAdd(call: ts.CallExpression, callee: ts.PropertyAccessExpression): FlowValue {
    let receiver = this.evaluate(callee.expression);
    const arg = call.arguments[0];
    const value = this.evaluate(arg);
    if (receiver.t !== 'model') {
      if (value.t !== 'layer') {
        this.escape(value);
        return UNKNOWN_VALUE;
      }
      // `.add(layer)` on something we cannot see (a parameter, an imported model): a model
      // whose earlier and later layers are unknown.
      const owner = receiver.t === 'this' ? receiver.cls : callee.expression;
      const model = this.g.modelFor(owner, 'sequential-add', receiver.t === 'this' ? receiver.cls.name?.text ?? 'this' : callee.expression.getText());
      this.g.markIncomplete(model);
      this.state.setTails(model, new Set<Tail>(['unknown']));
      receiver = { t: 'model', model };
      if (owner !== callee.expression) this.classModels.set(owner as ts.ClassLikeDeclaration, model);
      else this.assignTo(callee.expression, receiver);
    }
    this.appendToModel(receiver.model, value);
    const statement = call.parent;
    const argCall = skipOuterExpressions(arg);
    if (value.t === 'layer' && ts.isExpressionStatement(statement) && argCall.kind === SK.CallExpression && !this.g.isExternal(call)) {
      // Only a layer written right here (not one a helper built) sits at this statement.
      for (const id of value.ids.filter((i) => this.g.layers[i].span.start === argCall.getStart())) {
        this.g.setSite(id, { kind: 'add', statement: spanOf(statement), receiver: callee.expression.getText() });
      }
    }
    return UNKNOWN_VALUE;
  }

  /** `model.compile({...})`: harmless to the flow; its loss and optimizer go on the model. */
  private modelCompile(call: ts.CallExpression, callee: ts.PropertyAccessExpression): FlowValue {
    const receiver = this.evaluate(callee.expression);
    call.arguments.forEach((a) => this.evaluate(a));
    if (receiver.t === 'model') this.g.noteCompile(receiver.model, call.arguments[0]);
    return UNKNOWN_VALUE;
  }

  private appendToModel(model: number, value: FlowValue): void {
    const tails = this.state.tails.get(model) ?? new Set<Tail>(['unknown']);
    if (value.t !== 'layer') {
      // A nested model or something unknown: what came before now feeds the unknown.
      if (value.t === 'model') this.g.noteAddedModel(model, value.model, this.loopDepth > 0);
      for (const t of tails) if (typeof t === 'number') this.g.markEscaped(t);
      this.escape(value);
      this.state.setTails(model, new Set<Tail>(['unknown']));
      return;
    }
    for (const id of value.ids) {
      this.g.addToModel(model, id);
      for (const t of tails) {
        if (typeof t === 'number') this.g.connect(t, id);
        else if (t === 'unknown') this.g.markPrevUnknown(id);
      }
    }
    this.g.noteAdded(model, value.ids, this.loopDepth > 0);
    this.state.setTails(model, new Set<Tail>(value.ids));
  }

  private layerApply(call: ts.CallExpression, callee: ts.PropertyAccessExpression): FlowValue {
    const receiver = this.evaluate(callee.expression);
    const input = this.evaluate(call.arguments[0]);
    for (const a of call.arguments.slice(1)) this.evaluate(a);
    if (receiver.t === 'model') {
      // A model used as a layer: the rules do not look inside (its inputs escape, as
      // before); the trainer inlines it from the model's `applications`.
      this.escape(input);
      const applied: FlowValue = { t: 'tensor', producers: [modelProducer(receiver.model)] };
      this.g.noteModelApplication(receiver.model, tensorRefsOf(input, (v) => this.g.nodeOfTensor(v)), applied);
      return applied;
    }
    if (receiver.t !== 'layer') {
      this.escape(input);
      return UNKNOWN_VALUE;
    }
    const producers = producersOf(input);
    if (!producers) this.escape(input);
    const throughModel = producers?.some(isModelProducer) ?? false;
    const statement = ts.isExpressionStatement(call.parent) || ts.isVariableDeclaration(call.parent) ? call.parent : undefined;
    const result: FlowValue = { t: 'tensor', producers: receiver.ids };
    const refs = tensorRefsOf(input, (v) => this.g.nodeOfTensor(v));
    for (const id of receiver.ids) {
      if (!producers || throughModel) this.g.markPrevUnknown(id);
      if (producers) for (const p of producers) if (typeof p === 'number') this.g.connect(p, id);
      this.g.noteApplyArgs(id, refs.map(withoutNode));
      if (receiver.ids.length === 1) this.g.noteApplication(id, refs, result);
      if (!this.g.isExternal(call)) this.g.noteApplySite(id, {
        kind: 'apply',
        applyCall: spanOf(call),
        argSpan: spanOf(call.arguments[0]),
        ...(statement ? { statement: spanOf(statement) } : {}),
      });
    }
    return result;
  }

  /** `list.forEach(cb)` / `list.map(cb)`: the callback runs as a loop body. */
  private iterate(call: ts.CallExpression, callee: ts.PropertyAccessExpression, method: string): FlowValue {
    const list = this.evaluate(callee.expression);
    const callback = this.evaluate(call.arguments[0]);
    if (callback.t !== 'func') return UNKNOWN_VALUE;
    if (list.t === 'array' && !list.repeated && this.loops.mayUnroll(callback.decl, list.items.length)) {
      // A known list: the callback once per item, each call a context of its own.
      const results = list.items.map((item, i) =>
        this.g.inContext(`${call.pos}#${i}`, () => this.callFunction(callback.decl, [], [item, literal(i), list])));
      return method === 'map' ? { t: 'array', items: results, repeated: false } : UNKNOWN_VALUE;
    }
    const item = list.t === 'array'
      ? joinAll(list.items)
      : UNKNOWN_VALUE;
    const before = this.state.clone();
    let result: FlowValue = UNKNOWN_VALUE;
    this.loopDepth++;
    try {
      for (let pass = 0; pass < 2; pass++) result = this.callFunction(callback.decl, [], [item], call);
    } finally {
      this.loopDepth--;
    }
    this.state = FlowState.merge([before, this.state]);
    return method === 'map' ? { t: 'array', items: [result], repeated: true } : UNKNOWN_VALUE;
  }

  private arrayPush(call: ts.CallExpression, callee: ts.PropertyAccessExpression): FlowValue {
    const values = call.arguments.map((a) => this.evaluate(a));
    const target = skipOuterExpressions(callee.expression);
    const decl = ts.isIdentifier(target) ? this.g.scopes.resolve(target) : undefined;
    const list = decl ? this.state.getVar(decl) : undefined;
    if (decl && list?.t === 'array') {
      this.state.setVar(decl, { t: 'array', items: [...list.items, ...values], repeated: list.repeated || this.insideLoop(call) });
    } else {
      values.forEach((v) => this.escape(v));
    }
    return UNKNOWN_VALUE;
  }

  /** Inside a loop that may repeat it an unknown number of times (not one being unrolled). */
  private insideLoop(node: ts.Node): boolean {
    for (let n = node.parent; n && !ts.isFunctionLike(n); n = n.parent) {
      if (ts.isIterationStatement(n, false) && !this.unrolling.has(n)) return true;
    }
    return false;
  }

  /**
   * Inline a helper defined in this file, with its parameters bound to the arguments; its
   * layers are nodes of their own for each `site` that calls it.
   */
  private callFunction(fn: ts.SignatureDeclaration, args: readonly ts.Expression[], preEvaluated?: FlowValue[], site?: ts.Node): FlowValue {
    const values = preEvaluated ?? args.map((a) => this.evaluate(a));
    const body = (fn as FunctionNode).body;
    if (!body || this.callStack.includes(fn) || this.callStack.length >= MAX_CALL_DEPTH) {
      values.forEach((v) => this.escape(v));
      return UNKNOWN_VALUE;
    }
    const inlined = () => (site ? this.g.inContext(`${site.pos}`, () => this.inline(fn, values)) : this.inline(fn, values));
    // Code of another module, entered from this file: its layers are placed at this call.
    return site && this.imports?.isExternal(fn) ? this.g.inEntry(site, inlined) : inlined();
  }

  private inline(fn: ts.SignatureDeclaration, values: FlowValue[]): FlowValue {
    this.visited.add(fn);
    this.calledInClassRun.add(fn);
    this.callStack.push(fn);
    const outer = this.frame;
    this.frame = { returns: [], returnStates: [], thisValue: outer.thisValue };
    try {
      fn.parameters.forEach((p, i) => {
        if (p.dotDotDotToken) this.bindPattern(p.name, p, { t: 'array', items: values.slice(i), repeated: false });
        else this.bindParameter(p, values[i], false);
      });
      const expressionResult = this.execBody(fn as FunctionNode);
      if (expressionResult) this.frame.returns.push(expressionResult);
      const exits = [...this.frame.returnStates, this.state];
      this.state = FlowState.merge(exits);
      this.state.terminated = false;
      return joinAll(this.frame.returns);
    } finally {
      this.frame = outer;
      this.callStack.pop();
    }
  }

  private escape(value: FlowValue): void {
    for (const layer of layersMentioned(value)) this.g.markEscaped(layer);
  }

  // ---- whole-file passes ---------------------------------------------------------------

  /**
   * Functions called somewhere in the file (they are analysed at their call sites), each
   * with the functions (or the file) its calls sit in.
   */
  private callersOfFunctions(): Map<ts.Node, Set<ts.Node>> {
    const callers = new Map<ts.Node, Set<ts.Node>>();
    const note = (fn: ts.Node, call: ts.Node): void => {
      const set = callers.get(fn) ?? new Set<ts.Node>();
      set.add(enclosingFunction(call) ?? this.sourceFile);
      callers.set(fn, set);
    };
    for (const node of this.index.calls) {
      const callee = skipOuterExpressions(node.expression);
      if (ts.isIdentifier(callee)) {
        const decl = this.g.scopes.resolve(callee);
        if (decl && ts.isFunctionDeclaration(decl)) note(decl, node);
        if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
          const init = skipOuterExpressions(decl.initializer);
          if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) note(init, node);
        }
      } else if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const method = this.thisMethod(callee);
        if (method) note(method, node);
      }
      for (const a of node.arguments) {
        const arg = skipOuterExpressions(a);
        if (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) note(arg, node);
      }
    }
    return callers;
  }

  /** Every layer-factory call becomes a node, also those no flow reached. */
  private registerStrayLayerCalls(): void {
    for (const call of this.index.calls) {
      if (this.g.hasLayerFor(call)) continue;
      const entity = this.g.tfjs.classify(call.expression);
      if (entity?.kind === 'layerFactory') this.g.layerFor(call, entity.factory);
    }
  }
}

function isAbstract(cls: ts.ClassLikeDeclaration): boolean {
  return !!cls.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword);
}

/** Whether `cls` calls `this.<name of method>()` somewhere. */
function callsMethod(cls: ts.ClassLikeDeclaration, method: ts.ClassElement): boolean {
  const name = method.name?.getText();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) &&
      n.expression.expression.kind === ts.SyntaxKind.ThisKeyword && n.expression.name.text === name) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(cls);
  return found;
}

/** A switch clause's statements and those it falls through to, up to a `break`. */
function fallThroughFrom(clauses: readonly ts.CaseOrDefaultClause[], from: number): ts.Statement[] {
  const out: ts.Statement[] = [];
  for (let i = from; i < clauses.length; i++) {
    for (const statement of clauses[i].statements) {
      if (ts.isBreakStatement(statement) && !statement.label) return out;
      out.push(statement);
    }
    const last = clauses[i].statements[clauses[i].statements.length - 1];
    if (last && (ts.isReturnStatement(last) || ts.isThrowStatement(last) || (ts.isBlock(last) && endsInBreak(last)))) return out;
  }
  return out;
}

function endsInBreak(block: ts.Block): boolean {
  const last = block.statements[block.statements.length - 1];
  return !!last && ts.isBreakStatement(last);
}

/** Whether a known value is truthy; undefined when unknown or only assumed. */
function certainTruth(value: FlowValue): boolean | undefined {
  if (value.t === 'value') return value.assumed === undefined ? truthiness(value.v) : undefined;
  if (value.t === 'object' || value.t === 'func' || value.t === 'model' || value.t === 'layer') return true;
  if (value.t === 'array') return true;
  return undefined;
}

/** Whether a known value is null or undefined (for `??`); undefined when unknown or assumed. */
function certainNullish(value: FlowValue): boolean | undefined {
  if (value.t === 'value') return value.assumed === undefined ? value.v === null || value.v === undefined : undefined;
  return value.t === 'unknown' ? undefined : false;
}

/** `left op right` over known literals; an assumption in, an assumption out. */
function foldLiterals(op: ts.SyntaxKind | undefined, left: FlowValue, right: FlowValue): FlowValue {
  if (op === undefined || left.t !== 'value' || right.t !== 'value') return UNKNOWN_VALUE;
  const folded = foldBinary(op, left.v, right.v);
  return folded === UNKNOWN ? UNKNOWN_VALUE : literal(folded as number | string | boolean, assumptionOf(left, right));
}

function assumptionOf(...values: FlowValue[]): string | undefined {
  for (const v of values) if (v.t === 'value' && v.assumed !== undefined) return v.assumed;
  return undefined;
}

function withAssumption(value: FlowValue, assumed: string | undefined): FlowValue {
  return assumed === undefined ? value : assumedFrom(value, assumed);
}

function isLiteralValue(value: FlowValue): boolean {
  return value.t === 'value' || value.t === 'object';
}

/** The value with its literals forgotten (layers, tensors and models are kept). */
function forgetLiterals(value: FlowValue): FlowValue {
  if (isLiteralValue(value)) return UNKNOWN_VALUE;
  if (value.t === 'array') return { ...value, items: value.items.map(forgetLiterals) };
  return value;
}

/** The function (or file) whose code a node belongs to. */
function enclosingFunction(node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) || ts.isSourceFile(n)) return n;
  }
  return undefined;
}

/**
 * The `.apply()` argument as tensor references, one per argument tensor, in order; a
 * layer's output names the application that made it (`node`) when the flow knows it.
 */
function tensorRefsOf(value: FlowValue, nodeOf: (v: object) => TensorNode | undefined): TensorRef[] {
  const items = value.t === 'array' ? value.items : [value];
  return items.map((item): TensorRef => {
    if (item.t !== 'tensor' || item.producers.length !== 1) return UNKNOWN;
    const p = item.producers[0];
    const made = nodeOf(item);
    if (typeof p === 'number') return made?.kind === 'layer' && made.index === p ? { kind: 'layer', index: p, node: made.node } : { kind: 'layer', index: p };
    const index = Number(p.slice(6));
    if (!isModelProducer(p)) return { kind: 'input', index };
    return made?.kind === 'model' && made.index === index ? { kind: 'model', index, node: made.node } : UNKNOWN;
  });
}

function isModelProducer(p: Producer): boolean {
  return typeof p === 'string' && p.startsWith('model:');
}

/** applyArgs keep their one-application shape: no `node`, and a nested model's output is not followed (UNKNOWN). */
function withoutNode(ref: TensorRef): TensorRef {
  if (ref !== UNKNOWN && ref.kind === 'model') return UNKNOWN;
  return ref !== UNKNOWN && ref.kind === 'layer' && ref.node !== undefined ? { kind: 'layer', index: ref.index } : ref;
}

function thisKey(cls: ts.ClassLikeDeclaration, name: ts.Node): string | undefined {
  const text = ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
  return text === undefined ? undefined : `this@${cls.pos}.${text}`;
}

function isConstDeclaration(decl: ts.Node): boolean {
  return ts.isVariableDeclaration(decl) && isConst(decl);
}

function isConst(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The name a model goes by: its variable, `this.x`, or the function returning it. */
function modelNameAt(call: ts.Node): string {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isAwaitExpression(node.parent)) {
    node = node.parent;
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return parent.left.getText();
  if (ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  for (let n: ts.Node | undefined = parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText();
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent)) return n.parent.name.getText();
  }
  return 'model';
}

