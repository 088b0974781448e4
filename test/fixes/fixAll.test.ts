// fixAll: the preferred fix of every finding in one pass, colliding fixes deferred to the
// next pass, stable on a second run; applyEdits' contract.
import * as assert from 'node:assert/strict';
import { applyEdits, fixAll } from '../../server/src/fixes';
import { code } from '../../server/src/rules/ruleCases';

describe('fixes: fixAll', () => {
  it('applies every preferred fix, sharing one new import specifier', () => {
    const input = code`
      import {layers, sequential} from '@tensorflow/tfjs';
      export const model = sequential();
      model.add(layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu'}));
      model.add(layers.conv2d({filters: 16, kernelSize: 3, activation: 'relu'}));
      model.add(layers.flatten());
      model.add(layers.dense({units: 64, activation: 'relu'}));
      model.add(layers.dense({units: 10, activation: 'softmax'}));
    `;
    const result = fixAll(input, 'case.ts', {}, { convRemedy: 'l2' });
    assert.equal(result.output, code`
      import {layers, sequential, regularizers} from '@tensorflow/tfjs';
      export const model = sequential();
      model.add(layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu', kernelRegularizer: regularizers.l2({l2: 1e-4})}));
      model.add(layers.conv2d({filters: 16, kernelSize: 3, activation: 'relu', kernelRegularizer: regularizers.l2({l2: 1e-4})}));
      model.add(layers.flatten());
      model.add(layers.dense({units: 64, activation: 'relu'}));
      model.add(layers.dropout({rate: 0.5}));
      model.add(layers.dense({units: 10, activation: 'softmax'}));
    `);
    assert.equal(result.appliedCount, 3);
    assert.deepEqual(result.remaining, []);
  });

  it('fixes on the same config in one file-wide pass stay consistent', () => {
    const input = code`
      import * as tf from '@tensorflow/tfjs';
      export const model = tf.sequential();
      model.add(tf.layers.lstm({units: 8, inputShape: [5, 2], activityRegularizer: tf.regularizers.l2({l2: 1e-4})}));
      model.add(tf.layers.dense({units: 1}));
    `;
    const { output, remaining } = fixAll(input, 'case.ts');
    assert.deepEqual(remaining, []);
    assert.equal(fixAll(output, 'case.ts').output, output);
  });

  it('a second fixAll changes nothing', () => {
    const input = code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential({layers: [
        tf.layers.dense({units: 64, inputShape: [8]}),
        tf.layers.dropout({rate: 0.3}),
        tf.layers.batchNormalization(),
        tf.layers.dense({units: 32, activation: 'relu'}),
        tf.layers.dense({units: 1}),
        tf.layers.dropout({rate: 0.1}),
      ]});
    `;
    const first = fixAll(input, 'case.ts');
    assert.notEqual(first.output, input);
    const second = fixAll(first.output, 'case.ts');
    assert.equal(second.output, first.output);
    assert.equal(second.appliedCount, 0);
  });

  it('leaves findings without a fix in `remaining`', () => {
    const input = code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8], activation: 'relu'}));
      model.add(tf.layers.dropout({rate: 0.9}));
      model.add(tf.layers.dense({units: 1}));
    `;
    const result = fixAll(input, 'case.ts');
    assert.equal(result.output, input);
    assert.deepEqual(result.remaining.map((m) => m.ruleId), ['dropout-rate-high']);
  });

  it('respects rules switched off in the lint options', () => {
    const input = code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      model.add(tf.layers.dense({units: 1}));
    `;
    assert.equal(fixAll(input, 'case.ts', { rules: { 'dense-unregularized': 'off' } }).output, input);
  });

  it('does not touch suppressed findings or stale directives', () => {
    const input = code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      // reglint-disable-next-line dense-unregularized
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      // reglint-disable-next-line conv-unregularized
      model.add(tf.layers.dense({units: 1}));
    `;
    const result = fixAll(input, 'case.ts');
    assert.equal(result.output, input);
    assert.deepEqual(result.remaining.map((m) => m.ruleId), ['unused-disable-directive']);
  });

  it('leaves a file with syntax errors alone', () => {
    const input = code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 64, inputShape: [8]}));
      model.add(tf.layers.dense({units: 1})
    `;
    const result = fixAll(input, 'case.ts');
    assert.equal(result.output, input);
    assert.equal(result.appliedCount, 0);
    assert.deepEqual(result.remaining.map((m) => m.ruleId), ['dense-unregularized']);
  });

  it('keeps CRLF endings throughout', () => {
    const input = code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv2d({
        inputShape: [28, 28, 1],
        filters: 8,
        kernelSize: 3
      }));
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 32}));
      model.add(tf.layers.dense({units: 1}));
    `.replace(/\n/g, '\r\n');
    const { output } = fixAll(input, 'case.ts');
    assert.equal(output.replace(/\r\n/g, '').includes('\n'), false, 'a bare LF slipped in');
    assert.equal(output, code`
      import * as tf from '@tensorflow/tfjs';
      const model = tf.sequential();
      model.add(tf.layers.conv2d({
        inputShape: [28, 28, 1],
        filters: 8,
        kernelSize: 3,
        useBias: false
      }));
      model.add(tf.layers.batchNormalization());
      model.add(tf.layers.flatten());
      model.add(tf.layers.dense({units: 32}));
      model.add(tf.layers.dropout({rate: 0.5}));
      model.add(tf.layers.dense({units: 1}));
    `.replace(/\n/g, '\r\n'));
  });
});

describe('fixes: applyEdits', () => {
  it('applies edits given in any order', () => {
    assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'A' }]), 'AbcdEf');
  });

  it('keeps the given order of insertions at one offset', () => {
    assert.equal(applyEdits('ab', [{ start: 1, end: 1, newText: 'x' }, { start: 1, end: 1, newText: 'y' }]), 'axyb');
  });

  it('refuses overlapping edits', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), RangeError);
  });
});
