// How long to wait after an edit before re-analysing. A fixed 50–100 ms debounce would
// alone use up the latency budget (diagnostics within ~30 ms of a keystroke), so the
// delay adapts: about the document's recent analysis time, between a small floor and the
// `reglint.debounceMs` cap. While someone types faster than that, no analysis runs; when
// they pause, at most about half the time goes to analysis. Small files (a few ms to
// analyse) update almost at once; large ones wait longer and cost less per keystroke.

/** Floor (ms): enough to coalesce didChange messages a client sends back to back. */
export const MIN_DELAY_MS = 5;
const SMOOTHING = 0.3;

export class AnalysisTimes {
  private readonly averageMs = new Map<string, number>();
  private readonly seen = new Set<string>();

  record(uri: string, ms: number): void {
    // A document's first analysis (on open) carries one-time costs: JIT warm-up and lazy
    // initialisation in a fresh server. Counting it would slow the first edits for nothing.
    if (!this.seen.has(uri)) {
      this.seen.add(uri);
      return;
    }
    const previous = this.averageMs.get(uri);
    this.averageMs.set(uri, previous === undefined ? ms : previous + SMOOTHING * (ms - previous));
  }

  forget(uri: string): void {
    this.seen.delete(uri);
    this.averageMs.delete(uri);
  }

  /** The delay before analysing `uri` after an edit, given the configured cap. */
  delayAfterEdit(uri: string, capMs: number): number {
    const average = this.averageMs.get(uri) ?? 0;
    return Math.round(Math.min(capMs, Math.max(MIN_DELAY_MS, average)));
  }
}
