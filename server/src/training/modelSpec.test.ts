// specFromGraph and buildModel: from source text (via the analyzer) and from hand-made specs.
import * as assert from 'assert';
import { analyzeText } from '../analysis';
import { initBackend } from './backend';
import { buildModel } from './buildModel';
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

  it('assumes a stated default for a width the code does not fix, naming the layer, line and expression', () => {
    const spec = ok(specOf(`
const model = tf.sequential();
model.add(tf.layers.dense({units: 8, inputShape: [4]}));
model.add(tf.layers.dense({units: Number(process.env.N)}));
`));
    assert.deepStrictEqual(spec.assumptions, [{
      layer: 'dense_2', key: 'units', line: 5, expression: 'Number(process.env.N)', value: 1, source: 'default', ask: true,
      why: '`Number(process.env.N)` is not known without running the code',
    }]);
    const { model } = buildModel(tf, spec);
    assert.strictEqual(model.countParams(), 4 * 8 + 8 + 8 + 1);
    model.dispose();
  });

  it('assumes a default input shape, and takes reglint.train.inputShape over it', () => {
    const src = `const model = tf.sequential({layers: [tf.layers.dense({units: 4}), tf.layers.dense({units: 1})]});`;
    const assumed = ok(specOf(src));
    assert.deepStrictEqual(assumed.inputShape, [16]);
    const a = assumed.assumptions!.find((x) => x.key === 'shape')!;
    assert.strictEqual(a.layer, 'input_1');
    assert.strictEqual(a.source, 'default');
    assert.strictEqual(a.fromData, 'features');
    assert.match(a.why, /^the code declares no input shape on dense_1 \(a data file, reglint\.train\.inputShape or --input-shape gives the real one\)$/);
    const spec = ok(specOf(src, 0, { inputShape: [7] }));
    assert.deepStrictEqual(spec.assumptions!.map((x) => [x.layer, x.key, x.value, x.source]), [['input_1', 'shape', [7], 'setting']]);
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

  it('rebuilds a functional model that branches and merges', () => {
    const spec = ok(specOf(`
const input = tf.input({shape: [12]});
const a = tf.layers.dense({units: 8}).apply(input);
const b = tf.layers.dense({units: 8}).apply(input);
const s = tf.layers.add().apply([a, b]);
const model = tf.model({inputs: input, outputs: s});
`));
    assert.deepStrictEqual(spec.layers.map((l) => [l.label, l.inbound]), [
      ['dense_1', [[{ input: 0 }]]], ['dense_2', [[{ input: 0 }]]], ['add_1', [[{ layer: 'dense_1', node: 0 }, { layer: 'dense_2', node: 0 }]]],
    ]);
    const { model } = buildModel(tf, spec);
    assert.strictEqual(model.countParams(), 2 * (12 * 8 + 8));
    model.dispose();
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
    assert.throws(() => buildModel(tf, spec), /dense_1 \(line \d+\): Unknown regularizer/);
  });

  it('takes the loss and the optimizer from the compile() that reaches the model', () => {
    const compileOf = (src: string, model = 0) => {
      const text = HEAD + src;
      return analyzeText(text, 'm.ts').models[model]?.compile;
    };
    const two = `const m = tf.sequential();\nm.compile({optimizer: tf.train.sgd(5), loss: 'meanSquaredError'});\n` +
      `const n = tf.sequential();\nn.compile({optimizer: 'rmsprop', loss: 'binaryCrossentropy'});`;
    assert.deepStrictEqual(compileOf(two, 0), { optimizer: 'sgd', learningRate: 5, loss: 'meanSquaredError' });
    assert.deepStrictEqual(compileOf(two, 1), { optimizer: 'rmsprop', loss: 'binaryCrossentropy' });
    assert.strictEqual(compileOf(`const x = tf.sequential();`), undefined);
    // Consts are followed; the same variable name in two builders is two models, each with its own compile.
    const builders = `const LR = 0.5;\nconst LOSS = 'meanSquaredError';\n` +
      `function a() { const net = tf.sequential(); net.add(tf.layers.dense({units: 1, inputShape: [2]})); net.compile({optimizer: 'adam', loss: 'binaryCrossentropy'}); return net; }\n` +
      `function b() { const net = tf.sequential(); net.add(tf.layers.dense({units: 1, inputShape: [2]})); net.compile({optimizer: tf.train.sgd(LR), loss: LOSS}); return net; }\n`;
    assert.deepStrictEqual(compileOf(builders, 0), { optimizer: 'adam', loss: 'binaryCrossentropy' });
    assert.deepStrictEqual(compileOf(builders, 1), { optimizer: 'sgd', learningRate: 0.5, loss: 'meanSquaredError' });
    // A model compiled after a helper returned it; a class model compiling itself.
    const later = `function build() { const net = tf.sequential(); net.add(tf.layers.dense({units: 1, inputShape: [2]})); return net; }\n` +
      `const model = build();\nmodel.compile({optimizer: tf.train.adam(0.01), loss: 'meanSquaredError'});\n`;
    assert.deepStrictEqual(compileOf(later), { optimizer: 'adam', learningRate: 0.01, loss: 'meanSquaredError' });
    const cls = `class Net extends tf.Sequential {\n  constructor() { super(); this.add(tf.layers.dense({units: 1, inputShape: [2]})); this.compile({optimizer: 'sgd', loss: 'meanSquaredError'}); }\n}\n`;
    assert.deepStrictEqual(compileOf(cls), { optimizer: 'sgd', loss: 'meanSquaredError' });
    // And the spec trains with it.
    assert.deepStrictEqual(ok(specOf(builders, 1)).compile, { optimizer: 'sgd', learningRate: 0.5, loss: 'meanSquaredError' });
  });
});
