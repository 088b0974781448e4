// HTML pages: inline scripts are linted as one program with positions in the page, a free
// `tf` (the script tag's global) makes them tfjs, and fixes edit the script in place.
import * as assert from 'node:assert/strict';
import { fixAll } from '../../server/src/fixes';
import { lintText } from '../../server/src/lint/lintText';

const page = [
  '<!DOCTYPE html>',
  '<html><head>',
  '<script src="https://cdn.jsdelivr.net/npm/@tensorflow/tfjs/dist/tf.min.js"></script>',
  '<script type="text/template"><p>tf.layers.dense({units: 9})</p></script>',
  '</head><body>',
  '<script>',
  '  const model = tf.sequential();',
  '  model.add(tf.layers.dense({units: 64, activation: "relu", inputShape: [8]}));',
  '  model.add(tf.layers.dense({units: 1}));',
  '</script>',
  '</body></html>',
  '',
].join('\n');

function lineColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

describe('html: inline scripts of a page', () => {
  it('reports the hidden dense layer at its line and column in the page, nothing from the template', () => {
    const { graph, messages } = lintText(page, 'page.html');
    assert.equal(graph.layers.length, 2, 'the two layers of the inline script; the text/template block is not code');
    assert.ok(messages.length > 0, 'the unregularized hidden layer is reported');
    for (const m of messages) {
      const [line, column] = lineColumn(page, m.span.start);
      assert.equal(line, 8, `${m.ruleId} on the hidden layer's line of the page`);
      assert.equal(page.slice(m.span.start, m.span.end).length > 0, true);
      assert.ok(column > 1);
    }
  });

  it('fix-all edits the script in place, writing tf.* (no import on a page), and keeps the markup', () => {
    const { output, appliedCount, remaining } = fixAll(page, 'page.html');
    assert.ok(appliedCount >= 1);
    assert.deepEqual(remaining, []);
    assert.ok(!/\bimport\b/.test(output), 'no import added to a page');
    assert.match(output, /tf\.(layers\.dropout|regularizers\.l2)\(/);
    const keep = (s: string) => s.split('\n').filter((l) => !l.startsWith('  ')).join('\n');
    assert.equal(keep(output), keep(page), 'the markup outside the script is untouched');
    assert.deepEqual(lintText(output, 'page.html').messages, [], 'the fixed page lints clean');
  });

  it('a page without tfjs, or with a tf of its own, has no findings', () => {
    const own = '<script>\n  const tf = {layers: {dense: (c) => c}};\n  const l = tf.layers.dense({units: 4});\n</script>\n';
    assert.deepEqual(lintText(own, 'own.html').messages, []);
    assert.deepEqual(lintText('<p>no script <script</p>', 'broken.html').messages, []);
  });
});
