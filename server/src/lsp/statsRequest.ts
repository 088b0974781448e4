// `reglint/stats`: the server's memory and analysis counters, for the stdio soak test and
// the benchmark (memory after 10,000 edits vs after 100). `{gc: true}` collects garbage
// first so heap numbers compare live data, not allocation timing.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Connection } from 'vscode-languageserver';
import type { IncrementalStats } from '../analysis/incremental';

export const STATS_REQUEST = 'reglint/stats';

export interface ServerStats {
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  openDocuments: number;
  /** Documents with a kept syntax tree. */
  incrementalDocuments: number;
  analyses: IncrementalStats;
  diagnosticsMode: 'push' | 'pull';
  /** Whether `{gc: true}` could actually collect. */
  collected: boolean;
}

export interface StatsSources {
  openDocuments(): number;
  incrementalDocuments(): number;
  analyses(): IncrementalStats;
  diagnosticsMode(): 'push' | 'pull';
}

let gc: (() => void) | undefined;

function collectGarbage(): boolean {
  try {
    if (!gc) {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
    gc();
    return true;
  } catch {
    return false;
  }
}

export function registerStatsRequest(connection: Connection, sources: StatsSources): void {
  connection.onRequest(STATS_REQUEST, (params: unknown): ServerStats => {
    const collected = (params as { gc?: unknown } | null)?.gc === true ? collectGarbage() : false;
    const memory = process.memoryUsage();
    return {
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      externalBytes: memory.external,
      openDocuments: sources.openDocuments(),
      incrementalDocuments: sources.incrementalDocuments(),
      analyses: sources.analyses(),
      diagnosticsMode: sources.diagnosticsMode(),
      collected,
    };
  });
}
