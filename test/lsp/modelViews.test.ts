// The model views over stdio: textDocument/documentSymbol (each model with its layers,
// "output shape · params") and textDocument/hover on a layer call (shape, params,
// regularization verdict, rule doc link). Shapes and counts are those tfjs's
// model.summary() prints for the same models (the summary's own tests check tfjs itself).
import * as assert from 'node:assert/strict';
import type { DocumentSymbol, Hover, MarkupContent, Position } from 'vscode-languageserver';
import { ruleDocUrl } from '../../server/src/docs/docLinks';
import { LspSession } from './lspSession';

const MLP = `import * as tf from '@tensorflow/tfjs';

const classifier = tf.sequential();
classifier.add(tf.layers.dense({units: 256, activation: 'relu', inputShape: [784]}));
classifier.add(tf.layers.dropout({rate: 0.5}));
classifier.add(tf.layers.dense({units: 128, activation: 'relu'}));
classifier.add(tf.layers.dense({units: 10, activation: 'softmax', name: 'probs'}));
`;

const CONVNET = `import * as tf from '@tensorflow/tfjs';

const input = tf.input({shape: [28, 28, 1]});
const conv = tf.layers.conv2d({filters: 8, kernelSize: 5, kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}).apply(input) as tf.SymbolicTensor;
const flat = tf.layers.flatten().apply(conv) as tf.SymbolicTensor;
const out = tf.layers.dense({units: 10}).apply(flat) as tf.SymbolicTensor;
export const convnet = tf.model({inputs: input, outputs: out});
`;

const UNKNOWN_INPUT = `import * as tf from '@tensorflow/tfjs';

export function head(base: tf.Sequential, units: number) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units, inputShape: base.outputShape.slice(1) as number[]}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
`;

function positionOf(text: string, needle: string, occurrence = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} in text`);
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return { line, character: index - (before.lastIndexOf('\n') + 1) };
}

describe('model views over stdio', function () {
  this.timeout(30_000);
  let session: LspSession;
  beforeEach(async () => {
    session = await LspSession.start();
  });
  afterEach(async () => {
    assert.deepEqual(session.protocolErrors, []);
    await session.dispose();
  });

  async function symbols(uri: string, text: string): Promise<DocumentSymbol[]> {
    await session.open(uri, text);
    return (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
  }

  async function hover(uri: string, position: Position): Promise<Hover | null> {
    return (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  }

  it('advertises document symbols and hover', () => {
    const { capabilities } = session.initializeResult;
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.hoverProvider, true);
  });

  it('outlines a sequential model like model.summary()', async () => {
    const [model, ...rest] = await symbols('file:///work/mlp.ts', MLP);
    assert.equal(rest.length, 0);
    assert.equal(model!.name, 'classifier');
    assert.equal(model!.detail, 'sequential · 235146 params');
    assert.deepEqual(
      model!.children!.map((c) => [c.name, c.detail]),
      [
        ['dense_1', '[null,256] · 200960 params'],
        ['dropout_1', '[null,256] · 0 params'],
        ['dense_2', '[null,128] · 32896 params'],
        ['probs (dense)', '[null,10] · 1290 params'],
      ],
    );
    // The model's range covers its layers; each layer's selection is its factory name.
    const first = model!.children![0]!;
    assert.deepEqual(first.selectionRange.start, positionOf(MLP, 'dense'));
    assert.ok(model!.range.end.line >= model!.children![3]!.range.end.line);
  });

  it('outlines a functional model', async () => {
    const [model] = await symbols('file:///work/convnet.ts', CONVNET);
    assert.equal(model!.name, 'convnet');
    assert.equal(model!.detail, 'functional · 46298 params');
    assert.deepEqual(
      model!.children!.map((c) => c.detail),
      ['[null,24,24,8] · 208 params', '[null,4608] · 0 params', '[null,10] · 46090 params'],
    );
  });

  it('says unknown where a shape cannot be known statically', async () => {
    const [model] = await symbols('file:///work/unknown.ts', UNKNOWN_INPUT);
    assert.equal(model!.children![0]!.detail, 'unknown · unknown params');
    assert.match(model!.detail!, /unknown params/);
  });

  it('gives no symbols for a file without tfjs', async () => {
    assert.equal(await symbols('file:///work/plain.ts', 'export const x = 1;\n'), null);
  });

  it('hovers a layer with shape, params, verdict and rule link', async () => {
    const uri = 'file:///work/hover.ts';
    await session.open(uri, MLP);
    const unregularized = await hover(uri, positionOf(MLP, 'dense', 1)); // dense_2 (128): only the output layer after it
    const text = (unregularized!.contents as MarkupContent).value;
    assert.match(text, /\*\*dense_2\*\* · `tf\.layers\.dense` · layer 3 of 4 in `classifier`/);
    assert.match(text, /Output shape `\[null,128\]` · 32896 params/);
    assert.match(text, /Regularization: \*\*none\*\*: no regularizer, and no dropout or batch normalization follows it/);
    assert.ok(text.includes(`[dense-unregularized](${ruleDocUrl('dense-unregularized')})`));
    assert.deepEqual(unregularized!.range!.end, { ...positionOf(MLP, 'dense', 1), character: positionOf(MLP, 'dense', 1).character + 5 });

    const followed = (await hover(uri, positionOf(MLP, 'layers.dense', 0)))!.contents as MarkupContent;
    assert.match(followed.value, /Regularization: \*\*regularized\*\*: dropout follows it/);

    const output = (await hover(uri, positionOf(MLP, 'dense', 2)))!.contents as MarkupContent;
    assert.match(output.value, /Regularization: not needed: it is the model's output layer/);

    const dropout = (await hover(uri, positionOf(MLP, 'dropout')))!.contents as MarkupContent;
    assert.match(dropout.value, /Output shape `\[null,256\]` · 0 params/);
    assert.doesNotMatch(dropout.value, /Regularization/);
  });

  it('hovers nothing away from layer calls', async () => {
    const uri = 'file:///work/hover-none.ts';
    await session.open(uri, MLP);
    assert.equal(await hover(uri, positionOf(MLP, 'units: 256')), null);
    assert.equal(await hover(uri, { line: 0, character: 3 }), null);
  });

  it('stays quiet when reglint is disabled', async () => {
    session.settings = { enable: false };
    await session.changeSettings({ enable: false });
    const uri = 'file:///work/disabled.ts';
    await session.open(uri, MLP);
    assert.equal(await hover(uri, positionOf(MLP, 'dense')), null);
    assert.equal(await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), null);
  });
});
