// `reglint train` and train.budgetSeconds / train.seed / train.inputShape of the nearest
// .reglintrc.json, through bin/reglint.js: the config applies when no flag is given, and
// --budget / --seed / --input-shape win over it.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeProject, runReglint } from './runCli';

// No inputShape in the code: the width comes from train.inputShape or --input-shape.
const MODEL = `const tf = require('@tensorflow/tfjs');
const model = tf.sequential();
model.add(tf.layers.dense({units: 8, activation: 'relu'}));
model.add(tf.layers.dense({units: 1}));
model.compile({optimizer: 'adam', loss: 'meanSquaredError'});
`;

interface Out {
  seed: number;
  budgetSeconds: number;
  models: { assumptions?: { key: string; value: unknown }[]; checks: { id: string; metrics?: { initialLoss?: number } }[] }[];
}

describe('reglint train: train.budgetSeconds, train.seed and train.inputShape of .reglintrc.json', function () {
  this.timeout(180_000);

  function train(project: string, ...args: string[]): Out {
    const result = runReglint(['train', 'src/model.js', '--format', 'json', ...args], project);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return JSON.parse(result.stdout) as Out;
  }
  const initialLoss = (o: Out) => o.models[0].checks.find((c) => c.id === 'fit-one-batch')?.metrics?.initialLoss;
  const shape = (o: Out) => o.models[0].assumptions?.find((a) => a.key === 'shape')?.value;

  it('applies them when no flag is given, and the flags win over them', () => {
    const project = makeProject({ 'src/model.js': MODEL });
    writeFileSync(path.join(project, '.reglintrc.json'), JSON.stringify({ train: { budgetSeconds: 2, seed: 5, inputShape: [6] } }));
    const fromConfig = train(project);
    assert.equal(fromConfig.seed, 5);
    assert.equal(fromConfig.budgetSeconds, 2);
    assert.deepEqual(shape(fromConfig), [6]);

    const fromFlags = train(project, '--seed', '1', '--budget', '3', '--input-shape', '4');
    assert.equal(fromFlags.seed, 1);
    assert.equal(fromFlags.budgetSeconds, 3);
    assert.deepEqual(shape(fromFlags), [4]);

    // The seed really reaches the run: config seed 5 trains as --seed 5 without a config does.
    const bare = makeProject({ 'src/model.js': MODEL });
    const seed5 = train(bare, '--seed', '5', '--budget', '2', '--input-shape', '6');
    const seed1 = train(bare, '--seed', '1', '--budget', '2', '--input-shape', '6');
    assert.equal(seed5.seed, 5);
    assert.equal(initialLoss(fromConfig), initialLoss(seed5));
    assert.notEqual(initialLoss(seed5), initialLoss(seed1));
    // Without config or flags: the defaults.
    const defaults = train(bare, '--input-shape', '6');
    assert.equal(defaults.seed, 1);
    assert.equal(defaults.budgetSeconds, 10);
  });
});
