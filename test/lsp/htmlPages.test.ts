// HTML pages in the language server, over stdio: a page's inline script gets diagnostics at
// its place in the page (the VS Code client selects `html` documents and activates for them).
import * as assert from 'node:assert/strict';
import { LspSession } from './lspSession';

const PAGE = [
  '<!DOCTYPE html>',
  '<html><head><script src="https://cdn.jsdelivr.net/npm/@tensorflow/tfjs"></script></head>',
  '<body>',
  '<script>',
  'const model = tf.sequential();',
  "model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [4]}));",
  "model.add(tf.layers.dense({units: 3, activation: 'softmax'}));",
  '</script>',
  '<p>const tf = 1; tf.layers.dense({units: 5}) is text, not code</p>',
  '</body></html>',
].join('\n');

describe('language server: HTML pages', function () {
  this.timeout(30_000);
  let session: LspSession;
  beforeEach(async () => { session = await LspSession.start(); });
  afterEach(async () => {
    assert.deepEqual(session.protocolErrors, []);
    await session.dispose();
  });

  it('reports the inline script\'s unregularized layer at its line and column in the page', async () => {
    const uri = 'file:///project/site/index.html';
    await session.open(uri, PAGE, 1, 'html');
    const published = await session.waitForVersion(uri, 1);
    const dense = published.diagnostics.filter((d) => d.code === 'dense-unregularized');
    assert.equal(dense.length, 1, JSON.stringify(published.diagnostics));
    assert.deepEqual([dense[0]!.range.start.line, dense[0]!.range.start.character], [5, 20]);
  });
});
