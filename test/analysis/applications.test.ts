// The graph fields the trainer rebuilds DAGs from: every application of a layer (shared
// layers have several, each consumer names which one it reads), how many times a layer
// call was evaluated (loops and helpers build several tfjs layers from one call site), and
// a functional model's inputs and outputs in the order written.
import * as assert from 'node:assert/strict';
import { analyzeText, type LayerNode, type ModelGraph } from '../../server/src/analysis';

const HEAD = `import * as tf from '@tensorflow/tfjs';\n`;

function graphOf(src: string): ModelGraph {
  const graph = analyzeText(HEAD + src, 'model.ts');
  assert.equal(graph.fatal, undefined);
  return graph;
}

function byLine(graph: ModelGraph, text: string, needle: string): LayerNode {
  const at = (HEAD + text).indexOf(needle);
  const layer = graph.layers.find((l) => l.span.start <= at && at < l.span.end);
  assert.ok(layer, `no layer at ${needle}`);
  return layer;
}

describe('analysis: applications, creations, model inputs and outputs', () => {
  it('records each application of a shared layer and which one a consumer reads', () => {
    const src = `
const a = tf.input({shape: [8]});
const b = tf.input({shape: [8]});
const enc = tf.layers.dense({units: 4});
const ea = enc.apply(a);
const eb = enc.apply(b);
const d = tf.layers.dot({axes: -1}).apply([ea, eb]);
const m = tf.model({inputs: [b, a], outputs: d});
`;
    const g = graphOf(src);
    const enc = byLine(g, src, 'dense');
    assert.deepEqual(enc.applications, [[{ kind: 'input', index: 0 }], [{ kind: 'input', index: 1 }]]);
    assert.equal(enc.applyArgs, 'unknown', 'applyArgs keeps its one-application meaning');
    assert.equal(enc.created, 1);
    const dot = byLine(g, src, 'dot');
    assert.deepEqual(dot.applications, [[{ kind: 'layer', index: enc.index, node: 0 }, { kind: 'layer', index: enc.index, node: 1 }]]);
    assert.deepEqual(dot.applyArgs, [{ kind: 'layer', index: enc.index }, { kind: 'layer', index: enc.index }]);
    assert.deepEqual(g.models[0].inputs, [{ kind: 'input', index: 1 }, { kind: 'input', index: 0 }], 'inputs in the order written');
    assert.deepEqual(g.models[0].outputs, [{ kind: 'layer', index: dot.index, node: 0 }]);
  });

  it('a helper called twice builds a layer per call; a known loop is unrolled', () => {
    const src = `
function block(x, units) { return tf.layers.dense({units}).apply(x); }
const input = tf.input({shape: [8]});
let h = block(input, 16);
h = block(h, 8);
for (let i = 0; i < 3; i++) h = tf.layers.dropout({rate: 0.1}).apply(h);
const m = tf.model({inputs: input, outputs: h});
`;
    const g = graphOf(src);
    // Each call of the helper is a context of its own (the analysis since cross-file work): one node per call.
    const denses = g.layers.filter((l) => l.factory === 'dense');
    assert.equal(denses.length, 2);
    assert.deepEqual(denses.map((d) => [d.created, d.applications?.length]), [[1, 1], [1, 1]]);
    // A loop with a known count is unrolled: a layer per iteration, each created once.
    const dropouts = g.layers.filter((l) => l.factory === 'dropout');
    assert.deepEqual(dropouts.map((d) => d.created), [1, 1, 1]);
  });

  it('a layer written once and applied once has one creation and one application', () => {
    const src = `
const input = tf.input({shape: [8]});
const out = tf.layers.dense({units: 1}).apply(input);
const m = tf.model({inputs: input, outputs: [out]});
`;
    const g = graphOf(src);
    const dense = byLine(g, src, 'dense');
    assert.equal(dense.created, 1);
    assert.deepEqual(dense.applications, [[{ kind: 'input', index: 0 }]]);
    assert.deepEqual(g.models[0].outputs, [{ kind: 'layer', index: dense.index, node: 0 }]);
  });
});
