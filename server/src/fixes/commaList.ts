// Inserting into a comma-separated, bracketed list (object literal properties, array
// elements, named imports, destructuring patterns) the way the file already writes it:
// one item per line or all on one line, with or without a trailing comma, with trailing
// comments left on the line they belong to.
import { ts } from '../analysis/parse';
import type { Span } from '../analysis/modelGraph';
import type { FixContext } from './fixContext';
import { endOfTriviaLine, indentationAt, skipTrivia, startsItsLine, wholeLineSpan } from './sourceText';
import type { TextEdit } from './types';

export interface CommaList {
  /** Offset just after the opening bracket. */
  openEnd: number;
  /** Offset of the closing bracket. */
  closeStart: number;
  items: Span[];
  hasTrailingComma: boolean;
}

type Bracketed = ts.Node & { elements?: ts.NodeArray<ts.Node>; properties?: ts.NodeArray<ts.Node> };

/** The list inside `{...}` or `[...]` literals, named imports and binding patterns. */
export function commaListOf(ctx: FixContext, node: Bracketed): CommaList {
  const items = (node.properties ?? node.elements)!;
  return {
    openEnd: node.getStart(ctx.sourceFile) + 1,
    closeStart: node.end - 1,
    items: items.map((item) => ({ start: item.getStart(ctx.sourceFile), end: item.end })),
    hasTrailingComma: items.hasTrailingComma,
  };
}

/**
 * Edits inserting `itemText` after the item at `index` (or into the empty list, padded
 * with `emptyPadding` inside the brackets).
 */
export function insertAfterItem(
  ctx: FixContext, list: CommaList, index: number, itemText: string, emptyPadding = '',
): TextEdit[] {
  const text = ctx.text;
  if (list.items.length === 0) {
    return [{ start: list.openEnd, end: list.closeStart, newText: `${emptyPadding}${itemText}${emptyPadding}` }];
  }
  const item = list.items[index];
  const onItsOwnLine = startsItsLine(text, item.start);
  const newLine = ctx.eol + indentationAt(text, item.start);
  const followedByComma = index < list.items.length - 1 || list.hasTrailingComma;

  if (followedByComma) {
    const afterComma = skipTrivia(text, item.end) + 1;
    const lineEnd = onItsOwnLine ? endOfTriviaLine(text, afterComma) : undefined;
    if (lineEnd !== undefined) return [{ start: lineEnd, end: lineEnd, newText: `${newLine}${itemText},` }];
    return [{ start: afterComma, end: afterComma, newText: ` ${itemText},` }];
  }
  if (!onItsOwnLine) return [{ start: item.end, end: item.end, newText: `, ${itemText}` }];
  // Last item on its own line without a trailing comma: the comma goes right after the
  // item, the new line after any comment that ends the item's line.
  const lineEnd = endOfTriviaLine(text, item.end);
  if (lineEnd === undefined || lineEnd === item.end) {
    return [{ start: item.end, end: item.end, newText: `,${newLine}${itemText}` }];
  }
  return [
    { start: item.end, end: item.end, newText: ',' },
    { start: lineEnd, end: lineEnd, newText: `${newLine}${itemText}` },
  ];
}

/** Edits appending `itemText` to the end of the list. */
export function appendItem(ctx: FixContext, list: CommaList, itemText: string, emptyPadding = ''): TextEdit[] {
  return insertAfterItem(ctx, list, list.items.length - 1, itemText, emptyPadding);
}

/** Edits removing the item at `index` with its comma, and its line when it had one to itself. */
export function removeItem(ctx: FixContext, list: CommaList, index: number): TextEdit[] {
  const text = ctx.text;
  const item = list.items[index];
  const isLast = index === list.items.length - 1;
  // Not last: everything up to the next item goes (its comma, a trailing comment, the line break).
  if (!isLast) return [{ start: item.start, end: list.items[index + 1].start, newText: '' }];
  const afterItem = list.hasTrailingComma ? skipTrivia(text, item.end) + 1 : item.end;
  const ownLine = wholeLineSpan(text, item.start, afterItem);
  if (index === 0) {
    if (ownLine) return [{ ...ownLine, newText: '' }];
    return [{ start: item.start, end: afterItem, newText: '' }];
  }
  const previous = list.items[index - 1];
  if (ownLine) {
    // The last item on its own line: drop the line, and the comma before it unless the
    // list keeps trailing commas.
    const edits: TextEdit[] = [{ ...ownLine, newText: '' }];
    if (!list.hasTrailingComma) {
      const comma = skipTrivia(text, previous.end);
      edits.push({ start: comma, end: comma + 1, newText: '' });
    }
    return edits;
  }
  return [{ start: previous.end, end: item.end, newText: '' }];
}
