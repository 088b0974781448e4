// Builder mode calls the model's own builder with the arguments its call site passes, or
// with the values static mode assumed; and re-trains what it builds, DAGs included.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeText } from '../analysis';
import { assumedByExpression } from './assumptions';
import { builderCall } from './builderArgs';
import { specFromGraph } from './specFromGraph';
import { runSanityTrain } from './runner';

const HEAD = `import * as tf from '@tensorflow/tfjs';\n`;

function callFor(src: string, assumed = {}) {
  const text = HEAD + src;
  const graph = analyzeText(text, 'm.ts');
  return builderCall(text, 'm.ts', graph.models[0].span.start, assumed);
}

describe('builder mode: the builder and its arguments', () => {
  it('takes the arguments a call site in the file passes (literals and consts)', () => {
    const call = callFor(`
const FEATURES = 12;
function createModel(numFeatures, hidden, opts) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: hidden, inputShape: [numFeatures]}));
  return model;
}
document.getElementById('go').onclick = () => train(createModel(FEATURES, 64, {lr: 0.1}));
`);
    assert.ok(call);
    assert.strictEqual(call.name, 'createModel');
    assert.deepStrictEqual(call.args, [12, 64, { lr: 0.1 }]);
    assert.deepStrictEqual(call.params.map((p) => p.from), ['as called at line 9', 'as called at line 9', 'as called at line 9']);
  });

  it('falls back to the values static mode assumed, by parameter name (plain, destructured, or an options object)', () => {
    const src = `
export const build = ({units, dim}, cfg, rate = 0.3) => {
  const model = tf.sequential();
  model.add(tf.layers.dense({units, inputShape: [dim]}));
  model.add(tf.layers.dense({units: cfg.out}));
  return model;
};`;
    const text = HEAD + src;
    const spec = specFromGraph(analyzeText(text, 'm.ts'), 0, { text });
    assert.ok(spec.ok);
    const assumed = assumedByExpression(spec.spec.assumptions);
    assert.deepStrictEqual(assumed, { units: 32, 'cfg.out': 1, dim: 16 });
    const call = callFor(src, assumed)!;
    assert.deepStrictEqual(call.args, [{ units: 32, dim: 16 }, { out: 1 }, undefined]);
    assert.deepStrictEqual(call.params.map((p) => p.from), ['the value static mode assumes', 'the value static mode assumes', 'its default']);
  });

  it('no named top-level function around the model: no builder call', () => {
    assert.strictEqual(callFor(`const model = tf.sequential();`), undefined);
  });
});

describe('builder mode: a builder with arguments, never called at top level (real tfjs)', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-builder-args-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('calls it with its call site\'s arguments and re-trains the DAG it builds', async () => {
    const file = path.join(dir, 'resnet.ts');
    const text = [
      HEAD.trim(),
      `function regularizerFor(kind: string) { return kind === 'l2' ? tf.regularizers.l2({l2: 1e-4}) : undefined; }`,
      `function residualNet(width: number, blocks: number, kind: string) {`,
      `  const input = tf.input({shape: [width]});`,
      `  let x: tf.SymbolicTensor = input;`,
      `  for (let i = 0; i < blocks; i++) {`,
      `    const h = tf.layers.dense({units: width, activation: 'relu', kernelRegularizer: regularizerFor(kind)}).apply(x) as tf.SymbolicTensor;`,
      `    x = tf.layers.add().apply([x, h]) as tf.SymbolicTensor;`,
      `  }`,
      `  return tf.model({inputs: input, outputs: tf.layers.dense({units: 1}).apply(x) as tf.SymbolicTensor});`,
      `}`,
      `export function start() { return residualNet(6, 3, 'none'); }`,
    ].join('\n');
    fs.writeFileSync(file, text);
    const graph = analyzeText(text, file);
    const model = graph.models.find((m) => m.name === 'residualNet')!;
    const spec = specFromGraph(graph, model.index, { text });
    assert.ok(!spec.ok, 'static mode cannot build it (a loop, an unknown regularizer)');
    const r = await runSanityTrain({
      builder: { fileName: file, text, modelName: model.name, at: model.span.start, assumed: assumedByExpression(spec.assumptions) },
      trusted: true, budgetSeconds: 40, jobs: ['baseline'],
    });
    assert.strictEqual(r.built, 'builder', r.reason);
    assert.deepStrictEqual(r.assumptions?.map((a) => [a.layer, a.key, a.value, a.source]), [
      ['residualNet', 'width', 6, 'code'], ['residualNet', 'blocks', 3, 'code'], ['residualNet', 'kind', 'none', 'code'],
    ]);
    assert.ok(r.checks.length > 0);
  });
});
