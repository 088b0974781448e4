import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis';
import { fixesFor } from '../../server/src/fixes';
import { lintText, type LintMessage } from '../../server/src/lint/lintText';
import { applySuppressions } from '../../server/src/lint/suppressions';

const header = "import * as tf from '@tensorflow/tfjs';\n";

describe('analysis: bad input never throws', () => {
  it('reports nesting too deep for the parser as fatal, not an exception', () => {
    const text = header + 'const x = ' + '['.repeat(20000) + ']'.repeat(20000) + ';';
    const graph = analyzeText(text, 'deep.ts');
    assert.match(graph.fatal ?? '', /nested too deeply|could not/);
    assert.deepEqual(graph.layers, []);
  });

  it('survives stray control characters and a BOM, still finding the layer', () => {
    const garbage = '\uFEFF' + header + '\u0007\u0001\uFFFD'.repeat(500) + '\ntf.layers.dense({units: 1})';
    const graph = analyzeText(garbage, 'garbage.ts');
    assert.equal(graph.fatal, undefined);
    assert.equal(graph.layers.length, 1);
    assert.ok(graph.parseProblems.length > 0);
  });

  it('survives NUL bytes and keeps analysing after them', () => {
    const graph = analyzeText(header + '\u0000'.repeat(100) + '\ntf.layers.dense({units: 1})', 'nul.ts');
    assert.equal(graph.fatal, undefined);
    assert.equal(graph.layers.length, 1);
  });

  it('keeps analysing after invalid UTF-8 (U+FFFD), which TypeScript alone treats as binary', () => {
    const text = header + '\uFFFD\nconst m = tf.sequential();\nm.add(tf.layers.dense({units: 1}));';
    const graph = analyzeText(text, 'latin1.ts');
    assert.equal(graph.layers.length, 1);
    assert.equal(text.slice(graph.layers[0].nameSpan.start, graph.layers[0].nameSpan.end), 'dense');
  });

  it('keeps offsets right with CRLF line endings', () => {
    const text = header.replace('\n', '\r\n') + 'const m = tf.sequential();\r\nm.add(tf.layers.dense({units: 1}));\r\n';
    const graph = analyzeText(text, 'crlf.ts');
    const layer = graph.layers[0];
    assert.equal(text.slice(layer.nameSpan.start, layer.nameSpan.end), 'dense');
  });

  it('handles recursion in helpers without looping', () => {
    const text = header + `function grow(m: tf.Sequential, n: number): void {
  m.add(tf.layers.dense({units: n}));
  if (n > 1) grow(m, n / 2);
}
const model = tf.sequential();
grow(model, 64);`;
    const graph = analyzeText(text, 'rec.ts');
    assert.equal(graph.layers.length, 1);
  });

  it('treats self-referencing consts as unknown', () => {
    const text = header + 'const a: any = a;\nconst d = tf.layers.dense(a);';
    const graph = analyzeText(text, 'self.ts');
    assert.equal(graph.layers[0].config, 'unknown');
  });
});

// The fuzzer found these: a file nested close to the parser's stack limit can parse in the
// analysis and overflow in a second parse a moment later (the margin depends on the JIT).
// The second parses (fixes, suppression comments) must give up quietly, never throw.
describe('second parses of a file nested too deeply', () => {
  const model = header + 'const m = tf.sequential();\nm.add(tf.layers.dense({units: 8, inputShape: [4]}));\nm.add(tf.layers.dense({units: 1}));\n';
  const tooDeep = (prefix: string) => prefix + 'const x = ' + '['.repeat(20000) + ']'.repeat(20000) + ';\n';

  it('fixes: no fix offered instead of an exception', () => {
    const { graph, messages } = lintText(model, 'm.ts');
    const finding = messages.find((m) => m.ruleId === 'dense-unregularized');
    assert.ok(finding, 'the fixture has a finding with fixes');
    assert.ok(fixesFor(model, graph, finding).length > 0);
    // The same graph with a text whose re-parse overflows (what an unlucky JIT state gives).
    assert.deepEqual(fixesFor(tooDeep(model), graph, finding), []);
  });

  it('suppression comments: none honoured instead of an exception', () => {
    const text = tooDeep(model + '// reglint-disable-next-line dense-unregularized\n');
    const message: LintMessage = { ruleId: 'dense-unregularized', message: 'x', span: { start: 0, end: 1 }, severity: 'warning' };
    assert.deepEqual(applySuppressions(text, 'm.ts', [message], {}), [message]);
  });
});
