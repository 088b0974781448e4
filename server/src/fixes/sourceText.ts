// Reading the layout of source text around an offset: lines, indentation, trivia. Fixes
// use these to put new code where a person would have typed it.

export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset of the line break ending the line that holds `offset` (or text.length). */
export function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Offset just past the line break ending the line that holds `offset`. */
export function nextLineStartOf(text: string, offset: number): number {
  const end = lineEndOf(text, offset);
  if (text.startsWith('\r\n', end)) return end + 2;
  return end < text.length ? end + 1 : end;
}

/** The spaces and tabs that open the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, lineEndOf(text, start)))![0];
}

/** True when only spaces and tabs stand between the line's start and `offset`. */
export function startsItsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** The file's line ending: CRLF when its first line break is one, else LF. */
export function lineEndingOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * If the rest of the line after `offset` is only whitespace and comments, the offset of its
 * line break (where an inserted line belongs); otherwise undefined (more code follows).
 */
export function endOfTriviaLine(text: string, offset: number): number | undefined {
  let i = offset;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length || text[i] === '\n' || text[i] === '\r') return i;
    if (text.startsWith('//', i)) return lineEndOf(text, i);
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || /[\r\n]/.test(text.slice(i, close))) return undefined;
      i = close + 2;
      continue;
    }
    return undefined;
  }
}

/**
 * The whole line(s) holding `start`..`end`, line break included, when that code has them to
 * itself (only indentation before, only whitespace and comments after); otherwise undefined.
 */
export function wholeLineSpan(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const lineEnd = endOfTriviaLine(text, end);
  if (!startsItsLine(text, start) || lineEnd === undefined) return undefined;
  return { start: lineStartOf(text, start), end: nextLineStartOf(text, lineEnd) };
}

/** The first offset at or after `offset` that is not whitespace or a comment. */
export function skipTrivia(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) i = lineEndOf(text, i);
    else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else return i;
  }
}

/** How a number is written in inserted code: `1e-4` rather than `0.0001`. */
export function formatNumber(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential();
  return String(value);
}
