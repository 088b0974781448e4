// A small abstract interpreter over the file's statements that follows layers, symbolic
// tensors and models through variables, `model.add`, `.apply()`, `tf.model`, loops,
// branches, helper functions and classes. It never runs code; where it cannot follow a
// value it says so, and the graph records UNKNOWN.
import {
  FlowState, inputProducer, joinAll, joinValues, layersMentioned, modelProducer, producersOf, UNKNOWN_VALUE,
  type FlowValue, type Producer, type Tail, type VarKey,
} from './flowValues';
import type { FileIndex, FunctionNode } from './fileIndex';
import { UNKNOWN, type TensorRef } from './modelGraph';
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

  constructor(
    private readonly g: GraphBuilder,
    private readonly sourceFile: ts.SourceFile,
    private readonly index: FileIndex,
  ) {}

  run(): void {
    const functions = this.index.functions;
    const calledInFile = this.calledFunctions();
    this.runRoot(this.sourceFile, () => this.execStatements(this.sourceFile.statements));
    for (const cls of this.index.classes) this.runClass(cls);
    for (const fn of functions) {
      if (!this.visited.has(fn) && !calledInFile.has(fn)) this.runFunctionRoot(fn);
    }
    for (const fn of functions) if (!this.visited.has(fn)) this.runFunctionRoot(fn);
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
      for (const p of fn.parameters) this.bindPattern(p.name, p, UNKNOWN_VALUE);
      return this.execBody(fn);
    });
  }

  /** A class's members share `this`: constructor first, then fields and methods in order. */
  private runClass(cls: ts.ClassLikeDeclaration): void {
    const base = cls.heritageClauses
      ?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    const entity = base ? this.g.tfjs.classify(base) : undefined;
    let thisValue: FlowValue = { t: 'this', cls };
    if (entity?.kind === 'tfFunction' && (entity.name === 'Sequential' || entity.name === 'LayersModel')) {
      const name = cls.name?.text ?? 'model';
      const model = this.g.modelFor(cls, 'sequential-add', name, cls.name ? spanOf(cls.name) : spanOf(cls));
      this.classModels.set(cls, model);
      thisValue = { t: 'model', model };
    }
    // Field initializers run first, then the constructor; other methods follow in order.
    const rank = (m: ts.ClassElement): number => (ts.isPropertyDeclaration(m) ? 0 : ts.isConstructorDeclaration(m) ? 1 : 2);
    const members = [...cls.members].sort((a, b) => rank(a) - rank(b));
    this.runRoot(cls, () => {
      if (thisValue.t === 'model') this.state.setTails(thisValue.model, new Set<Tail>(['start']));
      for (const member of members) {
        if (ts.isPropertyDeclaration(member) && member.initializer) {
          const value = this.evaluate(member.initializer);
          const key = thisKey(cls, member.name);
          if (key) this.state.setVar(key, value);
        } else if ((ts.isConstructorDeclaration(member) || ts.isMethodDeclaration(member)) && member.body) {
          if (this.visited.has(member)) continue;
          this.visited.add(member);
          for (const p of member.parameters) this.bindPattern(p.name, p, UNKNOWN_VALUE);
          const saved = this.frame.returnStates.length;
          this.execBody(member);
          // A method's `return` ends that method, not the class: continue from the merge.
          const exits = this.frame.returnStates.splice(saved);
          if (exits.length) this.state.assign(FlowState.merge([...exits, this.state]));
          this.state.terminated = false;
        }
      }
    }, thisValue);
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
      this.evaluate(s.expression);
      this.branch([() => this.execStatement(s.thenStatement), () => s.elseStatement && this.execStatement(s.elseStatement)]);
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
      this.evaluate(s.expression);
      const clauses = s.caseBlock.clauses;
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

  /** Loops: zero iterations, or the body twice (the second pass wires the back edges). */
  private execLoop(s: ts.IterationStatement): void {
    const before = this.state.clone();
    if (ts.isForStatement(s) && s.initializer) {
      if (ts.isVariableDeclarationList(s.initializer)) {
        for (const d of s.initializer.declarations) this.bindPattern(d.name, d, d.initializer ? this.evaluate(d.initializer) : UNKNOWN_VALUE);
      } else {
        this.evaluate(s.initializer);
      }
    }
    if ((ts.isForOfStatement(s) || ts.isForInStatement(s)) && ts.isVariableDeclarationList(s.initializer)) {
      const iterated = this.evaluate(s.expression);
      const item = iterated.t === 'array' && ts.isForOfStatement(s)
        ? joinAll(iterated.items)
        : UNKNOWN_VALUE;
      for (const d of s.initializer.declarations) this.bindPattern(d.name, d, item);
    }
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

  /**
   * An absent variable reads as unknown, so unknowns are only stored where they must
   * overwrite something or stop a const's lazy evaluation: small maps keep branching cheap.
   */
  private storeVar(decl: ts.Node, value: FlowValue): void {
    if (value.t !== 'unknown' || this.state.vars.has(decl) || isConstDeclaration(decl)) this.state.setVar(decl, value);
  }

  private bindPattern(name: ts.BindingName, decl: ts.Node, value: FlowValue): void {
    if (ts.isIdentifier(name)) {
      this.storeVar(decl, value);
      return;
    }
    this.escape(value);
    for (const element of name.elements) {
      if (ts.isBindingElement(element)) {
        const item = ts.isArrayBindingPattern(name) && value.t === 'array' && !value.repeated
          ? value.items[name.elements.indexOf(element)] ?? UNKNOWN_VALUE
          : UNKNOWN_VALUE;
        this.bindPattern(element.name, element, item);
      }
    }
  }

  // ---- expressions ---------------------------------------------------------------------

  private evaluate(expr: ts.Expression): FlowValue {
    expr = skipOuterExpressions(expr);
    switch (expr.kind) {
      case SK.CallExpression: return this.evaluateCall(expr as ts.CallExpression);
      case SK.Identifier: return this.readIdentifier(expr as ts.Identifier);
      case SK.ThisKeyword: {
        const cls = this.enclosingClass(expr);
        const model = cls && this.classModels.get(cls);
        return model !== undefined ? { t: 'model', model } : this.frame.thisValue;
      }
      case SK.PropertyAccessExpression: return this.readProperty(expr as ts.PropertyAccessExpression);
      case SK.BinaryExpression: return this.evaluateBinary(expr as ts.BinaryExpression);
      case SK.ArrayLiteralExpression: return this.evaluateArray(expr as ts.ArrayLiteralExpression);
      case SK.ConditionalExpression: {
        const c = expr as ts.ConditionalExpression;
        this.evaluate(c.condition);
        return joinValues(this.evaluate(c.whenTrue), this.evaluate(c.whenFalse));
      }
      case SK.AwaitExpression: return this.evaluate((expr as ts.AwaitExpression).expression);
      case SK.ArrowFunction:
      case SK.FunctionExpression:
        return { t: 'func', decl: expr as ts.ArrowFunction };
      case SK.ObjectLiteralExpression:
        for (const p of (expr as ts.ObjectLiteralExpression).properties) {
          if (ts.isPropertyAssignment(p)) this.escape(this.evaluate(p.initializer));
          else if (ts.isShorthandPropertyAssignment(p)) this.escape(this.evaluate(p.name));
          else if (ts.isSpreadAssignment(p)) this.escape(this.evaluate(p.expression));
        }
        return UNKNOWN_VALUE;
      case SK.NewExpression:
        for (const a of (expr as ts.NewExpression).arguments ?? []) this.escape(this.evaluate(a));
        return UNKNOWN_VALUE;
      case SK.NumericLiteral:
      case SK.StringLiteral:
      case SK.NoSubstitutionTemplateLiteral:
      case SK.TrueKeyword:
      case SK.FalseKeyword:
      case SK.NullKeyword:
        return UNKNOWN_VALUE;
    }
    ts.forEachChild(expr, (child) => {
      if (ts.isExpression(child)) this.evaluate(child);
    });
    return UNKNOWN_VALUE;
  }

  private evaluateBinary(expr: ts.BinaryExpression): FlowValue {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) {
      const value = this.evaluate(expr.right);
      this.assignTo(expr.left, value);
      return value;
    }
    const left = this.evaluate(expr.left);
    const right = this.evaluate(expr.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return joinValues(left, right);
    if (op === ts.SyntaxKind.CommaToken) return right;
    return UNKNOWN_VALUE;
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
    if (!decl) return UNKNOWN_VALUE;
    const known = this.state.vars.get(decl);
    if (known) return known;
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
      const known = this.state.vars.get(key);
      if (known) return known;
      const method = this.thisMethod(expr);
      if (method) return { t: 'func', decl: method };
      return UNKNOWN_VALUE;
    }
    this.evaluate(expr.expression);
    return UNKNOWN_VALUE;
  }

  private thisPropertyKey(expr: ts.Expression): VarKey | undefined {
    if (!ts.isPropertyAccessExpression(expr) || expr.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    const cls = this.enclosingClass(expr);
    return cls ? thisKey(cls, expr.name) : undefined;
  }

  private thisMethod(expr: ts.PropertyAccessExpression): FunctionNode | undefined {
    const cls = this.enclosingClass(expr);
    const member = cls?.members.find((m) => ts.isMethodDeclaration(m) && m.name.getText() === expr.name.text);
    return member as FunctionNode | undefined;
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
    if (entity?.kind === 'tfFunction') {
      if (entity.name === 'sequential') return this.sequentialCall(call);
      if (entity.name === 'model') return this.functionalModelCall(call);
      if (entity.name === 'input') return { t: 'tensor', producers: [inputProducer(this.g.inputFor(call))] };
    }
    const callee = skipOuterExpressions(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method === 'add' && call.arguments.length === 1) return this.modelAdd(call, callee);
      if (method === 'apply' && call.arguments.length >= 1) return this.layerApply(call, callee);
      if ((method === 'forEach' || method === 'map') && call.arguments[0]) return this.iterate(call, callee, method);
      if (method === 'push') return this.arrayPush(call, callee);
      if (method === 'compile') return this.modelCompile(call, callee);
    }
    const target = this.evaluate(callee);
    if (target.t === 'func') return this.callFunction(target.decl, call.arguments);
    const args = call.arguments.map((a) => this.evaluate(a));
    const harmless = ts.isPropertyAccessExpression(callee) && HARMLESS_METHODS.has(callee.name.text);
    if (!harmless) args.forEach((a) => this.escape(a));
    return UNKNOWN_VALUE;
  }

  private layerCall(call: ts.CallExpression, factory: string): FlowValue {
    const index = this.g.layerFor(call, factory);
    this.g.noteCreated(index, this.loopDepth > 0);
    // Layers nested in the config (wrappers) were registered by the config evaluator;
    // arguments are otherwise literal and carry no flow.
    return { t: 'layer', ids: [index] };
  }

  private sequentialCall(call: ts.CallExpression): FlowValue {
    const model = this.g.modelFor(call, 'sequential-add', modelNameAt(call));
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
      if (element && item.t === 'layer' && !ts.isSpreadElement(element)) {
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
    if (value.t === 'layer' && ts.isExpressionStatement(statement) && argCall.kind === SK.CallExpression) {
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
      this.g.noteApplySite(id, {
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
    const item = list.t === 'array'
      ? joinAll(list.items)
      : UNKNOWN_VALUE;
    const before = this.state.clone();
    let result: FlowValue = UNKNOWN_VALUE;
    this.loopDepth++;
    try {
      for (let pass = 0; pass < 2; pass++) result = this.callFunction(callback.decl, [], [item]);
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
    const list = decl ? this.state.vars.get(decl) : undefined;
    if (decl && list?.t === 'array') {
      this.state.setVar(decl, { t: 'array', items: [...list.items, ...values], repeated: list.repeated || this.insideLoop(call) });
    } else {
      values.forEach((v) => this.escape(v));
    }
    return UNKNOWN_VALUE;
  }

  private insideLoop(node: ts.Node): boolean {
    for (let n = node.parent; n && !ts.isFunctionLike(n); n = n.parent) {
      if (ts.isIterationStatement(n, false)) return true;
    }
    return false;
  }

  /** Inline a helper defined in this file, with its parameters bound to the arguments. */
  private callFunction(fn: ts.SignatureDeclaration, args: readonly ts.Expression[], preEvaluated?: FlowValue[]): FlowValue {
    const values = preEvaluated ?? args.map((a) => this.evaluate(a));
    const body = (fn as FunctionNode).body;
    if (!body || this.callStack.includes(fn) || this.callStack.length >= MAX_CALL_DEPTH) {
      values.forEach((v) => this.escape(v));
      return UNKNOWN_VALUE;
    }
    this.visited.add(fn);
    this.callStack.push(fn);
    const outer = this.frame;
    this.frame = { returns: [], returnStates: [], thisValue: outer.thisValue };
    try {
      fn.parameters.forEach((p, i) => {
        let v = values[i];
        if (v === undefined) v = p.initializer ? this.evaluate(p.initializer) : UNKNOWN_VALUE;
        if (p.dotDotDotToken) v = { t: 'array', items: values.slice(i), repeated: false };
        this.bindPattern(p.name, p, v);
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

  /** Functions called by name somewhere in the file (they are analysed at their call sites). */
  private calledFunctions(): Set<ts.Node> {
    const called = new Set<ts.Node>();
    for (const node of this.index.calls) {
      const callee = skipOuterExpressions(node.expression);
      if (ts.isIdentifier(callee)) {
        const decl = this.g.scopes.resolve(callee);
        if (decl && ts.isFunctionDeclaration(decl)) called.add(decl);
        if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
          const init = skipOuterExpressions(decl.initializer);
          if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) called.add(init);
        }
      } else if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const method = this.thisMethod(callee);
        if (method) called.add(method);
      }
      for (const a of node.arguments) {
        const arg = skipOuterExpressions(a);
        if (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) called.add(arg);
      }
    }
    return called;
  }

  /** Every layer-factory call becomes a node, also those no flow reached. */
  private registerStrayLayerCalls(): void {
    for (const call of this.index.calls) {
      const entity = this.g.tfjs.classify(call.expression);
      if (entity?.kind === 'layerFactory') this.g.layerFor(call, entity.factory);
    }
  }
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

