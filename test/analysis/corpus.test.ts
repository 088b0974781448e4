// Measures the analyzer against test/corpus: model files written by someone else, with
// hand-made ground truth (test/corpus/expected.json). Acceptance: under 2% of layer calls
// missed, and no layer that has regularization (or whose answer is unknowable) reported
// as lacking it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/lint/lintText';
import { lineOf } from '../helpers/graphSummary';
import { REPO_ROOT } from '../helpers/sampleFiles';

interface ExpectedCall {
  line: number;
  factory: string;
  regularized: true | false | 'unknown' | 'output' | 'n/a';
}
type Expected = Record<string, { tfjsImported: boolean; layerCalls: ExpectedCall[] }>;

const UNREGULARIZED_RULES = new Set(['dense-unregularized', 'conv-unregularized', 'recurrent-unregularized']);
const corpusDir = path.join(REPO_ROOT, 'test', 'corpus');

describe('analysis: independently written corpus', () => {
  const expected: Expected = JSON.parse(fs.readFileSync(path.join(corpusDir, 'expected.json'), 'utf8'));
  let expectedCalls = 0;
  let missed: string[] = [];
  let extra: string[] = [];
  let falseReports: string[] = [];
  let caught = 0;
  let shouldCatch = 0;

  before(() => {
    missed = [];
    extra = [];
    falseReports = [];
    for (const [file, truth] of Object.entries(expected)) {
      const text = fs.readFileSync(path.join(corpusDir, file), 'utf8');
      const { graph, messages } = lintText(text, file);
      // The corpus leaves input layers out by convention (test/corpus/README.md).
      // One entry per call: a call a helper or an unrolled loop runs several times has a
      // node per run (analysis/graphBuilder.ts, contexts).
      const calls = new Map(graph.layers.filter((l) => l.kind !== 'input').map((l) => [`${l.span.start}:${l.span.end}`, l]));
      const found = [...calls.values()].map((l) => `${lineOf(text, l.nameSpan.start)}:${l.factory}`);
      const reported = new Set(messages.filter((m) => UNREGULARIZED_RULES.has(m.ruleId))
        .map((m) => `${lineOf(text, m.span.start)}:${graph.layers[m.layer!]?.factory}`));
      const remaining = [...found];
      for (const call of truth.layerCalls) {
        expectedCalls++;
        const key = `${call.line}:${call.factory}`;
        const at = remaining.indexOf(key);
        if (at < 0) missed.push(`${file}:${key}`);
        else remaining.splice(at, 1);
        if (call.regularized === false) {
          shouldCatch++;
          if (reported.has(key)) caught++;
        } else if (reported.has(key)) {
          falseReports.push(`${file}:${key} (expected ${call.regularized})`);
        }
      }
      extra.push(...remaining.map((k) => `${file}:${k}`));
    }
  });

  it('has ground truth for at least 300 layer calls', () => {
    assert.ok(expectedCalls >= 300, `${expectedCalls}`);
  });

  it('misses under 2% of layer calls', () => {
    const rate = missed.length / expectedCalls;
    console.log(`      corpus: ${expectedCalls} calls, ${missed.length} missed (${(100 * rate).toFixed(2)}%), ${extra.length} extra`);
    assert.ok(rate < 0.02, `missed ${missed.length}/${expectedCalls}:\n${missed.join('\n')}`);
  });

  it('detects no layer calls that are not there', () => {
    assert.deepEqual(extra, []);
  });

  it('never reports a regularized, output or unknowable layer as lacking regularization', () => {
    assert.deepEqual(falseReports, []);
  });

  it('reports most layers that truly lack regularization', () => {
    console.log(`      corpus: ${caught}/${shouldCatch} truly unregularized hidden layers reported`);
    assert.ok(caught / shouldCatch >= 0.85, `caught only ${caught}/${shouldCatch}`);
  });
});
