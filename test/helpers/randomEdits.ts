// Random edits of model files, as offsets: for the incremental-analysis test and the
// stdio soak test. `benignEdit` keeps well-formed code well-formed (most keystrokes do);
// `randomEdit` may break it.
import type { TextEditRange } from '../../server/src/analysis/incremental';

const SNIPPETS = [
  '(', ')', '{', '}', '[', ']', ',', ';', '\n', '\r\n', ' ', '1', '0.5', 'x', '"', "'", '`', '/*', '*/', '//',
  'tf.layers.dense({units: 8})', 'model.add(tf.layers.dropout({rate: 0.3}));\n', 'kernelRegularizer: tf.regularizers.l2({l2: 1e-4}), ',
  '.apply(x)', '\uFFFD', 'import * as tf from "@tensorflow/tfjs";\n', 'function f() {', 'const y = ', '=>', '...',
];

export interface RandomEdit extends TextEditRange {
  text: string;
}

/** How far from `near` (a cursor) an edit may land, in characters. */
const NEAR = 200;

/** A random position: anywhere, or within NEAR of `near`. */
function positionIn(text: string, random: () => number, near?: number): number {
  if (near === undefined) return Math.floor(random() * (text.length + 1));
  const from = Math.max(0, Math.min(text.length, near - NEAR));
  const to = Math.max(from, Math.min(text.length, near + NEAR));
  return from + Math.floor(random() * (to - from + 1));
}

/**
 * A random edit of `text`: mostly typing-sized, sometimes a paste or a large deletion;
 * anywhere, or near `near` (where the cursor is).
 */
export function randomEdit(text: string, random: () => number, near?: number): RandomEdit {
  const at = positionIn(text, random, near);
  const r = random();
  if (r < 0.35) {
    const snippet = SNIPPETS[Math.floor(random() * SNIPPETS.length)]!;
    return { start: at, end: at, newLength: snippet.length, text: snippet };
  }
  if (r < 0.6) {
    const end = Math.min(text.length, at + 1 + Math.floor(random() * 3));
    return { start: at, end, newLength: 0, text: '' };
  }
  if (r < 0.75) {
    const end = Math.min(text.length, at + Math.floor(random() * 12));
    const ch = String.fromCharCode(32 + Math.floor(random() * 95));
    return { start: at, end, newLength: 1, text: ch };
  }
  if (r < 0.85) {
    // Paste a copy of another part of the file.
    const from = Math.floor(random() * text.length);
    const pasted = text.slice(from, from + Math.floor(random() * 400));
    return { start: at, end: at, newLength: pasted.length, text: pasted };
  }
  if (r < 0.93) {
    const end = Math.min(text.length, at + Math.floor(random() * 600));
    return { start: at, end, newLength: 0, text: '' };
  }
  // Undo-like: replace a span with what it was, shifted (often a no-op in length).
  const end = Math.min(text.length, at + Math.floor(random() * 40));
  const replacement = text.slice(at, end).split('').reverse().join('');
  return { start: at, end, newLength: replacement.length, text: replacement };
}

/**
 * An edit that keeps well-formed code well-formed, as most keystrokes do: a digit typed
 * into or deleted from a number, an identifier renamed, a comment line added, a line
 * re-indented; anywhere, or near `near` when that has a place for it.
 */
export function benignEdit(text: string, random: () => number, near?: number): RandomEdit {
  // Near the cursor only: with nothing of a kind there, the next kind of edit is tried.
  const close = <T extends { index?: number }>(items: T[]): T[] =>
    near === undefined ? items : items.filter(m => Math.abs(m.index! - near) <= NEAR);
  const pick = <T extends { index?: number }>(items: T[]): T | undefined => {
    const from = close(items);
    return from[Math.floor(random() * from.length)];
  };
  const r = random();
  if (r < 0.45) {
    // Integers (not parts of 0.5 or 1e-4, where a digit could make a literal invalid).
    const numbers = [...text.matchAll(/(?<![.\w-])[1-9]\d*(?![.\w])/g)];
    const m = pick(numbers);
    if (m && m.index !== undefined) {
      const end = m.index + m[0].length;
      return random() < 0.6 || m[0].length < 2
        ? { start: end, end, newLength: 1, text: String(Math.floor(random() * 10)) }
        : { start: end - 1, end, newLength: 0, text: '' };
    }
  }
  if (r < 0.7) {
    const names = [...text.matchAll(/\b(units|rate|filters|model|x|y|hidden|activation|inputShape|kernelSize)\b/g)];
    const m = pick(names);
    if (m && m.index !== undefined) {
      const name = m[0] + (random() < 0.5 ? '2' : '_x');
      return { start: m.index, end: m.index + m[0].length, newLength: name.length, text: name };
    }
  }
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)].map(index => ({ index }));
  const at = pick(lineStarts)?.index ?? lineStarts[Math.floor(random() * lineStarts.length)]!.index;
  if (r < 0.85) {
    const comment = '// edited ' + Math.floor(random() * 1000) + '\n';
    return { start: at, end: at, newLength: comment.length, text: comment };
  }
  return { start: at, end: at, newLength: 2, text: '  ' }; // re-indent
}

/** The edit that undoes `edit` (applied to the text after it). */
export function inverse(edit: RandomEdit, before: string): RandomEdit {
  const removed = before.slice(edit.start, edit.end);
  return { start: edit.start, end: edit.start + edit.newLength, newLength: removed.length, text: removed };
}


export function applyEdit(text: string, edit: RandomEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
