// Imports of the workspace's own modules, in the analysis: a constant and a helper that
// builds a layer from another file, a base class from another file; what cannot be followed
// (no such file, beyond the depth) stays unknown and the graph says which import that is.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/analysis';
import { lintText } from '../../server/src/lint/lintText';
import { WorkspaceModules } from '../../server/src/project/workspaceModules';

const CONFIG = `export const NUM_FEATURES = 13;\nexport const HIDDEN = 64;\n`;
const BLOCKS = `import * as tf from '@tensorflow/tfjs';
export function hiddenLayer(units) {
  return tf.layers.dense({units, activation: 'relu'});
}
`;
const BASE = `import * as tf from '@tensorflow/tfjs';
export class BaseNet {
  constructor() {
    this.model = tf.sequential();
    this.model.add(tf.layers.dense({units: 32, inputShape: [4], activation: 'relu'}));
  }
}
`;
const MODEL = `import * as tf from '@tensorflow/tfjs';
import {NUM_FEATURES, HIDDEN} from './config';
import {hiddenLayer} from './blocks';
import {MISSING} from './nowhere';

export const model = tf.sequential();
model.add(tf.layers.dense({units: HIDDEN, inputShape: [NUM_FEATURES], activation: 'relu'}));
model.add(hiddenLayer(HIDDEN));
model.add(tf.layers.dense({units: MISSING}));
`;

describe('analysis: imports of the workspace\'s own modules', () => {
  let root: string;
  const file = (name: string) => path.join(root, name);
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'reglint-crossfile-'));
    writeFileSync(file('config.ts'), CONFIG);
    writeFileSync(file('blocks.js'), BLOCKS);
    writeFileSync(file('base.js'), BASE);
    writeFileSync(file('model.ts'), MODEL);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const value = (config: unknown) => JSON.stringify(config);

  it('reads a constant from another file and finds the layer a helper there builds', () => {
    const modules = new WorkspaceModules({ roots: [root], depth: 1 });
    const graph = analyzeText(MODEL, file('model.ts'), { modules });
    const model = graph.models.find((m) => m.name === 'model');
    assert.ok(model);
    assert.deepEqual(graph.layers.map((l) => l.kind), ['dense', 'dense', 'dense']);
    const [first, helper, last] = graph.layers;
    assert.match(value(first.config), /"units":64/);
    assert.match(value(first.config), /"inputShape":\[13\]/);
    assert.equal(helper.origin?.file, file('blocks.js'), 'the helper\'s layer says where it is built');
    assert.match(value(helper.config), /"units":64/, 'the caller\'s argument reaches the helper');
    assert.doesNotMatch(value(last.config), /"units":\d/, 'an unresolved import stays unknown');
    const notes = graph.imports ?? [];
    assert.deepEqual(notes.map((n) => [n.specifier, n.status]).sort(), [['./blocks', 'followed'], ['./config', 'followed'], ['./nowhere', 'unresolved']]);
  });

  it('single-file (depth 0): the imported values are unknown, and the helper\'s layer is not guessed', () => {
    const modules = new WorkspaceModules({ roots: [root], depth: 0 });
    const graph = analyzeText(MODEL, file('model.ts'), { modules });
    assert.doesNotMatch(value(graph.layers[0].config), /"units":64/);
    assert.ok((graph.imports ?? []).every((n) => n.status !== 'followed'));
  });

  it('a base class in another file: the subclass\'s added layer follows the base\'s', () => {
    const sub = `import * as tf from '@tensorflow/tfjs';
import {BaseNet} from './base';
export class Net extends BaseNet {
  constructor() {
    super();
    this.model.add(tf.layers.dense({units: 1}));
  }
}
`;
    writeFileSync(file('net.js'), sub);
    const modules = new WorkspaceModules({ roots: [root], depth: 1 });
    const graph = analyzeText(sub, file('net.js'), { modules });
    assert.deepEqual(graph.layers.map((l) => [l.kind, l.origin ? path.basename(l.origin.file) : 'here']), [['dense', 'base.js'], ['dense', 'here']]);
  });

  it('after invalidate, an edit to the imported file is seen', () => {
    const modules = new WorkspaceModules({ roots: [root], depth: 1 });
    assert.match(value(analyzeText(MODEL, file('model.ts'), { modules }).layers[0].config), /"units":64/);
    writeFileSync(file('config.ts'), CONFIG.replace('64', '96'));
    assert.match(value(analyzeText(MODEL, file('model.ts'), { modules }).layers[0].config), /"units":64/, 'cached until told');
    modules.invalidate(file('config.ts'));
    assert.match(value(analyzeText(MODEL, file('model.ts'), { modules }).layers[0].config), /"units":96/);
    assert.ok(lintText(MODEL, file('model.ts'), { crossFile: modules }).messages.length > 0);
  });
});
