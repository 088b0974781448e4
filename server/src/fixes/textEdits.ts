// Applying offset-based edits, and telling whether two sets of edits can be applied together.
import type { TextEdit } from './types';

/**
 * Applies non-overlapping edits to `text`. Offsets refer to the original text; edits may come
 * in any order. Two insertions at the same offset keep their order in `edits`.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  let output = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`overlapping or out-of-range edit [${edit.start}, ${edit.end})`);
    }
    output += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return output + text.slice(cursor);
}

/**
 * Whether two edits cannot both be applied: their ranges intersect, or they touch the same
 * offset in a way whose result depends on the order (two edits starting at one point).
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

export function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.newText === b.newText;
}
