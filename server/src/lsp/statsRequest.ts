// `reglint/stats`: the server's memory and analysis counters, for the stdio soak test and
// the benchmark (memory after 10,000 edits vs after 100). `{gc: true}` collects garbage
// first, and lets the freed pages go back to the system, so the numbers compare live data
// and settled RSS, not allocation timing.
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

/** Long enough for V8's unmapper to hand freed pages back (RSS stopped falling by ~200 ms). */
const RELEASE_WAIT_MS = 300;

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
  connection.onRequest(STATS_REQUEST, async (params: unknown): Promise<ServerStats> => {
    const collected = (params as { gc?: unknown } | null)?.gc === true ? collectGarbage() : false;
    // V8 returns the pages a collection freed to the system from a background thread, a
    // little later: read RSS once that has happened, or it counts memory already given back.
    if (collected) await new Promise(resolve => setTimeout(resolve, RELEASE_WAIT_MS));
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
