// reglint --cross-file (the binary): an imported constant reaches the importing file's
// findings; without the flag each file is analysed alone and the imported value stays
// unknown (no finding guessed); an import that cannot be resolved is said to be, not guessed.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { makeProject, runReglint } from './runCli';

const MODEL = `import * as tf from '@tensorflow/tfjs';
import {DROPOUT_RATE} from './config';
import {HIDDEN} from './missing-module';

export function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 32, inputShape: [8], activation: 'relu'}));
  model.add(tf.layers.dropout({rate: DROPOUT_RATE}));
  model.add(tf.layers.dense({units: HIDDEN, activation: 'relu'}));
  model.add(tf.layers.dropout({rate: 0.3}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
`;

interface JsonFile { messages: { ruleId: string; line: number; column: number }[] }

describe('reglint --cross-file (binary)', function () {
  this.timeout(60_000);
  let project: string;
  beforeEach(() => {
    project = makeProject({ 'src/model.ts': MODEL, 'src/config.ts': 'export const DROPOUT_RATE = 1.5;\n' });
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  const rules = (args: string[]) => {
    const result = runReglint(['--format', 'json', ...args, 'src/model.ts'], project);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return (JSON.parse(result.stdout) as JsonFile[])[0]!.messages.map((m) => `${m.ruleId}@${m.line}`);
  };

  it('follows the import with --cross-file, and analyses the file alone without it', () => {
    assert.ok(rules(['--cross-file']).includes('dropout-rate-invalid@8'));
    assert.ok(!rules([]).some((r) => r.startsWith('dropout-rate-invalid')));
    assert.ok(!rules(['--cross-file-depth', '0']).some((r) => r.startsWith('dropout-rate-invalid')));
  });

  it('refuses --cache with --cross-file, and a bad depth, with a usage error', () => {
    const both = runReglint(['--cross-file', '--cache', 'src/model.ts'], project);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--cross-file and --cache cannot be combined/);
    const bad = runReglint(['--cross-file-depth', '7', 'src/model.ts'], project);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--cross-file-depth expects 0, 1, 2 or 3/);
  });
});
