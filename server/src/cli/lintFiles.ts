// Reads and lints each file. A file whose analysis throws is recorded as a failure (the
// run then exits 2) while the other files are still linted and reported.
import { readFile } from 'node:fs/promises';
import type { ModelGraph } from '../analysis/modelGraph';
import { lintText, type LintMessage, type LintOptions } from '../lint/lintText';
import { LineIndex } from './lineIndex';

export interface LintedFile {
  filePath: string;
  lines: LineIndex;
  graph: ModelGraph;
  messages: LintMessage[];
  /** Set when the file could not be analysed at all and imports tfjs (so silence would mislead). */
  notAnalysed?: string;
}

export interface FailedFile {
  filePath: string;
  error: unknown;
}

export interface LintRun {
  files: LintedFile[];
  failures: FailedFile[];
}

export async function lintFiles(filePaths: readonly string[], options: LintOptions = {}): Promise<LintRun> {
  const run: LintRun = { files: [], failures: [] };
  for (const filePath of filePaths) {
    try {
      const text = stripBom(await readFile(filePath, 'utf8'));
      const { graph, messages } = lintText(text, filePath, options);
      const linted: LintedFile = { filePath, lines: new LineIndex(text), graph, messages };
      if (graph.fatal && text.includes('@tensorflow/tfjs')) linted.notAnalysed = graph.fatal;
      run.files.push(linted);
    } catch (error) {
      run.failures.push({ filePath, error });
    }
  }
  return run;
}

/** Editors hide a byte-order mark; drop it so columns on line 1 match theirs. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
