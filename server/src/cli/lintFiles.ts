// Reads and lints each file. A file whose analysis throws is recorded as a failure (the
// run then exits 2) while the other files are still linted and reported. Many files are
// linted in parallel on worker threads (./lintPool.ts); with --cache, unchanged files are
// not analysed again (./lintCache.ts). Results come back in input order either way.
import { readFile } from 'node:fs/promises';
import { emptyGraph } from '../analysis';
import type { ModelGraph } from '../analysis/modelGraph';
import type { LintMessage, LintOptions } from '../lint/lintText';
import { LineIndex } from '../text/lineIndex';
import { settingsHash, type LintCache } from './lintCache';
import { defaultJobs, graphOf, hashText, lintInWorkers, stripBom, type FileResult } from './lintPool';

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

export interface LintRunOptions {
  /** Worker threads (default: one per core; REGLINT_JOBS overrides). 1 lints in this thread. */
  jobs?: number;
  /** Whether LintedFile.graph must be the real graph (`reglint graph`); otherwise a stub, to save memory. */
  keepGraphs?: boolean;
  cache?: LintCache;
}

export async function lintFiles(filePaths: readonly string[], options: LintOptions = {}, runOptions: LintRunOptions = {}): Promise<LintRun> {
  const run: LintRun = { files: [], failures: [] };
  const cache = runOptions.cache;
  const settings = settingsHash(options);
  const results: (FileResult | LintedFile)[] = new Array(filePaths.length);
  let toLint = filePaths.map((filePath, index) => ({ filePath, index }));
  if (cache) {
    toLint = [];
    for (let index = 0; index < filePaths.length; index++) {
      const filePath = filePaths[index]!;
      let hash: string | undefined;
      try {
        hash = hashText(stripBom(await readFile(filePath, 'utf8')));
      } catch {
        // unreadable: linting it reports the failure
      }
      const entry = hash === undefined ? undefined : cache.get(filePath, hash, settings);
      if (entry) {
        const linted: LintedFile = {
          filePath, lines: LineIndex.fromLineStarts(entry.lineStarts), graph: emptyGraph(filePath), messages: entry.messages,
        };
        if (entry.notAnalysed !== undefined) linted.notAnalysed = entry.notAnalysed;
        results[index] = linted;
      } else {
        toLint.push({ filePath, index });
      }
    }
  }
  const linted = await lintInWorkers(toLint.map(file => file.filePath), options, {
    jobs: runOptions.jobs ?? defaultJobs(),
    keepGraphs: runOptions.keepGraphs ?? true,
  });
  linted.forEach((result, i) => (results[toLint[i]!.index] = result));

  for (const result of results) {
    if ('lines' in result) {
      run.files.push(result);
    } else if (result.ok) {
      const file: LintedFile = {
        filePath: result.filePath, lines: LineIndex.fromLineStarts(result.lineStarts), graph: graphOf(result), messages: result.messages,
      };
      if (result.notAnalysed !== undefined) file.notAnalysed = result.notAnalysed;
      run.files.push(file);
      cache?.set(result.filePath, {
        contentHash: result.contentHash, settingsHash: settings, lineStarts: result.lineStarts, messages: result.messages,
        ...(result.notAnalysed !== undefined ? { notAnalysed: result.notAnalysed } : {}),
      });
    } else {
      const error = Object.assign(new Error(result.error.message), { stack: result.error.stack ?? result.error.message });
      run.failures.push({ filePath: result.filePath, error });
    }
  }
  return run;
}
