// Edit-to-diagnostics latency of the real server over stdio: a single-character edit is
// sent as didChange (version v), and the clock stops when publishDiagnostics for
// version v arrives. Debounce, analysis and both directions of JSON-RPC are included.
import { performance } from 'node:perf_hooks';
import { LspSession } from '../test/lsp/lspSession';
import { median, percentile } from './stats';

export interface LatencyResult {
  edits: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  firstOpenMs: number;
}

/**
 * Types one character at a time into a comment-free spot of the file (inside a layer's
 * config, so the analysis result can change), then deletes it, waiting for each
 * version's diagnostics before the next keystroke, like a user pausing briefly.
 */
export async function measureEditLatency(text: string, edits: number, warmup = 20): Promise<LatencyResult> {
  const session = await LspSession.start();
  const uri = 'file:///bench/model.ts';
  try {
    const openStart = performance.now();
    await session.open(uri, text);
    await session.waitForVersion(uri, 1, 30_000);
    const firstOpenMs = performance.now() - openStart;

    // A spot inside the first `units: ` so the edit lands in model code.
    const offset = text.indexOf('units: ') + 'units: '.length;
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const character = offset - (before.lastIndexOf('\n') + 1);

    const samples: number[] = [];
    let version = 1;
    for (let i = 0; i < warmup + edits; i++) {
      version++;
      const inserting = i % 2 === 0;
      const change = inserting
        ? { range: { start: { line, character }, end: { line, character } }, text: '1' }
        : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
      const start = performance.now();
      await session.change(uri, version, [change]);
      await session.waitForVersion(uri, version, 10_000);
      const elapsed = performance.now() - start;
      if (i >= warmup) samples.push(elapsed);
      // A short, varying pause: typing is not back-to-back with the last result.
      await new Promise(resolve => setTimeout(resolve, 5 + (i % 7) * 5));
    }
    return {
      edits,
      medianMs: median(samples),
      p95Ms: percentile(samples, 95),
      maxMs: Math.max(...samples),
      firstOpenMs,
    };
  } finally {
    await session.dispose();
  }
}
