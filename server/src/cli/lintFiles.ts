// Reads and lints each file. A file whose analysis throws is recorded as a failure (the
// run then exits 2) while the other files are still linted and reported. Many files are
// linted in parallel on worker threads (./lintPool.ts); with --cache, unchanged files are
// not analysed again (./lintCache.ts). Results come back in input order either way.
import { emptyGraph } from '../analysis';
import type { ModelGraph } from '../analysis/modelGraph';
import type { LintMessage, LintOptions } from '../lint/lintText';
import type { CrossFileSpec } from './crossFileLint';
import { LineIndex } from '../text/lineIndex';
import { settingsHash, type LintCache } from './lintCache';
import { defaultJobs, graphOf, lintInWorkers } from './lintPool';

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
  /** Follow imports into the project's own modules (--cross-file). */
  crossFile?: CrossFileSpec;
}

export async function lintFiles(filePaths: readonly string[], options: LintOptions = {}, runOptions: LintRunOptions = {}): Promise<LintRun> {
  const run: LintRun = { files: [], failures: [] };
  const cache = runOptions.cache;
  const settings = settingsHash(options);
  // With --cache each file is still read once (in the lint lanes) to hash it; only a file
  // whose hash differs from its entry's is linted again.
  const results = await lintInWorkers(filePaths, options, {
    jobs: runOptions.jobs ?? defaultJobs(),
    keepGraphs: runOptions.keepGraphs ?? true,
    knownHashes: cache ? filePaths.map(filePath => cache.knownHash(filePath, settings)) : [],
    crossFile: runOptions.crossFile,
  });
  for (const result of results) {
    if (!result.ok) {
      const error = Object.assign(new Error(result.error.message), { stack: result.error.stack ?? result.error.message });
      run.failures.push({ filePath: result.filePath, error });
      continue;
    }
    const found = 'unchanged' in result ? cache!.get(result.filePath, result.contentHash, settings)! : result;
    const file: LintedFile = {
      filePath: result.filePath,
      lines: LineIndex.fromLineStarts(found.lineStarts),
      graph: 'unchanged' in result ? emptyGraph(result.filePath) : graphOf(result),
      messages: found.messages,
    };
    if (found.notAnalysed !== undefined) file.notAnalysed = found.notAnalysed;
    run.files.push(file);
    if (!('unchanged' in result)) {
      cache?.set(result.filePath, {
        contentHash: result.contentHash, settingsHash: settings, lineStarts: result.lineStarts, messages: result.messages,
        ...(result.notAnalysed !== undefined ? { notAnalysed: result.notAnalysed } : {}),
      });
    }
  }
  return run;
}
