// applyWhatIf inserts exactly what reglint's quick fixes insert (DESIGN.md section 3).
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../lint/lintText';
import { initBackend } from './backend';
import { buildModel } from './buildModel';
import { labelLayers, layer, l2, obj, specFromGraph, type LayerSpec, type ModelSpec } from './modelSpec';
import { loadTf } from './tf';
import { applyWhatIf, unregularizedLayers } from './whatIf';

const tf = loadTf();

function seq(inputShape: number[], layers: LayerSpec[]): ModelSpec {
  return { name: 'm', style: 'sequential-add', inputShape, inputDtype: 'float32', layers: labelLayers(layers) };
}

describe('applyWhatIf', () => {
  before(async () => {
    await initBackend(tf);
  });

  it('inserts dropout(0.5) after every unregularized hidden dense layer, not after the output', () => {
    const spec = seq([8], [layer('dense', { units: 16 }), layer('dense', { units: 16 }), layer('dense', { units: 1 })]);
    const { spec: w, changes } = applyWhatIf(spec);
    assert.deepStrictEqual(w.layers.map((l) => l.factory), ['dense', 'dropout', 'dense', 'dropout', 'dense']);
    assert.deepStrictEqual(w.layers[1].config, { rate: 0.5 });
    assert.deepStrictEqual(changes.map((c) => c.description), ['dropout(0.5) after dense_1', 'dropout(0.5) after dense_2']);
  });

  it('counts weight regularizers and a following dropout/batch norm (through flatten/pooling) as regularized', () => {
    const spec = seq([8, 8, 1], [
      layer('conv2d', { filters: 4, kernelSize: 3 }),
      layer('maxPooling2d', { poolSize: 2 }),
      layer('batchNormalization'),
      layer('conv2d', { filters: 4, kernelSize: 2, kernelRegularizer: l2(0.01) }),
      layer('flatten'),
      layer('dense', { units: 8 }),
      layer('flatten'),
      layer('dropout', { rate: 0.2 }),
      layer('dense', { units: 2, activation: 'softmax' }),
    ]);
    assert.deepStrictEqual(unregularizedLayers(spec), []);
    assert.strictEqual(applyWhatIf(spec).changes.length, 0);
  });

  it('adds an L2 kernelRegularizer (1e-4) to conv layers, or batch norm after them when set', () => {
    const spec = seq([8, 8, 1], [layer('conv2d', { filters: 4, kernelSize: 3 }), layer('flatten'), layer('dense', { units: 2 })]);
    const a = applyWhatIf(spec);
    assert.deepStrictEqual(a.spec.layers[0].config.kernelRegularizer, l2(1e-4));
    assert.deepStrictEqual(a.changes.map((c) => c.description), ['kernelRegularizer l2(0.0001) on conv2d_1']);
    const b = applyWhatIf(spec, { convFix: 'batchNormalization' });
    assert.deepStrictEqual(b.spec.layers.map((l) => l.factory), ['conv2d', 'batchNormalization', 'flatten', 'dense']);
    for (const s of [a.spec, b.spec]) buildModel(tf, s).model.dispose();
  });

  it('uses the layer\'s own regularizer keys for separable convolutions', () => {
    const spec = seq([8, 8, 2], [layer('separableConv2d', { filters: 4, kernelSize: 3 }), layer('flatten'), layer('dense', { units: 2 })]);
    const w = applyWhatIf(spec).spec.layers[0].config;
    assert.ok(w.depthwiseRegularizer && w.pointwiseRegularizer && !w.kernelRegularizer);
  });

  it('sets dropout and recurrentDropout 0.2 on RNNs, inside bidirectional too, and the result trains', async () => {
    const spec = seq([6, 3], [
      layer('bidirectional', { layer: layer('lstm', { units: 4, returnSequences: true }) }),
      layer('gru', { units: 4 }),
      layer('dense', { units: 1 }),
    ]);
    const { spec: w, changes } = applyWhatIf(spec);
    const inner = w.layers[0].config.layer as LayerSpec;
    assert.strictEqual(inner.config.dropout, 0.2);
    assert.strictEqual(inner.config.recurrentDropout, 0.2);
    assert.strictEqual(w.layers[1].config.recurrentDropout, 0.2);
    assert.strictEqual(changes.length, 2);
    const { model } = buildModel(tf, w);
    model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
    const h = await model.fit(tf.ones([4, 6, 3]), tf.ones([4, 1]), { epochs: 1, verbose: 0 });
    assert.ok(Number.isFinite(h.history.loss[0] as number));
    model.dispose();
  });

  it('leaves RNNs with their own dropout alone', () => {
    const spec = seq([6, 3], [layer('lstm', { units: 4, dropout: 0.1 }), layer('dense', { units: 1 })]);
    assert.strictEqual(applyWhatIf(spec).changes.length, 0);
  });

  it('honours rate and factor settings', () => {
    const spec = seq([8], [layer('dense', { units: 16, kernelInitializer: obj({}) }), layer('dense', { units: 1 })]);
    assert.deepStrictEqual(applyWhatIf(spec, { dropoutRate: 0.3 }).spec.layers[1].config, { rate: 0.3 });
  });
});

// The what-if judges "unregularized" on the trainer's spec, the rules on the graph. They
// must not drift: over every model of the examples and the corpus that the trainer can
// build, the what-if changes exactly the layers that *-unregularized report.
describe('applyWhatIf agrees with the *-unregularized rules', () => {
  const UNREGULARIZED_RULES = new Set(['dense-unregularized', 'conv-unregularized', 'recurrent-unregularized']);
  const root = path.resolve(__dirname, '..', '..', '..', '..');
  const files = ['examples', path.join('test', 'corpus')]
    .flatMap((dir) => fs.readdirSync(path.join(root, dir)).filter((f) => /\.[jt]s$/.test(f)).map((f) => path.join(root, dir, f)));

  it('on every buildable model of examples/ and test/corpus/', () => {
    let compared = 0;
    let reported = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const { graph, messages } = lintText(text, file);
      graph.models.forEach((model, modelIndex) => {
        const built = specFromGraph(graph, modelIndex, { text });
        if (!built.ok) return;
        // A finding on a wrapped layer (the LSTM in a bidirectional) is about its wrapper's place in the model.
        const topLevel = (index: number): number => graph.layers[index]!.wrappedBy ?? index;
        const fromRules = new Set(messages
          .filter((m) => UNREGULARIZED_RULES.has(m.ruleId) && m.layer !== undefined && model.layers.includes(topLevel(m.layer)))
          .map((m) => topLevel(m.layer!)));
        // Layers of a nested model (`encoder.apply(x)`) are judged by the rules in their own model.
        const fromWhatIf = new Set(unregularizedLayers(built.spec).map((i) => built.spec.layers[i]!.graphIndex!)
          .filter((i) => model.layers.includes(i)));
        assert.deepStrictEqual([...fromWhatIf].sort(), [...fromRules].sort(), `${path.basename(file)}: model ${model.name}`);
        compared++;
        reported += fromRules.size;
      });
    }
    assert.ok(compared >= 10, `only ${compared} models could be built`);
    assert.ok(reported >= 5, `only ${reported} unregularized layers among them`);
  });
});
