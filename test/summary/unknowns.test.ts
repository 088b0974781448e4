// What the summary does when the source does not pin a model down: it says 'unknown'
// (per dimension where it can), never a guess.
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis';
import { summarizeModel, type ModelSummary } from '../../server/src/summary';

function summarize(body: string, model = 0): ModelSummary {
  const graph = analyzeText(`import * as tf from '@tensorflow/tfjs';\n${body}`, 'model.ts');
  assert.equal(graph.fatal, undefined);
  return summarizeModel(graph, model);
}

const rows = (s: ModelSummary) => s.layers.map((l) => [l.name, l.outputShape, l.params]);

describe('summary: what cannot be known statically', () => {
  it('an unresolved config value makes only what depends on it unknown', () => {
    const s = summarize(`
      const model = tf.sequential();
      model.add(tf.layers.dense({units: readUnits(), inputShape: [4]}));
      model.add(tf.layers.dense({units: 3}));
      model.add(tf.layers.dropout({rate: 0.5}));`);
    assert.deepEqual(rows(s), [
      ['dense_1', [null, 'unknown'], 'unknown'],
      ['dense_2', [null, 3], 'unknown'],
      ['dropout_1', [null, 3], 0],
    ]);
    assert.equal(s.totalParams, 'unknown');
  });

  it('an unresolved input size stays unknown in that dimension only', () => {
    const s = summarize(`
      const model = tf.sequential();
      model.add(tf.layers.conv2d({filters: 4, kernelSize: 3, inputShape: [height, 28, 1]}));
      model.add(tf.layers.flatten());`);
    assert.deepEqual(rows(s), [
      ['conv2d_1', [null, 'unknown', 26, 4], 40],
      ['flatten_1', [null, 'unknown'], 0],
    ]);
    assert.equal(s.totalParams, 40);
  });

  it('a first layer without an input shape, or a model that is passed in', () => {
    const noShape = summarize(`const m = tf.sequential(); m.add(tf.layers.dense({units: 2}));`);
    assert.deepEqual(rows(noShape), [['dense_1', 'unknown', 'unknown']]);
    const passedIn = summarize(`export function head(model) { model.add(tf.layers.dense({units: 2, inputShape: [3]})); }`);
    assert.deepEqual(rows(passedIn), [['dense_1', 'unknown', 'unknown']]);
    assert.equal(passedIn.totalParams, 'unknown');
  });

  it('a layer added on every pass of a loop of unknown length stands for several layers', () => {
    const s = summarize(`
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4]}));
      for (let i = 0; i < n; i++) model.add(tf.layers.dense({units: 8}));
      model.add(tf.layers.dense({units: 1}));`);
    assert.deepEqual(rows(s), [
      ['dense_1', [null, 8], 40],
      ['dense_2', 'unknown', 'unknown'],
      ['dense_3', 'unknown', 'unknown'],
    ]);
    assert.equal(s.totalParams, 'unknown');
  });

  it('a loop of known length: one row per layer it adds', () => {
    const s = summarize(`
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4]}));
      for (let i = 0; i < 3; i++) model.add(tf.layers.dense({units: 8}));
      model.add(tf.layers.dense({units: 1}));`);
    assert.deepEqual(rows(s), [
      ['dense_1', [null, 8], 40],
      ['dense_2', [null, 8], 72],
      ['dense_3', [null, 8], 72],
      ['dense_4', [null, 8], 72],
      ['dense_5', [null, 1], 9],
    ]);
    assert.equal(s.totalParams, 40 + 3 * 72 + 9);
  });

  it('a conditionally added layer: shapes that agree on both paths stay, the total does not', () => {
    const s = summarize(`
      const model = tf.sequential();
      model.add(tf.layers.dense({units: 8, inputShape: [4]}));
      if (useDropout) model.add(tf.layers.dropout({rate: 0.3}));
      model.add(tf.layers.dense({units: 1}));`);
    assert.deepEqual(rows(s), [
      ['dense_1', [null, 8], 40],
      ['dropout_1', [null, 8], 0],
      ['dense_2', [null, 1], 9],
    ]);
    assert.equal(s.totalParams, 'unknown');
  });

  it('configs tfjs would reject', () => {
    const s = summarize(`
      const model = tf.sequential();
      model.add(tf.layers.conv2d({filters: 2, kernelSize: [3], inputShape: [8, 8, 1]}));
      model.add(tf.layers.conv2d({filters: 2, kernelSize: 3, padding: 'causal'}));
      model.add(tf.layers.dense({units: 0}));`);
    assert.deepEqual(rows(s), [
      ['conv2d_1', [null, 'unknown', 'unknown', 2], 'unknown'],
      ['conv2d_2', [null, 'unknown', 'unknown', 2], 3 * 3 * 2 * 2 + 2],
      ['dense_1', [null, 'unknown', 'unknown', 'unknown'], 'unknown'],
    ]);
  });

  it('layers it has no rule for, and what follows them', () => {
    const s = summarize(`
      const model = tf.sequential();
      model.add(tf.layers.centerCrop({height: 2, width: 2, inputShape: [8, 8, 3]}));
      model.add(tf.layers.dropout({rate: 0.1}));`);
    assert.deepEqual(rows(s), [['centerCrop_1', 'unknown', 'unknown'], ['dropout_1', 'unknown', 0]]);
    assert.equal(s.totalParams, 'unknown');
  });

  it('returnState and GRU resetAfter have no single output shape', () => {
    const body = `
      const model = tf.sequential();
      model.add(tf.layers.lstm({units: 4, returnState: true, inputShape: [5, 3]}));
      const other = tf.sequential();
      other.add(tf.layers.gru({units: 4, resetAfter: true, inputShape: [5, 3]}));`;
    assert.deepEqual(rows(summarize(body, 0)), [['lstm_1', 'unknown', 4 * (4 * (3 + 4) + 4)]]);
    assert.deepEqual(rows(summarize(body, 1)), [['gru_1', 'unknown', 'unknown']]);
  });

  it('a written layer name is used as is', () => {
    const s = summarize(`const m = tf.sequential({layers: [tf.layers.dense({units: 2, inputShape: [2], name: 'head'})]});`);
    assert.equal(s.layers[0].name, 'head');
  });

  it('a deep model (3000 layers) is summarized in full', () => {
    const adds = Array.from({ length: 3000 }, () => 'model.add(tf.layers.dense({units: 4}));').join('\n');
    const s = summarize(`const model = tf.sequential();\nmodel.add(tf.layers.dense({units: 4, inputShape: [4]}));\n${adds}`);
    assert.equal(s.layers.length, 3001);
    assert.deepEqual(s.layers[3000].outputShape, [null, 4]);
    assert.equal(s.totalParams, 3001 * 20);
  });

  it('asks for a model that exists', () => {
    const graph = analyzeText(`import * as tf from '@tensorflow/tfjs';`, 'm.ts');
    assert.throws(() => summarizeModel(graph, 0), RangeError);
  });
});
