// Config values the analysis learns from the code around a layer call: a helper's
// parameters bound to its caller's literal arguments, a builder's parameter defaults (kept
// apart as `withDefaults`, never as certainties), loops over known lists unrolled, and the
// cases where it must still say `unknown`.
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis';
import type { ConfigValue, LayerNode, ModelGraph } from '../../server/src/analysis/modelGraph';
import { lineOf } from '../helpers/graphSummary';

/** `dense@5 units=64` for each layer (keys in `keys`, when the layer has them), in graph order. */
function configs(graph: ModelGraph, text: string, keys: string[], read: (l: LayerNode) => LayerNode['config'] = (l) => l.config): string[] {
  return graph.layers.map((layer) => {
    const config = read(layer);
    const shown = keys.filter((k) => config !== 'unknown' && config !== 'absent' && k in config.props)
      .map((k) => `${k}=${show((config as { props: Record<string, ConfigValue> }).props[k])}`);
    const whole = config === 'unknown' ? ' config=unknown' : '';
    return `${layer.factory}@${lineOf(text, layer.nameSpan.start)}${whole}${shown.length ? ' ' + shown.join(' ') : ''}`;
  });
}

function show(v: ConfigValue): string {
  return typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v);
}

function analyze(code: string): ModelGraph {
  const graph = analyzeText(code, 'model.ts');
  assert.equal(graph.fatal, undefined);
  return graph;
}

describe('analysis: values from the code around a layer', () => {
  it('a helper called with literal arguments: one layer per call, each with its arguments', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
function block(model: tf.Sequential, units: number, rate = 0.2) {
  model.add(tf.layers.dense({units: units * 2, activation: 'relu'}));
  model.add(tf.layers.dropout({rate}));
}
const model = tf.sequential();
model.add(tf.layers.inputLayer({inputShape: [13]}));
block(model, 64);
block(model, 16, 0.5);
model.add(tf.layers.dense({units: 1}));`;
    const graph = analyze(code);
    assert.deepEqual(configs(graph, code, ['units', 'rate']), [
      'dense@3 units=128', 'dense@3 units=32', 'dropout@4 rate=0.2', 'dropout@4 rate=0.5',
      'inputLayer@7', 'dense@10 units=1',
    ]);
    assert.deepEqual(graph.models.map((m) => m.layers.map((i) => graph.layers[i].factory)),
      [['inputLayer', 'dense', 'dropout', 'dense', 'dropout', 'dense']]);
  });

  it('a builder never called in the file: defaults are assumptions, parameters without one stay unknown', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
export function createModel(numFeatures: number, hidden = 64, {dropout = 0.25, layers = 2} = {}) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: hidden, inputShape: [numFeatures], activation: 'relu'}));
  model.add(tf.layers.dropout({rate: dropout}));
  model.add(tf.layers.dense({units: hidden / layers}));
  return model;
}`;
    const graph = analyze(code);
    assert.deepEqual(configs(graph, code, ['units', 'inputShape', 'rate', 'activation']), [
      'dense@4 units=unknown inputShape=["unknown"] activation=relu',
      'dropout@5 rate=unknown',
      'dense@6 units=unknown',
    ]);
    const withDefaults = (l: LayerNode) => l.withDefaults?.config ?? l.config;
    assert.deepEqual(configs(graph, code, ['units', 'inputShape', 'rate'], withDefaults), [
      'dense@4 units=64 inputShape=["unknown"]',
      'dropout@5 rate=0.25',
      'dense@6 units=32',
    ]);
    assert.deepEqual(graph.layers.map((l) => l.withDefaults?.params.sort()), [['hidden'], ['{dropout = 0.25, layers = 2}'], ['hidden', '{dropout = 0.25, layers = 2}']]);
  });

  it('a builder called in the file is analysed with its caller\'s arguments, not its defaults', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
function createModel(hidden = 64) {
  return tf.sequential({layers: [tf.layers.dense({units: hidden, inputShape: [4]}), tf.layers.dense({units: 1})]});
}
const model = createModel(256);`;
    const graph = analyze(code);
    assert.deepEqual(configs(graph, code, ['units']), ['dense@3 units=256', 'dense@3 units=1']);
    assert.equal(graph.layers[0].withDefaults, undefined);
  });

  it('tf.input with a default shape', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
export function build(width = 10) {
  const input = tf.input({shape: [width]});
  const out = tf.layers.dense({units: 1}).apply(input) as tf.SymbolicTensor;
  return tf.model({inputs: input, outputs: out});
}`;
    const graph = analyze(code);
    assert.deepEqual(graph.inputs[0].config !== 'unknown' && graph.inputs[0].config !== 'absent' && graph.inputs[0].config.props.shape, ['unknown']);
    assert.deepEqual(graph.inputs[0].withDefaults?.config.props.shape, [10]);
  });

  it('loops over known lists and counts run once per iteration, with the iteration\'s values', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
const NUM_BLOCKS = 3;
const HIDDEN = [{units: 64, dropout: 0.2}, {units: 32, dropout: 0}];
const model = tf.sequential();
for (let i = 0; i < NUM_BLOCKS; i++) {
  model.add(tf.layers.dense({units: 128 / (i + 1), inputShape: i === 0 ? [8] : undefined}));
}
HIDDEN.forEach((h) => {
  model.add(tf.layers.dense({units: h.units, activation: 'relu'}));
  if (h.dropout > 0) model.add(tf.layers.dropout({rate: h.dropout}));
});
model.add(tf.layers.dense({units: 1}));`;
    const graph = analyze(code);
    assert.deepEqual(configs(graph, code, ['units', 'inputShape', 'rate']), [
      'dense@6 units=128 inputShape=[8]', 'dense@6 units=64 inputShape=undefined', 'dense@6 units=42.666666666666664 inputShape=undefined',
      'dense@9 units=64', 'dense@9 units=32', 'dropout@10 rate=0.2', 'dense@12 units=1',
    ]);
    const order = graph.models[0].layers.map((i) => `${graph.layers[i].factory}`);
    assert.deepEqual(order, ['dense', 'dense', 'dense', 'dense', 'dropout', 'dense', 'dense']);
    // The second config dense (32) has no dropout after it: it feeds the output directly.
    const dense32 = graph.layers[4];
    assert.deepEqual(dense32.next, [6]);
  });

  it('a loop that may stop early, or of unknown length, is not unrolled', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
export function build(depth: number) {
  const model = tf.sequential();
  for (const units of [64, 32, 16]) {
    if (units < depth) break;
    model.add(tf.layers.dense({units}));
  }
  for (let i = 0; i < depth; i++) model.add(tf.layers.dense({units: 8}));
  return model;
}`;
    const graph = analyze(code);
    assert.deepEqual(configs(graph, code, ['units']), ['dense@6 units=unknown', 'dense@8 units=8']);
  });

  it('values that change where the analysis cannot follow stay unknown', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
let units = 16;
document.getElementById('units')!.addEventListener('change', (e) => { units = Number((e.target as HTMLInputElement).value); });
let width = 128;
const model = tf.sequential();
while (width > 8) {
  model.add(tf.layers.dense({units: width}));
  width /= 2;
}
let rate = 0.1;
rate *= 3;
model.add(tf.layers.dense({units}));
model.add(tf.layers.dropout({rate}));
model.add(tf.layers.dense({units: numClasses}));`;
    const graph = analyze(code);
    assert.deepEqual(configs(graph, code, ['units', 'rate']), [
      'dense@7 units=unknown', 'dense@12 units=unknown', 'dropout@13 rate=0.30000000000000004', 'dense@14 units=unknown',
    ]);
  });

  it('branches on a known condition take one path; on an unknown one, both', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
function head(model: tf.Sequential, classes: number) {
  if (classes > 2) model.add(tf.layers.dense({units: classes, activation: 'softmax'}));
  else model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
}
const model = tf.sequential();
model.add(tf.layers.dense({units: 32, inputShape: [4]}));
head(model, 10);`;
    const graph = analyze(code);
    assert.deepEqual(graph.models[0].layers.map((i) => configs(graph, code, ['units', 'activation'])[i]),
      ['dense@7 units=32', 'dense@3 units=10 activation=softmax']);
  });

  it('a regularizer passed as an argument reaches the layer', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
function hidden(units: number, reg?: tf.Regularizer) {
  return tf.layers.dense({units, kernelRegularizer: reg});
}
const model = tf.sequential({layers: [hidden(8, tf.regularizers.l2({l2: 0.001})), tf.layers.dense({units: 1})]});`;
    const graph = analyze(code);
    const reg = graph.layers[0].config !== 'unknown' && graph.layers[0].config !== 'absent' ? graph.layers[0].config.props.kernelRegularizer : undefined;
    assert.ok(reg && typeof reg === 'object' && !Array.isArray(reg) && reg.kind === 'regularizer' && reg.factory === 'l2');
  });
});
