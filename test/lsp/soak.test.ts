// The server over stdio survives a long random editing session: it keeps answering, every
// published range lies inside its version of the document, the final diagnostics equal a
// fresh lint of the final text, and memory stays bounded. SOAK_EDITS=20000 for longer.
import * as assert from 'node:assert/strict';
import { generateModelFile } from '../../bench/generateModelFile';
import { lintText } from '../../server/src/lint/lintText';
import { LspSession } from './lspSession';
import { runSoak } from './soak';

const EDITS = Number(process.env.SOAK_EDITS ?? 2000);
const SEED = Number(process.env.SOAK_SEED ?? 11);

describe('stdio soak: thousands of random edits', function () {
  this.timeout(600_000);

  it(`${EDITS} edits (seed ${SEED}): answers, stays in range, matches a fresh lint, bounded memory`, async () => {
    const session = await LspSession.start();
    const uri = 'file:///soak/model.ts';
    try {
      const result = await runSoak(session, uri, generateModelFile(5), { edits: EDITS, seed: SEED });
      assert.deepEqual(result.outOfRange, [], 'published ranges inside the document');
      assert.ok(session.isRunning);
      assert.deepEqual(session.protocolErrors, []);

      // The last published diagnostics are those of a fresh lint of the final text.
      const last = [...session.diagnostics].reverse().find(p => p.uri === uri)!;
      assert.equal(last.version, result.finalVersion);
      const fresh = lintText(result.finalText, '/soak/model.ts').messages.map(m => m.ruleId);
      assert.deepEqual(last.diagnostics.map(d => String(d.code)), fresh);

      // Most analyses reused the tree (the edits are mostly well-formed keystrokes).
      const { analyses } = result.atEnd;
      assert.ok(analyses.incrementalParses > analyses.fullParses, JSON.stringify(analyses));
      assert.equal(analyses.skipped, 0, 'the file kept its tfjs import: every analysis was a real one');
      // Live heap after GC: within 1.5x of what it was after the first 100 edits.
      const ratio = result.atEnd.heapUsedBytes / result.atCheckpoint.heapUsedBytes;
      assert.ok(ratio < 1.5, `heap ${result.atCheckpoint.heapUsedBytes} -> ${result.atEnd.heapUsedBytes} (${ratio.toFixed(2)}x)`);
    } finally {
      await session.dispose();
    }
  });
});
