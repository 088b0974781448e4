// The learning-curves webview: inline SVG drawn by our own function, no script, strict CSP.
import * as assert from 'node:assert/strict';
import { learningCurvesHtml, lineChartSvg, ticks } from '../../client/src/learningCurvesSvg';

const report = {
  model: 'wide<script>',
  built: 'static',
  seed: 1,
  whatIfChanges: [{ description: 'dropout(0.5) after dense_1' }],
  checks: [
    { id: 'generalization-gap', verdict: 'warn', message: 'overfits: val/train 20.8', curves: { train: [2, 1, 0.5, 0.1], val: [2.1, 1.8, 2.0, 2.5] } },
    { id: 'what-if', verdict: 'pass', message: 'the gap shrinks by 66%', curves: { train: [2.1, 1.6, 1.2, 1.0], val: [2.1, 1.8, 1.7, 1.7] } },
  ],
};

describe('learning curves view', () => {
  it('draws train and validation before (solid) and after (dashed) the what-if', () => {
    const html = learningCurvesHtml(report, { cspSource: 'vscode-webview:', nonce: 'abc' });
    assert.equal((html.match(/<polyline /g) ?? []).length, 4);
    assert.equal((html.match(/<polyline [^>]*stroke-dasharray/g) ?? []).length, 2);
    assert.match(html, /train \(as written\)/);
    assert.match(html, /validation \(what-if\)/);
  });

  it('has a strict CSP, no script and escapes text', () => {
    const html = learningCurvesHtml(report, { cspSource: 'vscode-webview:', nonce: 'abc' });
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'none'/);
    assert.match(html, /<style nonce="abc">/);
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.match(html, /wide&lt;script&gt;/);
  });

  it('breaks lines at non-finite losses and survives no data', () => {
    const svg = lineChartSvg([{ name: 'train', values: [1, NaN, 0.5, 0.4], color: '#000' }]);
    assert.equal((svg.match(/<circle /g) ?? []).length, 1);
    assert.equal((svg.match(/<polyline /g) ?? []).length, 1);
    assert.match(lineChartSvg([{ name: 'x', values: [NaN], color: '#000' }]), /no finite losses/);
    assert.deepEqual(ticks(0, 2.6), [0, 0.5, 1, 1.5, 2, 2.5]);
  });
});
