// User data: CSV/JSON parsing, column selection, label encoding and the errors that name
// what does not fit; and `reglint train --data` end to end on a small CSV.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTrainCli, type TrainJson } from '../cli/train';
import { labelLayers, layer, type ModelSpec } from './modelSpec';
import { inferTask, type Task } from './task';
import { parseCsv, readUserTable, userDatasets } from './userData';

function spec(inputShape: number[], units: number, activation: string): ModelSpec {
  return {
    name: 'm', style: 'sequential-add', inputShape, inputDtype: 'float32',
    layers: labelLayers([layer('dense', { units: 8, activation: 'relu' }), layer('dense', { units, activation })]),
  };
}
const task = (s: ModelSpec, units: number) => inferTask(s, units) as Task;

function clusters(rows: number): string {
  const lines = ['id,x1,x2,x3,cls'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${(i % 2) + (i % 7) / 10},${-(i % 2) + (i % 5) / 10},${(i % 3) / 3},${i % 2 ? 'yes' : 'no'}`);
  return lines.join('\n') + '\n';
}

describe('user data (reglint.train.data, --data)', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-userdata-'));
    fs.writeFileSync(path.join(dir, 'points.csv'), clusters(64));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses quoted CSV fields, CRLF and a BOM', () => {
    assert.deepStrictEqual(parseCsv('\ufeffa,"b, c",d\r\n1,"say ""hi""",3\r\n\r\n'), [['a', 'b, c', 'd'], ['1', 'say "hi"', '3']]);
  });

  it('selects feature and label columns and encodes named classes', () => {
    const table = readUserTable({ file: path.join(dir, 'points.csv'), features: ['x1', 'x2', 'x3'], label: 'cls' });
    assert.strictEqual(table.width, 3);
    const s = spec([3], 1, 'sigmoid');
    const { train, val, summary } = userDatasets(table, s, task(s, 1), 1);
    assert.deepStrictEqual([train.n, val.n, summary.rows], [48, 16, 64]);
    assert.deepStrictEqual(summary.classes, ['no', 'yes']);
    assert.deepStrictEqual(train.xShape, [48, 3]);
    assert.ok([...train.y, ...val.y].every((v) => v === 0 || v === 1));
    // Same seed, same split.
    assert.deepStrictEqual(userDatasets(table, s, task(s, 1), 1).train.x, train.x);
  });

  it('one-hot encodes class ids for a softmax model, and reads JSON rows and columns', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ a: i, b: [i / 2, -i], y: i % 3 }));
    fs.writeFileSync(path.join(dir, 'rows.json'), JSON.stringify(rows));
    fs.writeFileSync(path.join(dir, 'cols.json'), JSON.stringify({ a: rows.map((r) => r.a), y: rows.map((r) => r.y) }));
    const s = spec([3], 3, 'softmax');
    const { train } = userDatasets(readUserTable({ file: path.join(dir, 'rows.json') }), s, task(s, 3), 1);
    assert.deepStrictEqual(train.yShape, [9, 3]);
    const cols = readUserTable({ file: path.join(dir, 'cols.json') });
    assert.deepStrictEqual([cols.features, cols.label, cols.width], [['a'], 'y', 1]);
  });

  it('says what does not fit: feature count, label values, missing columns, bad cells', () => {
    const file = path.join(dir, 'points.csv');
    const s = spec([5], 1, 'sigmoid');
    assert.throws(() => userDatasets(readUserTable({ file, label: 'cls' }), s, task(s, 1), 1),
      /points\.csv: 4 feature values per row \(id, x1, x2, x3\), but the model's input shape \[5\] takes 5/);
    const soft = spec([3], 1, 'linear');
    assert.throws(() => userDatasets(readUserTable({ file, features: ['x1', 'x2', 'x3'], label: 'cls' }), soft, task(soft, 1), 1), /not a number \(the model is a regression/);
    assert.throws(() => readUserTable({ file, label: 'nope' }), /no column "nope" \(columns: id, x1, x2, x3, cls\)/);
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'a,y\n' + Array.from({ length: 10 }, (_, i) => (i === 4 ? 'oops,1' : `${i},1`)).join('\n'));
    assert.throws(() => readUserTable({ file: path.join(dir, 'bad.csv') }), /bad\.csv row 5: a = "oops" is not a number/);
    assert.throws(() => readUserTable({ file: path.join(dir, 'missing.csv') }), /cannot read the data file .*ENOENT/);
  });

  it('reglint train --data --features --label trains on the CSV', async () => {
    fs.writeFileSync(path.join(dir, 'model.ts'), [
      `import * as tf from '@tensorflow/tfjs';`,
      `const clf = tf.sequential();`,
      `clf.add(tf.layers.dense({units: 8, activation: 'relu', inputShape: [3], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));`,
      `clf.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));`,
    ].join('\n'));
    const out: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => undefined }, cwd: dir, color: false };
    const code = await runTrainCli(['model.ts', '--data', 'points.csv', '--features', 'x1,x2,x3', '--label', 'cls', '--format', 'json', '--budget', '60'], io);
    const json = JSON.parse(out.join('')) as TrainJson;
    const m = json.models[0];
    assert.strictEqual(m.built, 'static', m.reason);
    assert.deepStrictEqual({ ...m.data, file: path.basename(m.data!.file) },
      { file: 'points.csv', rows: 64, train: 48, val: 16, features: ['x1', 'x2', 'x3'], label: 'cls', classes: ['no', 'yes'] });
    assert.strictEqual(m.checks.find((c) => c.id === 'fit-one-batch')?.verdict, 'pass');
    assert.strictEqual(code, 0);

    // A feature list that does not match the model's input: a reason, not a crash.
    out.length = 0;
    await runTrainCli(['model.ts', '--data', 'points.csv', '--features', 'x1,x2', '--label', 'cls', '--format', 'json'], io);
    const bad = (JSON.parse(out.join('')) as TrainJson).models[0];
    assert.strictEqual(bad.built, 'failed');
    assert.match(bad.reason!, /2 feature values per row \(x1, x2\), but the model's input shape \[3\] takes 3/);
  });
});
