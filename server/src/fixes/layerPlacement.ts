// Inserting, removing and moving whole layers in a model, in each style a model is built:
// - `model.add(<layer>);` statements: a sibling statement in the same block;
// - elements of `tf.sequential({layers: [...]})`: a sibling element;
// - functional `<layer>.apply(<x>)`: wrapping, so the new layer's output feeds whatever the
//   old layer's output fed.
// A layer whose site is `other` (bound to a variable used twice, built by `.map`, a lone
// `if (c) model.add(...)` without a block) has no well-defined place: no edit is offered.
import { ts } from '../analysis/parse';
import type { LayerNode, Span } from '../analysis/modelGraph';
import { commaListOf, insertAfterItem, removeItem } from './commaList';
import type { FixContext } from './fixContext';
import { endOfTriviaLine, indentationAt, wholeLineSpan } from './sourceText';
import type { TextEdit } from './types';

export type Placement =
  | { kind: 'statement'; statement: ts.ExpressionStatement; receiver: string }
  | { kind: 'element'; array: ts.ArrayLiteralExpression; index: number }
  | { kind: 'apply'; call: ts.CallExpression };

/** Where the layer (or the wrapper it sits in) enters its model, checked against the syntax tree. */
export function placementOf(ctx: FixContext, layer: LayerNode): Placement | undefined {
  const host = layer.wrappedBy === null ? layer : ctx.layer(layer.wrappedBy);
  if (!host || host.wrappedBy !== null || host.model === null) return undefined;
  const site = host.site;
  if (!site) return undefined;
  const within = (outer: Span) => outer.start <= host.span.start && host.span.end <= outer.end;
  switch (site.kind) {
    case 'add': {
      // `model.add(helper())` is an add site for the layer the helper builds elsewhere;
      // only a statement that holds the layer call itself is the layer's place.
      const statement = ctx.nodeAt(site.statement, ts.isExpressionStatement);
      if (!statement || !within(site.statement) || !isStatementListParent(statement.parent)) return undefined;
      return { kind: 'statement', statement, receiver: site.receiver };
    }
    case 'array-element': {
      const array = ctx.nodeAt(site.array, ts.isArrayLiteralExpression);
      const index = array?.elements.findIndex((e) => e.getStart(ctx.sourceFile) === site.element.start && e.end === site.element.end);
      if (!array || index === undefined || index < 0) return undefined;
      // The layer written in the array, or a variable holding it that is used only there.
      const element = array.elements[index];
      const viaVariable = ts.isIdentifier(element) && ctx.identifierCount(element.text) === 2;
      return within(site.element) || viaVariable ? { kind: 'element', array, index } : undefined;
    }
    case 'apply': {
      const call = ctx.nodeAt(site.applyCall, ts.isCallExpression);
      return call && call.arguments.length >= 1 ? { kind: 'apply', call } : undefined;
    }
    default:
      return undefined;
  }
}

/** Only in a statement list is "the next statement" well defined (not in `if (c) stmt`). */
function isStatementListParent(node: ts.Node): boolean {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}

/** Edits putting the layer written as `newLayer` (e.g. `tf.layers.dropout({rate: 0.5})`) right after `layer`. */
export function insertLayerAfter(ctx: FixContext, layer: LayerNode, newLayer: string): TextEdit[] | undefined {
  const placement = placementOf(ctx, layer);
  if (!placement) return undefined;
  switch (placement.kind) {
    case 'statement': {
      const semicolon = ctx.text[placement.statement.end - 1] === ';' ? ';' : '';
      return insertStatementAfter(ctx, placement.statement, `${placement.receiver}.add(${newLayer})${semicolon}`);
    }
    case 'element':
      return insertAfterItem(ctx, commaListOf(ctx, placement.array), placement.index, newLayer);
    case 'apply':
      return [
        { start: placement.call.getStart(ctx.sourceFile), end: placement.call.getStart(ctx.sourceFile), newText: `${newLayer}.apply(` },
        { start: placement.call.end, end: placement.call.end, newText: ')' },
      ];
  }
}

/** A new statement on its own line after `statement`, with its indentation. */
function insertStatementAfter(ctx: FixContext, statement: ts.Statement, newStatement: string): TextEdit[] {
  const end = statement.end;
  const lineEnd = endOfTriviaLine(ctx.text, end);
  if (lineEnd !== undefined) {
    const indentation = indentationAt(ctx.text, statement.getStart(ctx.sourceFile));
    return [{ start: lineEnd, end: lineEnd, newText: `${ctx.eol}${indentation}${newStatement}` }];
  }
  // More code follows on the line: stay on it, separated the way the statement is.
  const separator = ctx.text[end - 1] === ';' ? ' ' : '; ';
  return [{ start: end, end, newText: `${separator}${newStatement}` }];
}

/** Edits taking the layer out of its model; what fed it now feeds what it fed. */
export function removeLayer(ctx: FixContext, layer: LayerNode): TextEdit[] | undefined {
  const placement = placementOf(ctx, layer);
  if (!placement || layer.wrappedBy !== null) return undefined;
  switch (placement.kind) {
    case 'statement':
      return [removeStatement(ctx, placement.statement)];
    case 'element':
      return removeItem(ctx, commaListOf(ctx, placement.array), placement.index);
    case 'apply': {
      // `<layer call>.apply(x)` becomes `x`; a layer bound to a variable would be left unused.
      const call = placement.call;
      if (call.arguments.length !== 1 || !ts.isPropertyAccessExpression(call.expression)) return undefined;
      const receiver = call.expression.expression;
      if (receiver.getStart(ctx.sourceFile) !== layer.span.start || receiver.end !== layer.span.end) return undefined;
      return [{ start: call.getStart(ctx.sourceFile), end: call.end, newText: call.arguments[0].getText(ctx.sourceFile) }];
    }
  }
}

function removeStatement(ctx: FixContext, statement: ts.Statement): TextEdit {
  const start = statement.getStart(ctx.sourceFile);
  // Alone on its line (a trailing comment goes with it): remove the whole line.
  const line = wholeLineSpan(ctx.text, start, statement.end);
  if (line) return { ...line, newText: '' };
  let end = statement.end;
  while (ctx.text[end] === ' ' || ctx.text[end] === '\t') end++;
  return { start, end, newText: '' };
}

/**
 * Edits moving `layer` to right after `target`, a later layer of the same model written in
 * the same statement list, array, or directly around it in a functional chain.
 */
export function moveLayerAfter(ctx: FixContext, layer: LayerNode, target: LayerNode): TextEdit[] | undefined {
  const from = placementOf(ctx, layer);
  const to = placementOf(ctx, target);
  if (!from || !to || layer.wrappedBy !== null || target.wrappedBy !== null) return undefined;
  if (from.kind === 'statement' && to.kind === 'statement') {
    const a = from.statement;
    const b = to.statement;
    if (a.parent !== b.parent || a.end > b.pos) return undefined;
    return [removeStatement(ctx, a), ...insertStatementAfter(ctx, b, a.getText(ctx.sourceFile))];
  }
  if (from.kind === 'element' && to.kind === 'element') {
    if (from.array !== to.array || from.index >= to.index) return undefined;
    const element = from.array.elements[from.index].getText(ctx.sourceFile);
    return [...removeItem(ctx, commaListOf(ctx, from.array), from.index), ...insertAfterItem(ctx, commaListOf(ctx, to.array), to.index, element)];
  }
  if (from.kind === 'apply' && to.kind === 'apply') return swapChainedApplies(ctx, from.call, to.call);
  return undefined;
}

/** `N.apply(D.apply(x))` becomes `D.apply(N.apply(x))`. */
function swapChainedApplies(ctx: FixContext, inner: ts.CallExpression, outer: ts.CallExpression): TextEdit[] | undefined {
  const sf = ctx.sourceFile;
  if (inner.arguments.length !== 1 || outer.arguments.length !== 1) return undefined;
  if (outer.arguments[0] !== inner) return undefined;
  const text = ctx.text;
  const innerArg = inner.arguments[0];
  const innerHead = text.slice(inner.getStart(sf), innerArg.getStart(sf)); // `D.apply(`
  const innerTail = text.slice(innerArg.end, inner.end); // `)`
  const outerHead = text.slice(outer.getStart(sf), inner.getStart(sf));
  const outerTail = text.slice(inner.end, outer.end);
  const newText = innerHead + outerHead + innerArg.getText(sf) + outerTail + innerTail;
  return [{ start: outer.getStart(sf), end: outer.end, newText }];
}
