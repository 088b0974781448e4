// `reglint train` as CI runs it (the binary, a model file and its data file): exit 1 only
// when a check fails, i.e. the model is broken; a healthy model on noisy data exits 0,
// also when a check warns. Issue 14's two-moons MLP was a red build before.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { GENERATED_TABLES, sample, toCsv } from '../../bench/calibration/datasets';
import { makeProject, runReglint } from './runCli';

const model = (name: string, output: string, loss: string) => `import * as tf from '@tensorflow/tfjs';

export const ${name} = tf.sequential();
${name}.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [2]}));
${name}.add(tf.layers.dense({${output}}));
${name}.compile({optimizer: 'adam', loss: '${loss}'});
`;

describe('reglint train exit codes', function () {
  this.timeout(120_000);
  let project: string;
  before(() => {
    project = makeProject({
      'moons.ts': model('moons', `units: 1, activation: 'sigmoid'`, 'binaryCrossentropy'),
      'logits.ts': model('logits', 'units: 1', 'binaryCrossentropy'),
      'moons.csv': toCsv(sample(GENERATED_TABLES['two-moons']!(14), 200, 14)),
    });
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it('a healthy model on noisy data exits 0, whatever it warns about', () => {
    const r = runReglint(['train', 'moons.ts', '--data', 'moons.csv', '--budget', '15', '--format', 'json'], project);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const checks = (JSON.parse(r.stdout) as { models: { checks: { id: string; verdict: string }[] }[] }).models[0]!.checks;
    assert.deepEqual(checks.filter(c => c.verdict === 'fail'), []);
    assert.deepEqual(checks.map(c => c.id).sort(),
      ['dead-relu', 'divergence', 'fit-one-batch', 'generalization-gap', 'memorization', 'underfitting', 'what-if']);
  });

  it('a broken model (linear output under binaryCrossentropy) exits 1 and says why', () => {
    const r = runReglint(['train', 'logits.ts', '--data', 'moons.csv', '--budget', '15'], project);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /FAIL {2}fit-one-batch: broken output\/loss pairing: binaryCrossentropy expects probabilities, but the output activation is linear/);
  });
});
