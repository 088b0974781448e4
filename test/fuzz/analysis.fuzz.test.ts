// Fuzzing the analysis and the rules: whatever the text, lintText returns (never throws),
// within its time bound, with every range inside the document. A fixed seed keeps CI
// repeatable; FUZZ_RUNS=5000 npm run test:fuzz explores further locally.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixAll, fixesFor } from '../../server/src/fixes';
import { lintText } from '../../server/src/lint/lintText';
import { loadSampleFiles } from '../helpers/sampleFiles';
import { applyMutation, mutationArb } from './mutations';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
/** Generous per-file bound: the largest mutated inputs are ~1 MB. */
const TIME_BOUND_MS = 3000;

function assertInside(span: { start: number; end: number }, length: number, what: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what} ${JSON.stringify(span)} outside 0..${length}`);
}

describe('fuzz: analysis and rules on mutated model files', function () {
  this.timeout(600_000);
  const samples = loadSampleFiles();

  it(`has sample files to mutate`, () => {
    assert.ok(samples.length >= 5, `only ${samples.length} samples`);
  });

  it(`${RUNS} runs (seed ${SEED}): never throws, stays in bounds and in time`, () => {
    fc.assert(
      fc.property(fc.nat(samples.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (i, mutations) => {
        const sample = samples[i];
        const text = mutations.reduce(applyMutation, sample.text);
        const started = performance.now();
        const { graph, messages } = lintText(text, sample.name);
        const elapsed = performance.now() - started;
        assert.ok(elapsed < TIME_BOUND_MS, `took ${elapsed.toFixed(0)} ms`);
        for (const layer of graph.layers) {
          assertInside(layer.span, text.length, 'layer span');
          assertInside(layer.nameSpan, text.length, 'layer name span');
        }
        for (const m of messages) assertInside(m.span, text.length, `${m.ruleId} span`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  // Code actions on damaged text: every fix's edits lie inside the document, do not
  // overlap, apply cleanly, and fix-all returns (never throws) within its time bound.
  const FIX_RUNS = Math.max(20, Math.round(RUNS / 3));
  it(`${FIX_RUNS} runs (seed ${SEED}): code-action edits stay inside the document`, () => {
    fc.assert(
      fc.property(fc.nat(samples.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (i, mutations) => {
        const sample = samples[i];
        const text = mutations.reduce(applyMutation, sample.text);
        const { graph, messages } = lintText(text, sample.name);
        const started = performance.now();
        for (const message of messages) {
          for (const fix of fixesFor(text, graph, message)) {
            let previousEnd = 0;
            for (const edit of fix.edits) {
              assertInside(edit, text.length, `${fix.ruleId} fix "${fix.title}" edit`);
              assert.ok(edit.start >= previousEnd, `${fix.ruleId} fix "${fix.title}": overlapping or unsorted edits`);
              previousEnd = edit.end;
            }
            assert.equal(typeof applyEdits(text, fix.edits), 'string');
          }
        }
        if (text.length < 200_000) {
          const { output } = fixAll(text, sample.name);
          assert.equal(typeof output, 'string');
        }
        const elapsed = performance.now() - started;
        assert.ok(elapsed < TIME_BOUND_MS * 3, `fixes took ${elapsed.toFixed(0)} ms`);
      }),
      { numRuns: FIX_RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it('analyses a 5 MB model file without failing', () => {
    const base = samples.find((s) => s.name.endsWith('mnist-convnet.ts')) ?? samples[0];
    const text = base.text.repeat(Math.ceil(5_000_000 / base.text.length));
    const { graph } = lintText(text, 'huge.ts');
    assert.equal(graph.fatal, undefined);
    assert.ok(graph.layers.length > 1000);
  });
});
