// Incremental analysis of one open document: the syntax tree is kept between edits and
// updated with TypeScript's incremental parser (`ts.updateSourceFile`), which reuses every
// node outside the edited region, instead of parsing the whole file again. The graph it
// gives is the one `analyzeText` gives for the same text (test/analysis/incremental.test.ts
// checks this after thousands of random edits); any doubt falls back to a full parse.
import { analyzeSourceFile, emptyGraph, parseFailureGraph, type AnalyzeOptions } from './index';
import type { ModelGraph } from './modelGraph';
import { isHtmlFile } from '../html/scriptText';
import { mentionsTfjs, parseDiagnosticsOf, parseSource, reparseSource, sourceTextFor, ts } from './parse';

/** One edit: text[start, end) of the text before it was replaced by `newLength` characters. */
export interface TextEditRange {
  start: number;
  end: number;
  newLength: number;
}

export interface IncrementalStats {
  /** Analyses that parsed the whole file. */
  fullParses: number;
  /** Analyses that reused the previous tree via ts.updateSourceFile. */
  incrementalParses: number;
  /** Analyses that reused the previous tree as is (same text, e.g. a settings change). */
  reused: number;
  /** Analyses skipped by the cheap check (no tfjs module named in the text). */
  skipped: number;
}

/**
 * Edits spread over much of the file (a replace-all, a burst of edits in several places
 * collapsed into one range) leave little to reuse, and the incremental parser records every
 * node it cannot reuse in a module-level WeakSet whose table never shrinks: a few hundred
 * such updates between two full GCs grew it to 8 MB in the soak test. A fresh parse is as
 * fast there and leaves nothing behind.
 */
function tooWideToReuse(change: ts.TextChangeRange, textLength: number): boolean {
  return Math.max(change.span.length, change.newLength) > textLength / 4;
}

export class IncrementalAnalysis {
  private sourceFile: ts.SourceFile | undefined;
  /** Edits since `sourceFile` was parsed, in order; each in the coordinates of the text before it. */
  private pending: ts.TextChangeRange[] = [];
  readonly stats: IncrementalStats = { fullParses: 0, incrementalParses: 0, reused: 0, skipped: 0 };

  constructor(readonly fileName: string) {}

  /** The tree the last `analyze` analysed (parent pointers set); until the next edit is recorded. */
  get tree(): ts.SourceFile | undefined {
    return this.pending.length === 0 ? this.sourceFile : undefined;
  }

  /** Records an edit made to the text since the last `analyze`. */
  recordEdit(edit: TextEditRange): void {
    if (!this.sourceFile) return; // the next analysis parses from scratch anyway
    const start = Math.max(0, Math.min(edit.start, edit.end));
    const end = Math.max(edit.start, edit.end);
    this.pending.push(ts.createTextChangeRange(ts.createTextSpan(start, end - start), Math.max(0, edit.newLength)));
  }

  /** Forgets the tree (the next analysis parses the whole text). */
  reset(): void {
    this.sourceFile = undefined;
    this.pending = [];
  }

  /** The graph for `text`, the document's current text; equal to analyzeText(text, fileName). */
  analyze(text: string, options: AnalyzeOptions = {}): ModelGraph {
    if (!mentionsTfjs(text)) {
      this.reset();
      this.stats.skipped++;
      return emptyGraph(this.fileName);
    }
    let sourceFile: ts.SourceFile;
    try {
      sourceFile = this.parse(text);
    } catch (err) {
      this.reset();
      return parseFailureGraph(this.fileName, err);
    }
    this.sourceFile = sourceFile;
    this.pending = [];
    return analyzeSourceFile(sourceFile, undefined, options);
  }

  private parse(text: string): ts.SourceFile {
    const previous = this.sourceFile;
    const pending = this.pending;
    // The previous tree is unusable once handed to updateSourceFile, whatever happens next.
    this.reset();
    if (previous && pending.length === 0 && previous.text === sourceTextFor(text, this.fileName)) {
      this.stats.reused++;
      return previous;
    }
    // Only a clean tree is updated in place: the incremental parser does not re-report the
    // errors inside nodes it reuses (a file broken by one edit would look clean after the
    // next edit elsewhere; found by test/analysis/incremental.test.ts).
    // An HTML page is parsed afresh: an edit can move where its scripts begin and end.
    if (previous && pending.length > 0 && parseDiagnosticsOf(previous).length === 0 && !isHtmlFile(this.fileName)) {
      const change = ts.collapseTextChangeRangesAcrossMultipleVersions(pending);
      // The recorded edits must account for the new length exactly; otherwise an edit was
      // missed and the ranges cannot be trusted.
      if (previous.text.length - change.span.length + change.newLength === text.length && !tooWideToReuse(change, text.length)) {
        try {
          const updated = reparseSource(previous, text, change);
          // TypeScript's incremental parser can recover from syntax errors differently from
          // a fresh parse (other error positions, occasionally another tree). A tree with
          // errors is parsed again from scratch, so the graph is always exactly analyzeText's;
          // while the file stays broken, edits parse in full (as before this module).
          if (parseDiagnosticsOf(updated).length === 0) {
            this.stats.incrementalParses++;
            return updated;
          }
        } catch {
          // an assertion in the incremental parser, or its stack ran out: parse from scratch
        }
      }
    }
    this.stats.fullParses++;
    return parseSource(text, this.fileName);
  }
}
