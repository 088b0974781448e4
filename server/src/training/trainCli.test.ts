// `reglint train`: the JSON shape of the issue, exit codes, and no code execution
// without --trust.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTrainCli, type TrainJson } from '../cli/train';

function capture(cwd: string) {
  const out: string[] = [], err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, cwd, color: false },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('reglint train (CLI)', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-train-cli-'));
    fs.writeFileSync(path.join(dir, 'ok.ts'), [
      `import * as tf from '@tensorflow/tfjs';`,
      `export function build() {`,
      `  const model = tf.sequential();`,
      `  model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));`,
      `  model.add(tf.layers.dense({units: 3, activation: 'softmax'}));`,
      `  model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      `  return model;`,
      `}`,
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'broken.ts'), [
      `import * as tf from '@tensorflow/tfjs';`,
      `const broken = tf.sequential();`,
      `broken.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));`,
      `broken.add(tf.layers.dense({units: 1, activation: 'softmax'}));`,
      `broken.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'dynamic.ts'), [
      `import * as tf from '@tensorflow/tfjs';`,
      `require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'ran.marker'))}, 'x');`,
      `const dyn = tf.sequential();`,
      `dyn.add(tf.layers.dense(JSON.parse('{"units": 4, "inputShape": [3]}')));`,
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'params.ts'), [
      `import * as tf from '@tensorflow/tfjs';`,
      `export function build(numFeatures: number, hidden: number) {`,
      `  const model = tf.sequential();`,
      `  model.add(tf.layers.dense({units: hidden, activation: 'relu', inputShape: [numFeatures], kernelInitializer: initFor(hidden)}));`,
      `  model.add(tf.layers.dense({units: 1}));`,
      `  return model;`,
      `}`,
    ].join('\n'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the issue\'s JSON shape and exits 0 when no check fails', async () => {
    const c = capture(dir);
    const code = await runTrainCli(['ok.ts', '--format', 'json', '--seed', '2', '--budget', '30'], c.io);
    const json = JSON.parse(c.out()) as TrainJson;
    assert.strictEqual(code, 0, c.err());
    assert.strictEqual(json.filePath, path.join(dir, 'ok.ts'));
    assert.strictEqual(json.models.length, 1);
    const m = json.models[0];
    assert.deepStrictEqual([m.name, m.line, m.built], ['model', 3, 'static']);
    assert.deepStrictEqual(m.checks.map((x) => x.id), ['fit-one-batch', 'generalization-gap', 'underfitting', 'memorization', 'what-if', 'divergence', 'dead-relu']);
    for (const x of m.checks) {
      assert.ok(['pass', 'warn', 'fail', 'inconclusive', 'skipped'].includes(x.verdict));
      assert.strictEqual(typeof x.message, 'string');
      assert.strictEqual(typeof x.metrics, 'object');
    }
    // No data file: the overfitting verdict says it needs data, in JSON as in text.
    assert.strictEqual(m.checks[1].verdict, 'skipped');
    assert.match(m.checks[1].message, /^needs your data/);
    assert.strictEqual(m.seeds, 1);
    assert.strictEqual(m.budgetSeconds, 30);
  });

  it('with --data: the outcome, its seeds and the measured remedies, in JSON and in text', async () => {
    const rows = ['a,b,c,d,e,f,g,h,y'];
    for (let i = 0; i < 90; i++) {
      const x = Array.from({ length: 8 }, (_, j) => Math.sin(i * (0.37 + 0.11 * j) + j));
      rows.push([...x.map((v) => v.toFixed(3)), String(x[0] + x[1] > 0.5 ? 2 : x[0] + x[1] > -0.5 ? 1 : 0)].join(','));
    }
    fs.writeFileSync(path.join(dir, 'rows.csv'), rows.join('\n'));
    const c = capture(dir);
    const code = await runTrainCli(['ok.ts', '--format', 'json', '--data', 'rows.csv', '--budget', '60'], c.io);
    const m = (JSON.parse(c.out()) as TrainJson).models[0];
    // Exit 1 only for a failing check (warnings and inconclusive answers do not count).
    assert.strictEqual(code, m.checks.some((x) => x.verdict === 'fail') ? 1 : 0, c.err());
    assert.strictEqual(m.seeds, 3);
    const gap = m.checks.find((x) => x.id === 'generalization-gap')!;
    assert.ok(['overfits', 'fits', 'underfits', 'inconclusive'].includes(gap.outcome!), gap.message);
    assert.ok(m.checks.find((x) => x.id === 'what-if')!.remedies!.length >= 2);
    const t = capture(dir);
    await runTrainCli(['ok.ts', '--data', 'rows.csv', '--budget', '60'], t.io);
    assert.match(t.out(), new RegExp(`generalization-gap \\[${gap.outcome}\\]: `));
    assert.match(t.out(), /data: rows\.csv, 90 rows \(67 train, 23 validation per seed\)/);
    assert.match(t.out(), /curves \(seed 1, every [\d.]+ epochs\):/);
  });

  it('exits 1 when a check fails, and prints text by default', async () => {
    const c = capture(dir);
    const code = await runTrainCli(['broken.ts', '--budget', '20'], c.io);
    assert.strictEqual(code, 1);
    assert.match(c.out(), /FAIL {2}fit-one-batch: broken output\/loss pairing: categoricalCrossentropy over a single output unit is always 0/);
  });

  it('does not run the file without --trust, and says why the model was not built', async () => {
    const c = capture(dir);
    const code = await runTrainCli(['dynamic.ts', '--format', 'json'], c.io);
    const m = (JSON.parse(c.out()) as TrainJson).models[0];
    assert.strictEqual(code, 0);
    assert.strictEqual(m.built, 'failed');
    assert.match(m.reason!, /^dense_1 \(tf\.layers\.dense, line 4\): its config `JSON\.parse\('\{"units": 4, "inputShape": \[3\]\}'\)` is not an object the analysis can read \(run with --trust/);
    assert.ok(!fs.existsSync(path.join(dir, 'ran.marker')));
  });

  it('trains a model whose widths are parameters, listing every assumption; --set gives the real values', async () => {
    const c = capture(dir);
    assert.strictEqual(await runTrainCli(['params.ts', '--format', 'json', '--budget', '20', '--set', 'dense_1.units=24'], c.io), 0, c.err());
    const m = (JSON.parse(c.out()) as TrainJson).models[0];
    assert.strictEqual(m.built, 'static');
    assert.deepStrictEqual(m.assumptions?.map((a) => [a.layer, a.key, a.value, a.source]), [['dense_1', 'units', 24, 'user'], ['input_1', 'shape', [16], 'default']]);
    assert.deepStrictEqual(m.dropped?.map((d) => [d.layer, d.key, d.expression]), [['dense_1', 'kernelInitializer', 'initFor(hidden)']]);
    assert.ok(m.checks.some((x) => x.verdict !== 'skipped'), 'it trained');

    const t = capture(dir);
    await runTrainCli(['params.ts', '--budget', '20', '--set', 'input_1.shape=5', '--set', 'dense_7.units=3'], t.io);
    assert.match(t.out(), /assumed: dense_1\.units = 32 \(default, line 4\): `hidden` is not known without running the code/);
    assert.match(t.out(), /assumed: input_1\.shape = \[5\] \(given, line 4\)/);
    assert.match(t.out(), /dropped: dense_1\.kernelInitializer \(`initFor\(hidden\)`, line 4\) left out: it does not change what the sanity-train measures/);
    assert.match(t.err(), /--set dense_7\.units matched no value the code leaves open/);
  });

  it('reports usage errors with exit code 2', async () => {
    for (const argv of [[], ['a.ts', 'b.ts'], ['ok.ts', '--format', 'xml'], ['ok.ts', '--budget', '-1'], ['ok.ts', '--samples', '3'], ['ok.ts', '--samples', '1.5'], ['missing.ts'], ['ok.ts', '--model', 'nope'], ['ok.ts', '--set', 'units=3']]) {
      const c = capture(dir);
      assert.strictEqual(await runTrainCli(argv, c.io), 2, argv.join(' '));
    }
  });
});
