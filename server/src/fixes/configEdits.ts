// Setting keys in a layer's config, whatever shape the config takes: no argument
// (`dense()`), an empty or filled object literal on one line or many, or a config held in a
// variable (`dense(cfg)` becomes `dense({...cfg, key: value})`, leaving the shared object alone).
import { ts } from '../analysis/parse';
import type { LayerNode } from '../analysis/modelGraph';
import { UNKNOWN } from '../analysis/modelGraph';
import { appendItem, commaListOf } from './commaList';
import type { FixContext } from './fixContext';
import { indentationAt, startsItsLine } from './sourceText';
import type { TextEdit } from './types';

export interface ConfigEntry {
  key: string;
  /** Source text of the value. */
  value: string;
}

/** Edits that make the layer's config give each key its value; undefined when not well defined. */
export function setConfigEntries(ctx: FixContext, layer: LayerNode, entries: ConfigEntry[]): TextEdit[] | undefined {
  const call = ctx.callOf(layer);
  if (!call || layer.config === UNKNOWN) return undefined;
  const body = entries.map(({ key, value }) => `${key}: ${value}`).join(', ');
  const arg = call.arguments[0];

  if (!arg) {
    // `dense()` or `dense( )`: the argument list is empty (perhaps with whitespace).
    const open = call.arguments.pos;
    const close = call.end - 1;
    if (ctx.text[close] !== ')' || ctx.text.slice(open, close).trim() !== '') return undefined;
    return [{ start: open, end: close, newText: ctx.objectLiteral(body) }];
  }
  const literal = unwrap(arg);
  if (ts.isObjectLiteralExpression(literal)) return setInObjectLiteral(ctx, literal, entries);
  // A config held elsewhere: override it at this call only.
  if (ts.isIdentifier(literal) || ts.isPropertyAccessExpression(literal)) {
    return [{ start: arg.getStart(ctx.sourceFile), end: arg.end, newText: ctx.objectLiteral(`...${arg.getText(ctx.sourceFile)}, ${body}`) }];
  }
  return undefined;
}

/** Edits that set `useBias: false` on the layer; undefined when not well defined. */
export function disableBiasEdits(ctx: FixContext, layer: LayerNode): TextEdit[] | undefined {
  return setConfigEntries(ctx, layer, [{ key: 'useBias', value: 'false' }]);
}

function setInObjectLiteral(ctx: FixContext, literal: ts.ObjectLiteralExpression, entries: ConfigEntry[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const { key, value } of entries) {
    const existing = literal.properties.filter((p) => propertyName(p) === key);
    if (existing.length > 1) return undefined;
    const property = existing[0];
    if (!property) {
      added.push(`${key}: ${value}`);
    } else if (ts.isPropertyAssignment(property)) {
      edits.push({ start: property.initializer.getStart(ctx.sourceFile), end: property.initializer.end, newText: value });
    } else if (ts.isShorthandPropertyAssignment(property)) {
      edits.push({ start: property.getStart(ctx.sourceFile), end: property.end, newText: `${key}: ${value}` });
    } else {
      return undefined; // a method or accessor: not ours to rewrite
    }
  }
  if (added.length > 0) edits.push(...appendItems(ctx, literal, added));
  return edits;
}

/** New properties go last, so they also override any spread before them. */
function appendItems(ctx: FixContext, literal: ts.ObjectLiteralExpression, items: string[]): TextEdit[] {
  const list = commaListOf(ctx, literal);
  if (list.items.length === 0) {
    return [{ start: literal.getStart(ctx.sourceFile), end: literal.end, newText: ctx.objectLiteral(items.join(', ')) }];
  }
  // Several new properties: one per line in a multi-line literal, else side by side.
  const last = list.items[list.items.length - 1];
  const separator = startsItsLine(ctx.text, last.start) ? `,${ctx.eol}${indentationAt(ctx.text, last.start)}` : ', ';
  return appendItem(ctx, list, items.join(separator));
}

export function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function unwrap(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) expr = expr.expression;
  return expr;
}

/** The object literal written as the layer's config argument, if any. */
export function configLiteralOf(ctx: FixContext, layer: LayerNode): ts.ObjectLiteralExpression | undefined {
  const arg = ctx.callOf(layer)?.arguments[0];
  const literal = arg && unwrap(arg);
  return literal && ts.isObjectLiteralExpression(literal) ? literal : undefined;
}
