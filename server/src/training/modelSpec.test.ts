// specFromGraph and buildModel: from source text (via the analyzer) and from hand-made specs.
import * as assert from 'assert';
import { analyzeText } from '../analysis';
import { initBackend } from './backend';
import { buildModel } from './buildModel';
import { compileFromText } from './compileConfig';
import { specFromGraph, type ModelSpec, type SpecResult } from './modelSpec';
import { loadTf } from './tf';

const tf = loadTf();
const HEAD = `import * as tf from '@tensorflow/tfjs';\n`;

function specOf(src: string, model = 0, opts = {}): SpecResult {
  const text = HEAD + src;
  return specFromGraph(analyzeText(text, 'm.ts'), model, { text, ...opts });
}

function ok(r: SpecResult): ModelSpec {
  if (!r.ok) assert.fail(r.reason);
  return r.spec;
}

describe('specFromGraph', () => {
  before(async () => {
    await initBackend(tf);
  });

  it('rebuilds a sequential model with literal configs, const identifiers and regularizers', () => {
    const spec = ok(specOf(`
const units = 64;
const model = tf.sequential();
model.add(tf.layers.dense({units, activation: 'relu', inputShape: [16], kernelRegularizer: tf.regularizers.l2({l2: 0.01})}));
model.add(tf.layers.dropout({rate: 0.5}));
model.add(tf.layers.dense({units: 3, activation: 'softmax'}));
`));
    assert.deepStrictEqual(spec.inputShape, [16]);
    assert.deepStrictEqual(spec.layers.map((l) => l.label), ['dense_1', 'dropout_1', 'dense_2']);
    assert.strictEqual(spec.layers[0].line, 5);
    const { model } = buildModel(tf, spec);
    assert.strictEqual(model.countParams(), 16 * 64 + 64 + 64 * 3 + 3);
    assert.ok(model.layers[0].getConfig().kernelRegularizer, 'the L2 regularizer is carried over');
    model.dispose();
  });

  it('says which layer and which value is not literal', () => {
    const r = specOf(`
const model = tf.sequential();
model.add(tf.layers.dense({units: 8, inputShape: [4]}));
model.add(tf.layers.dense({units: Number(process.env.N)}));
`);
    assert.ok(!r.ok);
    assert.strictEqual(r.reason, 'layer dense (line 5): config value `units` is not a literal');
  });

  it('reports a missing input shape and accepts one from the settings', () => {
    const src = `const model = tf.sequential({layers: [tf.layers.dense({units: 4}), tf.layers.dense({units: 1})]});`;
    const r = specOf(src);
    assert.ok(!r.ok && /declares no inputShape.*reglint\.train\.inputShape/.test(r.reason), !r.ok ? r.reason : '');
    const spec = ok(specOf(src, 0, { inputShape: [7] }));
    const { model } = buildModel(tf, spec);
    assert.deepStrictEqual(model.inputs[0].shape, [null, 7]);
    model.dispose();
  });

  it('rebuilds a functional single chain with the input shape from tf.input', () => {
    const spec = ok(specOf(`
const input = tf.input({shape: [12]});
const h = tf.layers.dense({units: 8, activation: 'relu'}).apply(input);
const out = tf.layers.dense({units: 2, activation: 'softmax'}).apply(h);
const model = tf.model({inputs: input, outputs: out});
`));
    assert.strictEqual(spec.style, 'functional');
    assert.deepStrictEqual(spec.inputShape, [12]);
    const { model } = buildModel(tf, spec);
    assert.strictEqual(model.countParams(), 12 * 8 + 8 + 8 * 2 + 2);
    model.dispose();
  });

  it('refuses functional models that branch, and says where', () => {
    const r = specOf(`
const input = tf.input({shape: [12]});
const a = tf.layers.dense({units: 8}).apply(input);
const b = tf.layers.dense({units: 8}).apply(input);
const s = tf.layers.add().apply([a, b]);
const model = tf.model({inputs: input, outputs: s});
`);
    assert.ok(!r.ok);
    assert.match(r.reason, /^functional model model: layer (dense|add) \(line \d+\)/);
  });

  it('rebuilds wrappers with their inner layer (bidirectional LSTM) and embeddings', () => {
    const spec = ok(specOf(`
const model = tf.sequential();
model.add(tf.layers.embedding({inputDim: 100, outputDim: 8, inputLength: 5}));
model.add(tf.layers.bidirectional({layer: tf.layers.lstm({units: 4}), mergeMode: 'concat'}));
model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
`));
    assert.strictEqual(spec.inputDtype, 'int32');
    assert.deepStrictEqual(spec.inputShape, [5]);
    const inner = spec.layers[1].config.layer;
    assert.ok(inner && typeof inner === 'object' && !Array.isArray(inner) && inner.kind === 'layer' && inner.factory === 'lstm');
    const { model } = buildModel(tf, spec);
    assert.deepStrictEqual(model.outputs[0].shape, [null, 1]);
    model.dispose();
  });

  it('passes configs through as written, so tfjs rejects what it would reject in the user program', () => {
    const spec = ok(specOf(`
const model = tf.sequential();
model.add(tf.layers.dense({units: 4, inputShape: [3], kernelRegularizer: 'l2'}));
`));
    assert.throws(() => buildModel(tf, spec), /dense_1:/);
  });

  it('reads compile() literals for the loss and the optimizer', () => {
    const text = HEAD + `const m = tf.sequential();\nm.compile({optimizer: tf.train.sgd(5), loss: 'meanSquaredError'});\n` +
      `const n = tf.sequential();\nn.compile({optimizer: 'rmsprop', loss: 'binaryCrossentropy'});`;
    assert.deepStrictEqual(compileFromText(text, 'm'), { optimizer: 'sgd', learningRate: 5, loss: 'meanSquaredError' });
    assert.deepStrictEqual(compileFromText(text, 'n'), { optimizer: 'rmsprop', loss: 'binaryCrossentropy' });
    assert.strictEqual(compileFromText(text, 'x'), undefined);
  });
});
