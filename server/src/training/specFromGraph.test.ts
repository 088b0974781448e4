// specFromGraph on the shapes real code has: DAGs (merges, several inputs and heads,
// shared layers, helpers called several times, nested models) checked against the same
// models built by hand with the tfjs API (parameter counts, output shapes); and partial
// evaluation: dropped keys, stated defaults, the user's values, the data file's facts, and
// a reason naming layer, line, key and expression for what cannot be built.
import * as assert from 'assert';
import { analyzeText } from '../analysis';
import { dataFactsOf, fitSpecToData, parseSetArg, parseValue, type UserValues } from './assumptions';
import { initBackend } from './backend';
import { buildModel } from './buildModel';
import { makeData, sliceData } from './data';
import type { Assumption, ModelSpec } from './modelSpec';
import { specFromGraph, type SpecResult } from './specFromGraph';
import { RECIPE } from './recipe';
import { prepare, runJob } from './suite';
import { inferTask } from './task';
import { loadTf, type LayersModel, type SymbolicTensor } from './tf';
import { applyWhatIf, unregularizedLayers } from './whatIf';

const tf = loadTf();
const HEAD = `import * as tf from '@tensorflow/tfjs';\n`;

function specOf(src: string, name?: string, opts: { values?: UserValues; inputShape?: number[] } = {}): SpecResult {
  const text = HEAD + src;
  const graph = analyzeText(text, 'm.ts');
  const model = name === undefined ? graph.models.length - 1 : graph.models.findIndex((m) => m.name === name);
  return specFromGraph(graph, model, { text, ...opts });
}

function ok(r: SpecResult): ModelSpec {
  if (!r.ok) assert.fail(r.reason);
  return r.spec;
}

function reason(r: SpecResult): string {
  if (r.ok) assert.fail('expected no spec');
  return r.reason;
}

/** Builds the spec and checks it against a model built by hand: parameter count and output shapes. */
function sameAs(spec: ModelSpec, byHand: () => LayersModel): void {
  const built = buildModel(tf, spec).model;
  const hand = byHand();
  try {
    assert.strictEqual(built.countParams(), hand.countParams(), 'parameter count');
    assert.deepStrictEqual(built.outputs.map((o) => o.shape), hand.outputs.map((o) => o.shape), 'output shapes');
    assert.deepStrictEqual(built.inputs.map((o) => o.shape), hand.inputs.map((o) => o.shape), 'input shapes');
  } finally {
    built.dispose();
    hand.dispose();
  }
}

function assumption(spec: ModelSpec, layer: string, key: string): Assumption {
  const a = spec.assumptions?.find((x) => x.layer === layer && x.key === key);
  assert.ok(a, `no assumption ${layer}.${key} in ${JSON.stringify(spec.assumptions?.map((x) => `${x.layer}.${x.key}`))}`);
  return a;
}

describe('specFromGraph: DAGs, checked against models built by hand', () => {
  before(async () => {
    await initBackend(tf);
  });

  it('a residual block (add) whose width is a parameter: units and input width agree', () => {
    const spec = ok(specOf(`
export function residual(dim) {
  const x = tf.input({shape: [dim]});
  const h = tf.layers.dense({units: dim, activation: 'relu'}).apply(x);
  const sum = tf.layers.add().apply([x, h]);
  const out = tf.layers.dense({units: 1}).apply(sum);
  return tf.model({inputs: x, outputs: out});
}`));
    assert.deepStrictEqual(assumption(spec, 'input_1', 'shape').value, [16]);
    assert.strictEqual(assumption(spec, 'dense_1', 'units').value, 16);
    assert.match(assumption(spec, 'dense_1', 'units').why, /; the same `dim` as input_1\.shape$/);
    sameAs(spec, () => {
      const x = tf.input({ shape: [16] });
      const h = tf.layers.dense({ units: 16, activation: 'relu' }).apply(x) as SymbolicTensor;
      const s = tf.layers.add().apply([x, h]) as SymbolicTensor;
      return tf.model({ inputs: x, outputs: tf.layers.dense({ units: 1 }).apply(s) as SymbolicTensor });
    });
    // The user's width for the input sets the block's width too (the same variable).
    const given = ok(specOf(`
export function residual(dim) {
  const x = tf.input({shape: [dim]});
  const h = tf.layers.dense({units: dim}).apply(x);
  return tf.model({inputs: x, outputs: tf.layers.add().apply([x, h])});
}`, undefined, { values: { 'input_1.shape': 5 } }));
    assert.deepStrictEqual(given.inputShape, [5]);
    assert.strictEqual(given.layers[0].config.units, 5);
  });

  it('several inputs, concatenate and multiply merges, two heads in the order of outputs', () => {
    const spec = ok(specOf(`
const title = tf.input({shape: [24], dtype: 'int32'});
const image = tf.input({shape: [32]});
let t = tf.layers.embedding({inputDim: 500, outputDim: 8}).apply(title);
t = tf.layers.globalAveragePooling1d().apply(t);
const i = tf.layers.dense({units: 8, activation: 'relu'}).apply(image);
const gate = tf.layers.multiply().apply([t, i]);
const merged = tf.layers.concatenate().apply([t, i, gate]);
const shared = tf.layers.dense({units: 16, activation: 'relu'}).apply(merged);
const price = tf.layers.dense({units: 5, activation: 'softmax'}).apply(shared);
const click = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(shared);
const model = tf.model({inputs: [title, image], outputs: [click, price]});
`));
    assert.deepStrictEqual(spec.inputs?.map((x) => [x.shape, x.dtype]), [[[24], 'int32'], [[32], 'float32']]);
    assert.deepStrictEqual(spec.outputs, [{ layer: 'dense_4', node: 0 }, { layer: 'dense_3', node: 0 }]);
    sameAs(spec, () => {
      const title = tf.input({ shape: [24], dtype: 'int32' });
      const image = tf.input({ shape: [32] });
      const t = tf.layers.globalAveragePooling1d().apply(tf.layers.embedding({ inputDim: 500, outputDim: 8 }).apply(title)) as SymbolicTensor;
      const i = tf.layers.dense({ units: 8, activation: 'relu' }).apply(image) as SymbolicTensor;
      const gate = tf.layers.multiply().apply([t, i]) as SymbolicTensor;
      const merged = tf.layers.concatenate().apply([t, i, gate]) as SymbolicTensor;
      const shared = tf.layers.dense({ units: 16, activation: 'relu' }).apply(merged) as SymbolicTensor;
      const price = tf.layers.dense({ units: 5, activation: 'softmax' }).apply(shared) as SymbolicTensor;
      const click = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(shared) as SymbolicTensor;
      return tf.model({ inputs: [title, image], outputs: [click, price] });
    });
  });

  it('a shared layer (one encoder applied to two inputs) keeps one set of weights', () => {
    const spec = ok(specOf(`
const a = tf.input({shape: [10]});
const b = tf.input({shape: [10]});
const enc = tf.layers.dense({units: 6, activation: 'relu'});
const drop = tf.layers.dropout({rate: 0.1});
const ea = drop.apply(enc.apply(a));
const eb = drop.apply(enc.apply(b));
const d = tf.layers.dot({axes: -1, normalize: true}).apply([ea, eb]);
const model = tf.model({inputs: [a, b], outputs: tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(d)});
`));
    assert.deepStrictEqual(spec.layers[0].inbound, [[{ input: 0 }], [{ input: 1 }]]);
    sameAs(spec, () => {
      const a = tf.input({ shape: [10] });
      const b = tf.input({ shape: [10] });
      const enc = tf.layers.dense({ units: 6, activation: 'relu' });
      const drop = tf.layers.dropout({ rate: 0.1 });
      const ea = drop.apply(enc.apply(a)) as SymbolicTensor;
      const eb = drop.apply(enc.apply(b)) as SymbolicTensor;
      const d = tf.layers.dot({ axes: -1, normalize: true }).apply([ea, eb]) as SymbolicTensor;
      return tf.model({ inputs: [a, b], outputs: tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(d) as SymbolicTensor });
    });
  });

  it('a helper called several times builds one layer per call (residual blocks)', () => {
    const spec = ok(specOf(`
function block(x) {
  const y = tf.layers.dense({units: 12, activation: 'relu'}).apply(x);
  const z = tf.layers.dense({units: 12}).apply(y);
  return tf.layers.add().apply([x, z]);
}
const input = tf.input({shape: [12]});
let h = block(input);
h = block(h);
h = block(h);
const model = tf.model({inputs: input, outputs: tf.layers.dense({units: 3, activation: 'softmax'}).apply(h)});
`));
    // The analysis gives each call of the helper its own layers: nothing is assumed.
    assert.deepStrictEqual(spec.assumptions ?? [], []);
    assert.strictEqual(spec.layers.filter((l) => l.factory === 'add').length, 3);
    sameAs(spec, () => {
      const input = tf.input({ shape: [12] });
      let h = input;
      for (let i = 0; i < 3; i++) {
        const y = tf.layers.dense({ units: 12, activation: 'relu' }).apply(h) as SymbolicTensor;
        const z = tf.layers.dense({ units: 12 }).apply(y) as SymbolicTensor;
        h = tf.layers.add().apply([h, z]) as SymbolicTensor;
      }
      return tf.model({ inputs: input, outputs: tf.layers.dense({ units: 3, activation: 'softmax' }).apply(h) as SymbolicTensor });
    });
  });

  it('nested sequentials: applied as layers in a functional model, and appended to a sequential one', () => {
    const src = `
function encoder() {
  const m = tf.sequential();
  m.add(tf.layers.dense({inputShape: [20], units: 8, activation: 'relu'}));
  m.add(tf.layers.dense({units: 4}));
  return m;
}
function decoder() {
  return tf.sequential({layers: [tf.layers.dense({inputShape: [4], units: 8, activation: 'relu'}), tf.layers.dense({units: 20})]});
}
const enc = encoder();
const dec = decoder();
const input = tf.input({shape: [20]});
const auto = tf.model({inputs: input, outputs: dec.apply(enc.apply(input))});
const stacked = tf.sequential();
stacked.add(enc);
stacked.add(tf.layers.dropout({rate: 0.2}));
stacked.add(dec);
`;
    const byHand = (): LayersModel => tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [20], units: 8, activation: 'relu' }), tf.layers.dense({ units: 4 }),
        tf.layers.dense({ units: 8, activation: 'relu' }), tf.layers.dense({ units: 20 }),
      ],
    });
    sameAs(ok(specOf(src, 'auto')), byHand);
    const stacked = ok(specOf(src, 'stacked'));
    assert.deepStrictEqual(stacked.layers.map((l) => l.factory), ['dense', 'dense', 'dropout', 'dense', 'dense']);
    sameAs(stacked, byHand);
  });

  it('a nested model applied twice shares its weights, as tfjs does', () => {
    const spec = ok(specOf(`
const tower = tf.sequential({layers: [tf.layers.dense({inputShape: [6], units: 5, activation: 'relu'})]});
const a = tf.input({shape: [6]});
const b = tf.input({shape: [6]});
const out = tf.layers.concatenate().apply([tower.apply(a), tower.apply(b)]);
const model = tf.model({inputs: [a, b], outputs: out});
`));
    sameAs(spec, () => {
      const tower = tf.sequential({ layers: [tf.layers.dense({ inputShape: [6], units: 5, activation: 'relu' })] });
      const a = tf.input({ shape: [6] });
      const b = tf.input({ shape: [6] });
      const out = tf.layers.concatenate().apply([tower.apply(a) as SymbolicTensor, tower.apply(b) as SymbolicTensor]) as SymbolicTensor;
      return tf.model({ inputs: [a, b], outputs: out });
    });
  });

  it('the what-if inserts dropout after a DAG node and rewires its consumers; the result builds and matches the rules', () => {
    const spec = ok(specOf(`
const x = tf.input({shape: [8]});
const h = tf.layers.dense({units: 16, activation: 'relu'}).apply(x);
const a = tf.layers.dense({units: 4}).apply(h);
const b = tf.layers.dense({units: 4}).apply(h);
const out = tf.layers.dense({units: 1}).apply(tf.layers.concatenate().apply([a, b]));
const model = tf.model({inputs: x, outputs: out});
`));
    // dense_1 is followed by weighted layers on both paths; dense_2/3 reach the output through concatenate only via dense_4.
    assert.deepStrictEqual(unregularizedLayers(spec).map((i) => spec.layers[i].label), ['dense_1', 'dense_2', 'dense_3']);
    const { spec: w, changes } = applyWhatIf(spec);
    assert.deepStrictEqual(changes.map((c) => c.description), ['dropout(0.5) after dense_1', 'dropout(0.5) after dense_2', 'dropout(0.5) after dense_3']);
    const reader = (label: string) => w.layers.find((l) => l.label === label)!.inbound;
    assert.deepStrictEqual(reader('dense_2'), [[{ layer: 'dropout(0.5) after dense_1', node: 0 }]]);
    assert.deepStrictEqual(reader('dense_3'), [[{ layer: 'dropout(0.5) after dense_1', node: 0 }]]);
    assert.deepStrictEqual(unregularizedLayers(w), []);
    const built = buildModel(tf, w).model;
    assert.strictEqual(built.layers.filter((l) => l.getClassName() === 'Dropout').length, 3);
    assert.strictEqual(built.countParams(), buildModel(tf, spec).model.countParams());
    built.dispose();
  });

  it('trains every head of a model with several inputs and outputs (real tfjs), judging the first', async function () {
    this.timeout(120_000);
    const spec = ok(specOf(`
const a = tf.input({shape: [6]});
const b = tf.input({shape: [4]});
const h = tf.layers.dense({units: 8, activation: 'relu'}).apply(tf.layers.concatenate().apply([a, b]));
const reg = tf.layers.dense({units: 1}).apply(h);
const cls = tf.layers.dense({units: 3, activation: 'softmax'}).apply(h);
const model = tf.model({inputs: [a, b], outputs: [reg, cls]});
`));
    const p = prepare(tf, spec, 1);
    assert.strictEqual(p.task.kind, 'regression', 'the first output is the judged one');
    assert.deepStrictEqual(p.train.moreX?.map((m) => m.shape), [[RECIPE.nTrain, 4]]);
    assert.deepStrictEqual(p.train.moreY?.map((m) => [m.shape, m.loss]), [[[RECIPE.nTrain, 3], 'categoricalCrossentropy']]);
    const run = await runJob(tf, p, { name: 'baseline', seedIndex: 0 }, { seed: 1, deadline: Date.now() + 60_000 });
    assert.ok('curves' in run && run.curves.train.length > 0, 'the baseline trained');
    assert.ok('curves' in run && run.curves.train.every(Number.isFinite));
    const classTask = inferTask(spec, 3, 1);
    assert.ok(!('error' in classTask) && classTask.kind === 'multiclass');
  });
});

describe('specFromGraph: partial evaluation', () => {
  before(async () => {
    await initBackend(tf);
  });

  it('drops keys that do not change what is measured, with a note', () => {
    const spec = ok(specOf(`
const model = tf.sequential();
model.add(tf.layers.dense({units: 4, inputShape: [3], name: layerName(), kernelInitializer: init, trainable: flag}));
`));
    assert.deepStrictEqual(spec.dropped?.map((d) => [d.layer, d.key, d.expression]), [
      ['dense_1', 'name', 'layerName()'], ['dense_1', 'kernelInitializer', 'init'], ['dense_1', 'trainable', 'flag'],
    ]);
    assert.deepStrictEqual(spec.assumptions, []);
    assert.deepStrictEqual(Object.keys(spec.layers[0].config), ['units']);
  });

  it('an unknown regularizer stops the build with the layer, line, key and expression, until the user gives it', () => {
    const src = `
const model = tf.sequential();
model.add(tf.layers.dense({units: 4, inputShape: [3], kernelRegularizer: useL2 ? tf.regularizers.l2({l2: 1e-3}) : undefined}));
model.add(tf.layers.dense({units: 1}));
`;
    const r = specOf(src);
    assert.strictEqual(reason(r), 'dense_1 (tf.layers.dense, line 4): `kernelRegularizer` is `useL2 ? tf.regularizers.l2({l2: 1e-3}) : undefined`, ' +
      'which is not known without running the code and decides whether dense_1 is regularized; give it with --set dense_1.kernelRegularizer=l2(1e-4)|none');
    assert.ok(!r.ok && r.needs?.[0].layer === 'dense_1' && r.needs[0].key === 'kernelRegularizer');
    const withL2 = ok(specOf(src, undefined, { values: { 'dense_1.kernelRegularizer': 'l2(0.001)' } }));
    assert.deepStrictEqual(withL2.layers[0].config.kernelRegularizer, { kind: 'regularizer', factory: 'l2', form: 'call', arg: { kind: 'object', props: { l2: 0.001 } } });
    assert.strictEqual(assumption(withL2, 'dense_1', 'kernelRegularizer').source, 'user');
    const none = ok(specOf(src, undefined, { values: { 'dense_1.kernelRegularizer': null } }));
    assert.strictEqual(none.layers[0].config.kernelRegularizer, undefined);
    assert.deepStrictEqual(unregularizedLayers(none), [0]);
  });

  it('a regularizer whose factor is unknown keeps the regularizer with tfjs\'s default factor', () => {
    const spec = ok(specOf(`
function build(lambda) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 4, inputShape: [3], kernelRegularizer: tf.regularizers.l2({l2: lambda})}));
  return model;
}`));
    assert.deepStrictEqual(spec.layers[0].config.kernelRegularizer, { kind: 'regularizer', factory: 'l2', form: 'call', arg: { kind: 'object', props: { l2: 0.01 } } });
    assert.strictEqual(assumption(spec, 'dense_1', 'kernelRegularizer.l2').value, 0.01);
  });

  it('a whole config that is not an object literal, a spread, an unfollowed tensor and a loop each say why', () => {
    assert.strictEqual(reason(specOf(`const model = tf.sequential();\nmodel.add(tf.layers.dense(cfg));`)),
      'dense_1 (tf.layers.dense, line 3): its config `cfg` is not an object the analysis can read');
    assert.match(reason(specOf(`const model = tf.sequential();\nmodel.add(tf.layers.dense({...base, units: 3}));`)),
      /^dense_1 \(tf\.layers\.dense, line 3\): its config `\{\.\.\.base, units: 3\}` spreads or computes keys/);
    assert.match(reason(specOf(`
function build(x) {
  const out = tf.layers.dense({units: 1}).apply(x);
  return tf.model({inputs: x, outputs: out});
}`)), /dense_1 \(tf\.layers\.dense, line 4\) is applied to a tensor the analysis could not follow \(`x`\)/);
    assert.match(reason(specOf(`
function build(sizes) {
  const input = tf.input({shape: [4]});
  const branches = sizes.map((k) => tf.layers.dense({units: k}).apply(input));
  return tf.model({inputs: input, outputs: tf.layers.concatenate().apply(branches)});
}`)), /dense_1 \(tf\.layers\.dense, line 5\) is built in a loop/);
  });

  it('a loop in a sequential model is built once (stated), or as often as the user says', () => {
    const src = `
function build(depth) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 8, inputShape: [4], activation: 'relu'}));
  for (let i = 0; i < depth; i++) {
    model.add(tf.layers.dense({units: 8, activation: 'relu'}));
    model.add(tf.layers.dropout({rate: 0.2}));
  }
  model.add(tf.layers.dense({units: 1}));
  return model;
}`;
    const once = ok(specOf(src));
    assert.deepStrictEqual(once.layers.map((l) => l.label), ['dense_1', 'dense_2', 'dropout_1', 'dense_3']);
    assert.match(assumption(once, 'dense_2', 'repeat').why, /dense_2, dropout_1 are appended in a loop whose count the analysis does not know; built once/);
    const three = ok(specOf(src, undefined, { values: { 'dense_2.repeat': 3 } }));
    assert.deepStrictEqual(three.layers.map((l) => l.label),
      ['dense_1', 'dense_2', 'dropout_1', 'dense_2~2', 'dropout_1~2', 'dense_2~3', 'dropout_1~3', 'dense_3']);
    sameAs(three, () => tf.sequential({
      layers: [tf.layers.dense({ units: 8, inputShape: [4] }), ...[1, 2, 3].map(() => tf.layers.dense({ units: 8 })), tf.layers.dense({ units: 1 })],
    }));
  });

  it('helpers called several times append a layer per call, with the arguments of that call; conditions are stated', () => {
    const src = `
function block(units) { return tf.layers.dense({units, activation: 'relu'}); }
function build(useBn) {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({inputShape: [10]}));
  model.add(block(64));
  if (useBn) model.add(tf.layers.batchNormalization());
  model.add(block(32));
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return model;
}`;
    const spec = ok(specOf(src));
    assert.deepStrictEqual(spec.layers.map((l) => l.label), ['dense_1', 'batchNormalization_1', 'dense_2', 'dense_3']);
    assert.strictEqual(assumption(spec, 'batchNormalization_1', 'present').value, true);
    const without = ok(specOf(src, undefined, { values: { 'batchNormalization_1.present': false } }));
    assert.deepStrictEqual(without.layers.map((l) => l.label), ['dense_1', 'dense_2', 'dense_3']);
    sameAs(without, () => tf.sequential({
      layers: [tf.layers.dense({ units: 64, inputShape: [10] }), tf.layers.dense({ units: 32 }), tf.layers.dense({ units: 1 })],
    }));
  });

  it('input widths from a partial shape, the setting, and the data file (features, tokens, classes)', () => {
    const img = ok(specOf(`
function build(channels) {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({inputShape: [28, 28, channels], filters: 4, kernelSize: 3}));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  return model;
}`));
    assert.deepStrictEqual(img.inputShape, [28, 28, 16]);
    const fromData = fitSpecToData(img, { file: 'px.csv', width: 28 * 28 * 3, classes: 10 });
    assert.deepStrictEqual(fromData.inputShape, [28, 28, 3]);
    assert.deepStrictEqual(assumption(fromData, 'input_1', 'shape').source, 'data');
    assert.match(assumption(fromData, 'input_1', 'shape').why, /from px\.csv \(2352 feature values per row\)/);

    const text = ok(specOf(`
function build(vocab, maxLen, numClasses) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({inputDim: vocab, outputDim: 8, inputLength: maxLen}));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({units: numClasses, activation: 'softmax'}));
  return model;
}`));
    assert.deepStrictEqual([text.inputShape, text.layers[0].config.inputDim, text.layers[2].config.units], [[16], 1000, 10]);
    const table = { file: '/d/reviews.csv', features: ['t1', 't2', 't3', 't4', 't5'], label: 'y', width: 5, x: Float32Array.from([0, 3, 7, 2, 41, 1, 1, 2, 3, 4]), labels: ['a', 'b'] };
    const fitted = fitSpecToData(text, dataFactsOf(table));
    assert.deepStrictEqual([fitted.inputShape, fitted.layers[0].config.inputDim, fitted.layers[2].config.units], [[5], 42, 2]);
    const model = buildModel(tf, fitted).model;
    assert.deepStrictEqual(model.outputs[0].shape, [null, 2]);
    model.dispose();
    // The user's value is never replaced by the data's.
    const given = ok(specOf(`const model = tf.sequential();\nmodel.add(tf.layers.dense({units: 1, inputShape: [n]}));`, undefined, { values: { 'input_1.shape': [4] } }));
    assert.deepStrictEqual(fitSpecToData(given, { file: 'x.csv', width: 9, classes: 2 }).inputShape, [4]);
  });

  it('synthetic data for an embedding input stays below its inputDim', () => {
    const spec = ok(specOf(`const model = tf.sequential();\nmodel.add(tf.layers.embedding({inputDim: 7, outputDim: 2, inputLength: 3}));\nmodel.add(tf.layers.flatten());\nmodel.add(tf.layers.dense({units: 1}));`));
    const task = inferTask(spec, 1);
    assert.ok(!('error' in task));
    const d = sliceData(makeData(spec, task, { n: 50, seed: 3 }), 0, 20);
    assert.ok(d.x instanceof Int32Array && Math.max(...d.x) < 7 && d.n === 20);
  });
});

describe('--set values', () => {
  it('parses numbers, shapes, words, booleans, none and regularizers', () => {
    assert.deepStrictEqual(parseSetArg('dense_2.units=64'), ['dense_2.units', 64]);
    assert.deepStrictEqual(parseSetArg('input_1.shape=28,28,1'), ['input_1.shape', [28, 28, 1]]);
    assert.deepStrictEqual(parseSetArg('input_1.shape=[10]'), ['input_1.shape', [10]]);
    assert.deepStrictEqual(parseSetArg('dense_3.activation=softmax'), ['dense_3.activation', 'softmax']);
    assert.deepStrictEqual(parseSetArg('dropout_1.present=false'), ['dropout_1.present', false]);
    assert.deepStrictEqual(parseSetArg('dense_1.kernelRegularizer=none'), ['dense_1.kernelRegularizer', null]);
    assert.deepStrictEqual(parseSetArg('dense_1.kernelRegularizer=l1l2(0.01, 0.02)'), ['dense_1.kernelRegularizer', 'l1l2(0.01, 0.02)']);
    assert.deepStrictEqual(parseSetArg('dense_1~2.units=3'), ['dense_1~2.units', 3]);
    assert.strictEqual(parseValue('1e-4'), 1e-4);
  });

  it('says what is wrong with a bad one', () => {
    assert.throws(() => parseSetArg('units=64'), /"units" is not <layer>\.<key>/);
    assert.throws(() => parseSetArg('dense_1.units'), /expected <layer>\.<key>=<value>/);
    assert.throws(() => parseSetArg('dense_1.units='), /the value is empty/);
    assert.throws(() => parseSetArg('dense_1.kernelRegularizer=l3(1)'), /not a regularizer/);
  });

  it('values that match nothing are reported back', () => {
    const r = specOf(`const model = tf.sequential();\nmodel.add(tf.layers.dense({units: 2, inputShape: [3]}));`, undefined, { values: { 'dense_9.units': 4 } });
    assert.ok(r.ok);
    assert.deepStrictEqual(r.unusedValues, ['dense_9.units']);
  });
});
