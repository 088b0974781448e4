// The edits that turn one text into another, one per changed run of lines, for fix-all:
// its output comes from several passes over re-linted text, so its own edits cannot be
// replayed against the editor's text. Sending the changed lines rather than the whole
// file keeps the editor's cursor, selections, folds and undo steps where they were.
import { diffLines } from 'diff';
import type { TextEdit } from '../fixes';

/** Past this, give up on a line diff and replace the changed middle in one edit. */
const DIFF_TIMEOUT_MS = 250;

/** Non-overlapping, sorted edits (offsets into `before`) such that applying them gives `after`. */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  // Only the changed middle is diffed: a fix touches a few lines of a long file.
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  prefix = prefix === 0 ? 0 : before.lastIndexOf('\n', prefix - 1) + 1; // back to a line start
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  // and the common end back to a line start, so the middles are whole lines
  while (suffix > 0 && before.charCodeAt(before.length - suffix - 1) !== 0x0a) suffix--;
  const oldMiddle = before.slice(prefix, before.length - suffix);
  const newMiddle = after.slice(prefix, after.length - suffix);

  const changes = diffLines(oldMiddle, newMiddle, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return [{ start: prefix, end: before.length - suffix, newText: newMiddle }];

  const edits: TextEdit[] = [];
  let offset = prefix;
  for (const change of changes) {
    if (change.added) {
      const last = edits[edits.length - 1];
      if (last && last.end === offset) last.newText += change.value;
      else edits.push({ start: offset, end: offset, newText: change.value });
    } else if (change.removed) {
      const last = edits[edits.length - 1];
      if (last && last.end === offset) last.end += change.value.length;
      else edits.push({ start: offset, end: offset + change.value.length, newText: '' });
      offset += change.value.length;
    } else {
      offset += change.value.length;
    }
  }
  return edits;
}
