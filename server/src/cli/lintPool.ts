// Linting many files on every core: this thread plus a worker thread per further core, each
// worker given a few files at a time, so memory stays bounded by what is in flight plus the
// results (a file's text is dropped as soon as it is analysed; only its findings, line
// starts and, when asked for, its graph come back). Results come back in input order.
//
// The worker script is ./lintWorker.ts: dist/lintWorker.js in the bundle (a small bundle of
// the analysis and rules only, so a worker starts in a fraction of dist/cli.js's load time),
// out/server/src/cli/lintWorker.js under tsc; both sit next to this file's output.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { emptyGraph, type ModelGraph } from '../analysis';
import { mentionsTfjs } from '../analysis/parse';
import { lintText, type LintMessage, type LintOptions } from '../lint/lintText';
import { projectModules, type CrossFileSpec } from './crossFileLint';
import { stripBom } from '../text/bom';
import { LineIndex } from '../text/lineIndex';

/** What linting one file gives, as plain data (it crosses the worker boundary). */
export interface FileOutcome {
  filePath: string;
  ok: true;
  lineStarts: number[];
  messages: LintMessage[];
  notAnalysed?: string;
  /** Undefined when the caller did not ask for graphs (keepGraphs: false). */
  graph?: ModelGraph;
  /** sha256 of the file's text (after the BOM is dropped), for --cache. */
  contentHash: string;
}

export interface FileFailure {
  filePath: string;
  ok: false;
  error: { message: string; stack?: string };
}

/** The file's content hash was the one the caller already knew (--cache): not linted again. */
export interface FileUnchanged {
  filePath: string;
  ok: true;
  unchanged: true;
  contentHash: string;
}

export type FileResult = FileOutcome | FileUnchanged | FileFailure;

export interface LintJob {
  id: number;
  filePath: string;
  options: LintOptions;
  keepGraph: boolean;
  /** The content hash whose findings the caller has (--cache): equal means no lint. */
  knownHash?: string;
  crossFile?: CrossFileSpec;
}

const WORKER_SCRIPT = path.join(__dirname, 'lintWorker.js');

/** Below this many files per worker, starting workers costs more than it saves. */
export const MIN_FILES_PER_WORKER = 24;

/** Files queued per worker: covers the time this thread spends on one file of its own. */
const WORKER_QUEUE = 4;

export function defaultJobs(): number {
  const fromEnv = Number(process.env.REGLINT_JOBS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Reads and lints one file; never throws (a failure is a FileFailure). The read is
 * synchronous on purpose: an async read of a 13 KB file leaves the thread idle for longer
 * than the read takes (11% of a one-thread CLI run was idle), and nothing else waits on it.
 */
export function lintOneFile(filePath: string, options: LintOptions, keepGraph: boolean, knownHash?: string, crossFile?: CrossFileSpec): FileResult {
  try {
    const text = stripBom(readFileSync(filePath, 'utf8'));
    const contentHash = hashText(text);
    if (contentHash === knownHash) return { filePath, ok: true, unchanged: true, contentHash };
    const { graph, messages } = lintText(text, filePath, crossFile ? { ...options, crossFile: projectModules(crossFile) } : options);
    const outcome: FileOutcome = {
      filePath, ok: true, lineStarts: LineIndex.lineStartsOf(text), messages, contentHash,
    };
    if (graph.fatal && mentionsTfjs(text)) outcome.notAnalysed = graph.fatal;
    if (keepGraph) outcome.graph = graph;
    return outcome;
  } catch (error) {
    return { filePath, ok: false, error: serializeError(error) };
  }
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The graph of a file whose graph was not kept (lint output needs findings only). */
export function graphOf(outcome: FileOutcome): ModelGraph {
  return outcome.graph ?? emptyGraph(outcome.filePath);
}

/**
 * Lints `filePaths` on `jobs` lanes: this thread and `jobs - 1` worker threads (just this
 * thread when jobs ≤ 1 or the files are few). A file whose content hash is its entry in
 * `knownHashes` comes back `unchanged`, read but not linted (--cache). This thread lints too, rather than only
 * dispatching: it has the analysis loaded already, and on two cores that measured faster
 * than two workers beside an idle main thread (5.0-5.3 s vs 5.5-6.0 s for 2,000 files).
 * `workerScript` lets a test substitute a worker that crashes. Results are in input order.
 */
export async function lintInWorkers(
  filePaths: readonly string[],
  options: LintOptions,
  { jobs, keepGraphs, knownHashes = [], workerScript = WORKER_SCRIPT, crossFile }:
    { jobs: number; keepGraphs: boolean; knownHashes?: readonly (string | undefined)[]; workerScript?: string; crossFile?: CrossFileSpec },
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(filePaths.length);
  const lanes = Math.min(jobs, Math.ceil(filePaths.length / MIN_FILES_PER_WORKER));
  let next = 0;
  const lintHere = (index: number): void => {
    results[index] = lintOneFile(filePaths[index]!, options, keepGraphs, knownHashes[index], crossFile);
  };
  /** Workers that died; past a few, the rest is linted in this thread. */
  let crashes = 0;
  const replace = (resolve: () => void, reject: (e: unknown) => void): void => {
    if (++crashes <= 3) runWorker().then(resolve, reject);
    else resolve();
  };
  const runWorker = (): Promise<void> => new Promise((resolve, reject) => {
    const worker = new Worker(workerScript);
    const inFlight = new Set<number>(); // file indices sent and not yet answered
    let finished = false;
    const send = (): void => {
      // Enough queued that the worker never waits while this thread is busy with a file.
      while (inFlight.size < WORKER_QUEUE && next < filePaths.length) {
        const index = next++;
        inFlight.add(index);
        const job: LintJob = { id: index, filePath: filePaths[index]!, options, keepGraph: keepGraphs, knownHash: knownHashes[index], crossFile };
        worker.postMessage(job);
      }
      if (inFlight.size === 0 && !finished) {
        finished = true;
        void worker.terminate().then(() => resolve());
      }
    };
    const fail = (message: { message: string; stack?: string }): void => {
      for (const index of inFlight) results[index] = { filePath: filePaths[index]!, ok: false, error: message };
      inFlight.clear();
      if (!finished) {
        finished = true;
        replace(resolve, reject); // a fresh worker takes over the remaining files
      }
    };
    worker.on('message', (message: { id: number; result: FileResult }) => {
      inFlight.delete(message.id);
      results[message.id] = message.result;
      send();
    });
    // The worker died (out of memory, a crash in the runtime): its files fail, the run goes on.
    worker.on('error', error => fail(serializeError(error)));
    worker.on('exit', code => {
      if (!finished) fail({ message: `lint worker exited with code ${code}` });
    });
    send();
  });
  const lintInThisThread = async (): Promise<void> => {
    while (next < filePaths.length) {
      lintHere(next++);
      // Let the workers' answers in, so their queues are refilled between our files.
      if (lanes > 1) await new Promise(resolve => setImmediate(resolve));
    }
  };
  await Promise.all([lintInThisThread(), ...Array.from({ length: lanes - 1 }, runWorker)]);
  for (let i = 0; i < filePaths.length; i++) {
    if (!results[i]) lintHere(i); // a worker died with it, or none got to it
  }
  return results;
}

function serializeError(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}
