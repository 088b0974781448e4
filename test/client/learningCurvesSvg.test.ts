// The learning-curves view: inline SVG drawn by our own function, no script, strict CSP;
// the seeds' band, the best-epoch marker, chance and linear references, remedies side by side.
import * as assert from 'node:assert/strict';
import { learningCurvesHtml, lineChartSvg, seedBand, ticks, type SeedCurve } from '../../client/src/learningCurvesSvg';

const seed = (k: number, shift: number): SeedCurve => ({
  seedIndex: k, stepsPerEpoch: 2, steps: [2, 4, 6, 8], train: [2, 1, 0.5, 0.1].map(v => v + shift), val: [2.1, 1.8, 2.0, 2.5].map(v => v + shift),
});

const report = {
  model: 'wide<script>',
  built: 'static',
  seed: 1,
  seeds: 3,
  checks: [
    { id: 'generalization-gap', verdict: 'warn', outcome: 'overfits', message: 'overfits: validation loss rose +39% ± 3% over 3 seeds', metrics: { bestEpoch: 2 } },
    {
      id: 'what-if', verdict: 'pass', message: 'best remedy measured: dropout(0.5)',
      remedies: [
        { id: 'dropout-0.5', description: 'dropout(0.5) after dense_1', valLossChange: -0.3, valLossChangeSd: 0.04, claim: 'better', rank: 1 },
        { id: 'l2-0.0001', description: 'kernelRegularizer l2(0.0001) on dense_1', valLossChange: -0.01, valLossChangeSd: 0.02, claim: 'none', rank: 2 },
        { id: 'dropout-0.2', description: 'dropout(0.2) after dense_1', valLossChange: NaN, valLossChangeSd: NaN, claim: 'none', notMeasured: 'needs ~4 s per seed' },
      ],
    },
  ],
  curves: {
    baseline: [seed(0, 0), seed(1, 0.1), seed(2, -0.1)],
    remedies: [
      { id: 'l2-0.0001', description: 'kernelRegularizer l2(0.0001) on dense_1', seeds: [seed(0, 0), seed(1, 0.05)] },
      { id: 'dropout-0.5', description: 'dropout(0.5) after dense_1', seeds: [seed(0, -0.5), seed(1, -0.4)] },
    ],
    chance: 2.3,
    linear: 1.9,
  },
};

describe('learning curves view', () => {
  it('draws the seeds\' band around the median, the best-epoch marker and the yardsticks', () => {
    const html = learningCurvesHtml(report, { cspSource: 'vscode-webview:', nonce: 'abc' });
    const main = html.slice(0, html.indexOf('What-if'));
    assert.equal((main.match(/<polygon class="band"/g) ?? []).length, 1);
    assert.match(main, /validation \(median of 3 seeds\)/);
    assert.match(main, /<line class="marker"[^>]*\/><text[^>]*>lowest validation loss \(epoch 2\)/);
    assert.match(main, /linear model/);
    assert.match(main, />chance</);
  });

  it('shows the measured remedies side by side, best first, and lists the unmeasured ones', () => {
    const html = learningCurvesHtml(report, { cspSource: 'vscode-webview:', nonce: 'abc' });
    const remedies = html.slice(html.indexOf('<div class="remedies">'));
    const titles = [...remedies.matchAll(/<text x="\d+(?:\.\d+)?" y="18"[^>]*>([^<]*)<\/text>/g)].map(m => m[1]);
    assert.deepEqual(titles, ['#1 dropout(0.5) after dense_1: val −30% ± 4%', '#2 kernelRegularizer l2(0.0001) on dense_1: val −1% ± 2%']);
    assert.match(html, /not measured: needs ~4 s per seed/);
  });

  it('has a strict CSP, no script and escapes text', () => {
    const html = learningCurvesHtml(report, { cspSource: 'vscode-webview:', nonce: 'abc' });
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'none'/);
    assert.match(html, /<style nonce="abc">/);
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.match(html, /wide&lt;script&gt;/);
  });

  it('computes the band per evaluation over the seeds that reached it', () => {
    const band = seedBand([seed(0, 0), { ...seed(1, 1), steps: [2, 4], val: [3, 4], train: [1, 1] }], c => c.val);
    assert.deepEqual(band.lower.map(p => p.y), [2.1, 1.8, 2.0, 2.5]);
    assert.deepEqual(band.upper.map(p => p.y), [3, 4, 2.0, 2.5]);
    assert.deepEqual(band.median.map(p => p.x), [1, 2, 3, 4]);
  });

  it('breaks lines at non-finite losses and survives no data', () => {
    const pts = (v: number[]) => v.map((y, i) => ({ x: i + 1, y }));
    const svg = lineChartSvg([{ name: 'train', points: pts([1, NaN, 0.5, 0.4]), color: '#000' }]);
    assert.equal((svg.match(/<circle /g) ?? []).length, 1);
    assert.equal((svg.match(/<polyline /g) ?? []).length, 1);
    assert.match(lineChartSvg([{ name: 'x', points: pts([NaN]), color: '#000' }]), /no finite losses/);
    assert.deepEqual(ticks(0, 2.6), [0, 0.5, 1, 1.5, 2, 2.5]);
  });
});
