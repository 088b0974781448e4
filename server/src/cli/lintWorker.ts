// A lint worker thread (./lintPool.ts starts one per core): receives jobs (a file path and
// the lint options), reads and lints the file, posts back the findings as plain data.
// Bundled on its own as dist/lintWorker.js (scripts/build.mjs).
import { parentPort } from 'node:worker_threads';
import { lintOneFile, type LintJob } from './lintPool';

const port = parentPort;
if (port) {
  port.on('message', (job: LintJob) => {
    port.postMessage({ id: job.id, result: lintOneFile(job.filePath, job.options, job.keepGraph, job.knownHash, job.crossFile) });
  });
}
