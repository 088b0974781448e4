// Character offsets → lines and columns (UTF-16 units, like ESLint's columns); \n, \r\n and
// a lone \r each end a line, as in TypeScript and VS Code.
export interface LineColumn {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  /** The offsets where lines start (what crosses a worker boundary or goes into --cache). */
  static lineStartsOf(text: string): number[] {
    return new LineIndex(text).lineStarts;
  }

  static fromLineStarts(lineStarts: readonly number[]): LineIndex {
    const index = new LineIndex('');
    index.lineStarts.length = 0;
    for (const start of lineStarts) index.lineStarts.push(start);
    return index;
  }

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** 1-based line and column of an offset. */
  at(offset: number): LineColumn {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.lineStarts[line]! + 1 };
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Offset where a 0-based line starts (the last line's start past the end). */
  startOf(line: number): number {
    return this.lineStarts[Math.min(line, this.lineStarts.length - 1)]!;
  }
}
