// The incremental analysis (ts.updateSourceFile over the previous tree) must give exactly
// the graph a fresh analyzeText gives for the same text, after any sequence of edits:
// typing, deleting, pasting, unbalanced brackets, U+FFFD, CRLF, edits that remove the
// tfjs import and put it back. INCREMENTAL_EDITS=20000 explores further locally.
import * as assert from 'node:assert/strict';
import { analyzeSourceFile, analyzeText } from '../../server/src/analysis';
import { parseSource, reparseSource, ts } from '../../server/src/analysis/parse';
import { IncrementalAnalysis } from '../../server/src/analysis/incremental';
import { lintGraph, lintText } from '../../server/src/lint/lintText';
import { generateModelFile, seededRandom } from '../../bench/generateModelFile';
import { applyEdit, benignEdit, inverse, randomEdit, type RandomEdit } from '../helpers/randomEdits';
import { loadSampleFiles } from '../helpers/sampleFiles';

const EDITS = Number(process.env.INCREMENTAL_EDITS ?? 3000);
const SEED = Number(process.env.INCREMENTAL_SEED ?? 7);

/** Where two plain values first differ (for a readable failure message). */
function firstDifference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${at}: ${JSON.stringify(a) ?? String(a)} vs ${JSON.stringify(b) ?? String(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const inA = key in a;
    const inB = key in b;
    if (inA !== inB) return `${at}.${key}: ${inA ? 'only in incremental' : 'only in fresh'}`;
    const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    if (d) return d;
  }
  return undefined;
}

describe('incremental analysis', function () {
  this.timeout(600_000);

  const bases = [
    // Well-formed files (as most of the time in an editor), so most edits reparse incrementally.
    ...loadSampleFiles()
      .filter((s) => s.text.includes('@tensorflow/tfjs') && analyzeText(s.text, s.name).parseProblems.length === 0)
      .slice(0, 12)
      .map((s) => ({ name: s.name, text: s.text })),
    { name: 'generated.ts', text: generateModelFile(3) },
  ];

  it(`matches a fresh analyzeText after ${EDITS} random edits (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    let editsDone = 0;
    let analyses = 0;
    let incrementalTotal = 0;
    for (let b = 0; editsDone < EDITS; b++) {
      const base = bases[b % bases.length]!;
      const analysis = new IncrementalAnalysis(base.name);
      let text = base.text;
      let pending: RandomEdit | undefined;
      assert.deepEqual(analysis.analyze(text), analyzeText(text, base.name));
      // A run of edits on this file; when it drifts too far (or loses tfjs), start over.
      for (let step = 0; step < 60 && editsDone < EDITS; step++) {
        const lastEdits: RandomEdit[] = [];
        const batch = 1 + Math.floor(random() * (random() < 0.8 ? 1 : 5)); // several edits per analysis, as debouncing gives
        for (let i = 0; i < batch; i++) {
          // Mostly keystrokes that keep the code well-formed; sometimes damage, which the
          // next step undoes more often than not (a bracket typed, then its partner).
          const destructive = pending === undefined && random() < 0.2;
          const edit = pending ?? (destructive ? randomEdit(text, random) : benignEdit(text, random));
          pending = undefined;
          const before = text;
          analysis.recordEdit(edit);
          lastEdits.push(edit);
          text = applyEdit(text, edit);
          editsDone++;
          if (destructive && random() < 0.9) pending = inverse(edit, before);
        }
        const incremental = analysis.analyze(text);
        const fresh = analyzeText(text, base.name);
        analyses++;
        const difference = firstDifference(incremental, fresh);
        assert.equal(difference, undefined, `after ${editsDone} edits of ${base.name} (step ${step}): ${difference}; ` +
          `fresh parse problems ${JSON.stringify(fresh.parseProblems.slice(0, 3))}, last edits ${JSON.stringify(lastEdits)}\n${text}`);
      }
      incrementalTotal += analysis.stats.incrementalParses;
    }
    // Many analyses must have taken the incremental path (random edits often break the
    // syntax, and a tree with errors is parsed afresh), or this test checks nothing.
    assert.ok(incrementalTotal > analyses * 0.4, `${incrementalTotal} of ${analyses} analyses were incremental`);
  });

  it('suppression comments read off the analysed tree give a fresh lint\'s findings', () => {
    // lintGraph takes the incremental tree for the directive scan instead of parsing again.
    const lines = generateModelFile(4).split('\n');
    const withDirectives = lines.flatMap((line, i) =>
      line.includes('tf.layers.dense(') && i % 3 === 0 ? ['// reglint-disable-next-line dense-unregularized', line]
        : line.includes('tf.layers.conv2d(') ? [`${line} // reglint-disable-line`] : [line]);
    withDirectives.splice(3, 0, "const note = 'reglint-disable-next-line is not a comment here';");
    const name = 'directives.ts';
    let text = withDirectives.join('\n');
    const findings = (t: string) => lintText(t, name).messages.filter(m => m.ruleId !== 'unused-disable-directive').length;
    const suppressedSome = findings(text) < findings(text.replace(/reglint-disable/g, 'reglint-xxx'));
    assert.ok(suppressedSome, 'the directives suppress findings');
    const random = seededRandom(SEED + 1);
    const analysis = new IncrementalAnalysis(name);
    let withTree = 0;
    for (let step = 0; step < 300; step++) {
      const edit = random() < 0.2 ? randomEdit(text, random) : benignEdit(text, random);
      analysis.recordEdit(edit);
      text = applyEdit(text, edit);
      const graph = analysis.analyze(text);
      if (analysis.tree) withTree++;
      assert.deepEqual(lintGraph(text, name, graph, {}, analysis.tree).messages, lintText(text, name).messages, `step ${step}`);
    }
    assert.ok(withTree > 200, `the tree was handed over in ${withTree} of 300 steps`);
  });

  it('parses from scratch when the recorded edits do not add up to the new text', () => {
    const base = bases[bases.length - 1]!;
    const analysis = new IncrementalAnalysis(base.name);
    analysis.analyze(base.text);
    const text = base.text.replace('units: ', 'units: 1'); // an edit nobody recorded
    analysis.recordEdit({ start: 0, end: 0, newLength: 5 }); // a wrong one instead
    assert.deepEqual(analysis.analyze(text), analyzeText(text, base.name));
    assert.equal(analysis.stats.fullParses, 2);
    assert.equal(analysis.stats.incrementalParses, 0);
  });

  it('skips a file without tfjs after the cheap check, and picks it up when the import comes back', () => {
    const base = bases[bases.length - 1]!;
    const analysis = new IncrementalAnalysis(base.name);
    const withoutTfjs = base.text.replace(/@tensorflow\/tfjs/g, '@tensorflow/tfxs');
    assert.equal(analysis.analyze(withoutTfjs).layers.length, 0);
    assert.equal(analysis.stats.skipped, 1);
    assert.equal(analysis.stats.fullParses, 0);
    const graph = analysis.analyze(base.text);
    assert.ok(graph.layers.length > 10);
    assert.deepEqual(graph, analyzeText(base.text, base.name));
  });

  it('reuses the tree for the same text', () => {
    const base = bases[bases.length - 1]!;
    const analysis = new IncrementalAnalysis(base.name);
    analysis.analyze(base.text);
    assert.deepEqual(analysis.analyze(base.text), analyzeText(base.text, base.name));
    assert.equal(analysis.stats.reused, 1);
    assert.equal(analysis.stats.fullParses, 1);
  });

  it('takes the incremental path for a well-formed edit', () => {
    const base = bases[bases.length - 1]!;
    const analysis = new IncrementalAnalysis(base.name);
    analysis.analyze(base.text);
    const at = base.text.search(/units: \d/) + 'units: '.length;
    const edit = { start: at, end: at, newLength: 1, text: '7' };
    analysis.recordEdit(edit);
    const text = applyEdit(base.text, edit);
    assert.deepEqual(analysis.analyze(text), analyzeText(text, base.name));
    assert.deepEqual(analysis.stats, { fullParses: 1, incrementalParses: 1, reused: 0, skipped: 0 });
  });

  it('parses afresh when the edits since the last analysis span most of the file', () => {
    // Two edits far apart collapse into one range covering nearly everything between them:
    // little to reuse, and the incremental parser would record every node of it (see
    // tooWideToReuse in incremental.ts).
    const base = bases[bases.length - 1]!;
    const analysis = new IncrementalAnalysis(base.name);
    analysis.analyze(base.text);
    const first = base.text.search(/units: \d/) + 'units: '.length;
    const last = base.text.lastIndexOf('units: ') + 'units: '.length;
    assert.ok(last - first > base.text.length / 2, 'the two edits are far apart');
    const edits = [{ start: last, end: last, newLength: 1, text: '3' }, { start: first, end: first, newLength: 1, text: '7' }];
    let text = base.text;
    for (const edit of edits) {
      analysis.recordEdit(edit);
      text = applyEdit(text, edit);
    }
    assert.deepEqual(analysis.analyze(text), analyzeText(text, base.name));
    assert.deepEqual(analysis.stats, { fullParses: 2, incrementalParses: 0, reused: 0, skipped: 0 });
  });

  it('keeps U+FFFD neutralised when reparsing incrementally', () => {
    const base = bases[bases.length - 1]!;
    // A U+FFFD typed before the models: without the neutralisation TypeScript's scanner
    // would stop there ("binary file") and every layer after it would vanish.
    const at = base.text.indexOf('\n', base.text.indexOf('@tensorflow/tfjs')) + 1;
    const text = base.text.slice(0, at) + '\uFFFD' + base.text.slice(at);
    const reparsed = reparseSource(parseSource(base.text, base.name), text, ts.createTextChangeRange(ts.createTextSpan(at, 0), 1));
    const graph = analyzeSourceFile(reparsed);
    assert.ok(graph.layers.length > 10, `only ${graph.layers.length} layers`);
    assert.deepEqual(graph.layers, analyzeText(text, base.name).layers);
  });
});
