import * as assert from 'node:assert/strict';
import { formatLayerSummary, formatModelTotals, formatParams, formatShape } from '../../server/src/summary';

describe('summary: formatting', () => {
  it('prints shapes the way tfjs does, with unknown spelled out', () => {
    assert.equal(formatShape([null, 26, 26, 32]), '[null,26,26,32]');
    assert.equal(formatShape([null, 'unknown', 8]), '[null,unknown,8]');
    assert.equal(formatShape('unknown'), 'unknown');
  });

  it('prints a layer as "shape · params"', () => {
    assert.equal(formatLayerSummary({ outputShape: [null, 26, 26, 32], params: 320 }), '[null,26,26,32] · 320 params');
    assert.equal(formatLayerSummary({ outputShape: 'unknown', params: 'unknown' }), 'unknown · unknown params');
    assert.equal(formatParams(1), '1 param');
  });

  it('prints totals with the non-trainable share when there is one', () => {
    assert.equal(formatModelTotals({ totalParams: 1290, nonTrainableParams: 0 }), '1290 params');
    assert.equal(formatModelTotals({ totalParams: 1546, nonTrainableParams: 256 }), '1546 params (256 non-trainable)');
    assert.equal(formatModelTotals({ totalParams: 'unknown', nonTrainableParams: 'unknown' }), 'unknown params');
  });
});
