// Character offsets → 1-based line and column (UTF-16 units, like ESLint's columns).
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

  at(offset: number): LineColumn {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }
}
