// `reglint train` and the data a model trains on, through bin/reglint.js: train.data of the
// nearest .reglintrc.json when --data is not given (and the output says which file and
// config), --data over it, "synthetic" in the config, a broken config refused; without data,
// the data files the code reads are named with the exact --data command, which then works.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeProject, runReglint } from './runCli';

const MODEL = `import * as tf from '@tensorflow/tfjs-node';
import * as path from 'path';

const rows = tf.data.csv('file://' + path.join(__dirname, 'data', 'points.csv'));

export const mlp = tf.sequential();
mlp.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [2]}));
mlp.add(tf.layers.dense({units: 1}));
mlp.compile({optimizer: 'adam', loss: 'meanSquaredError'});
`;

/** `rows` rows of x1, x2 → y (a smooth function plus a little noise). */
function points(rows: number, columns = ['x1', 'x2', 'y']): string {
  let text = `${columns.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const a = Math.sin(i), b = Math.cos(i * 1.3);
    text += `${a.toFixed(3)},${b.toFixed(3)},${(2 * a - b + 0.1 * Math.sin(i * 7)).toFixed(3)}\n`;
  }
  return text;
}

interface TrainJson {
  models: { name: string; built: string; data?: { file: string; rows: number; label: string; features: string[] }; dataFrom?: { source: string; configFile?: string; file?: string } }[];
  detectedData?: { file: string; how: string; line: number; label: string; labelFrom: string; command: string }[];
}

describe('reglint train: which data (binary)', function () {
  this.timeout(120_000);
  let project: string;
  beforeEach(() => {
    project = makeProject({ 'src/model.ts': MODEL, 'src/data/points.csv': points(64), 'other.csv': points(40, ['a', 'b', 'target']) });
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  /** Exit 0 or 1 (the verdicts decide which; that is the checks' business), never 2. */
  const train = (...args: string[]) => {
    const result = runReglint(['train', 'src/model.ts', '--budget', '8', ...args], project);
    if (result.status === 0 || result.status === 1) result.status = 0;
    return result;
  };

  it("uses the .reglintrc.json train.data entry for the model, and says which file and config", () => {
    writeFileSync(path.join(project, '.reglintrc.json'),
      '{\n  // data per model\n  "train": {"data": [{"files": "src/*.ts", "model": "mlp", "file": "src/data/points.csv", "label": "y"}]}\n}\n');
    const text = train();
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^ {2}data: src\/data\/points\.csv \(train\.data in \.reglintrc\.json\), 64 rows \(48 train, 16 validation\), 2 feature columns, label y$/m);
    assert.match(text.stderr, /training mlp \(line 6\) on src\/data\/points\.csv/);
    assert.doesNotMatch(text.stdout, /trained on synthetic data/);

    const json = JSON.parse(train('--format', 'json').stdout) as TrainJson;
    const [m] = json.models;
    assert.equal(m.data?.file, path.join(project, 'src', 'data', 'points.csv'));
    assert.deepEqual(m.data?.features, ['x1', 'x2']);
    assert.deepEqual(m.dataFrom, { source: 'reglintrc', configFile: path.join(project, '.reglintrc.json'), file: path.join(project, 'src', 'data', 'points.csv') });

    // --data wins over the config; --label applies to the config's data too.
    const option = JSON.parse(train('--format', 'json', '--data', 'other.csv').stdout) as TrainJson;
    assert.equal(option.models[0].data?.file, path.join(project, 'other.csv'));
    assert.deepEqual(option.models[0].dataFrom, { source: 'option' });
    const relabelled = train('--format', 'json', '--label', 'x1', '--features', 'x2,y');
    assert.equal((JSON.parse(relabelled.stdout) as TrainJson).models[0].data?.label, 'x1', relabelled.stderr);
  });

  it('"synthetic" in train.data is respected, and then no data is suggested', () => {
    writeFileSync(path.join(project, '.reglintrc.json'), '{"train": {"data": "synthetic"}}');
    const text = train();
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^ {2}data: synthetic \(train\.data in \.reglintrc\.json\)$/m);
    assert.doesNotMatch(text.stdout, /--data/);
  });

  it('without data: names the file the code reads and the exact command, which then trains on it', () => {
    const text = train();
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /mlp trained on synthetic data, which cannot tell whether it overfits your data\./);
    const command = /^ {2}(reglint train .*?) {4}# tf\.data\.csv, line 4$/m.exec(text.stdout)?.[1];
    assert.equal(command, 'reglint train src/model.ts --data src/data/points.csv --label y', text.stdout);
    assert.match(text.stdout, /"train": \{"data": \[\{"files": "src\/model\.ts", "file": "src\/data\/points\.csv", "label": "y"\}\]\}/);

    const json = JSON.parse(train('--format', 'json').stdout) as TrainJson;
    assert.equal(json.models[0].data, undefined, 'never used without being asked');
    assert.deepEqual(json.detectedData?.map(d => [d.file, d.how, d.line, d.label, d.labelFrom]),
      [[path.join(project, 'src', 'data', 'points.csv'), 'tf.data.csv', 4, 'y', 'last column']]);

    const suggested = runReglint([...command!.split(' ').slice(1), '--budget', '8', '--format', 'json'], project);
    assert.ok(suggested.status === 0 || suggested.status === 1, suggested.stderr);
    assert.equal((JSON.parse(suggested.stdout) as TrainJson).models[0].data?.rows, 64);
  });

  it('a file the code reads that is not a table is not suggested; nothing read, nothing said', () => {
    writeFileSync(path.join(project, 'src', 'model.ts'), MODEL.replace("tf.data.csv('file://' + path.join(__dirname, 'data', 'points.csv'))", "require('./settings.json')"));
    writeFileSync(path.join(project, 'src', 'settings.json'), '{"epochs": 10}');
    const text = train();
    assert.equal(text.status, 0, text.stderr);
    assert.doesNotMatch(text.stdout, /synthetic data, which cannot tell/);
    assert.equal((JSON.parse(train('--format', 'json').stdout) as TrainJson).detectedData, undefined);
  });

  it('an invalid .reglintrc.json stops the run with its problems (exit 2); --label without any data is a usage error', () => {
    writeFileSync(path.join(project, '.reglintrc.json'), '{"train": {"data": [{"file": "x.csv", "lable": "y"}]}}');
    const broken = train();
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^reglint train: Invalid configuration in .*\.reglintrc\.json:\n {2}1:39 {2}Unknown setting "train\.data\.0\.lable"\. Known keys of "train\.data\.0": files, model, file, label, features\.\n$/);
    rmSync(path.join(project, '.reglintrc.json'));
    const usage = train('--label', 'y');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--features and --label need --data <file> \(or train\.data in \.reglintrc\.json\)/);
  });
});
