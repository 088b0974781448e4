// Which data files a model's code reads, resolved on disk (only files that exist, each
// once, relative to the file, the working directory or the page), and the column preview
// "Choose data…" shows (kinds, distinct values, the default label, big files read in part).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeText } from '../analysis';
import { detectedDataFiles } from './detectedDataFiles';
import { PREVIEW_BYTES, previewDataFile } from './dataFilePreview';

describe('training data: files the code reads, on disk', () => {
  let root: string;
  const write = (relative: string, text = 'a,b\n1,2\n') => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-detect-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('resolves each way of reading against its base, keeps only existing files, each once', () => {
    write('package.json', '{}');
    const beside = write('src/beside.json', '[]');
    const fromCwd = write('data/cwd.csv');
    const inPublic = write('public/data/page.csv');
    const model = path.join(root, 'src', 'model.ts');
    const code = `import * as tf from '@tensorflow/tfjs-node';
import * as fs from 'fs';
import * as path from 'path';
import beside from './beside.json';
const a = tf.data.csv('file://' + path.join(__dirname, 'beside.json'));
fs.readFileSync('data/cwd.csv');
fs.readFileSync('data/missing.csv');
fetch('/data/page.csv');
`;
    const found = detectedDataFiles(analyzeText(code, model), model, []);
    assert.deepEqual(found.map(f => [f.file, f.source.how]), [[beside, 'import'], [fromCwd, 'fs'], [inPublic, 'fetch']]);
  });

  it('a working-directory path is looked up in the given roots first, then beside the file', () => {
    const inRoot = write('ws/train.csv');
    write('ws/src/train.csv');
    const model = path.join(root, 'ws', 'src', 'model.ts');
    const graph = analyzeText(`import * as tf from '@tensorflow/tfjs-node';\ntf.data.csv('file://train.csv');\n`, model);
    assert.deepEqual(detectedDataFiles(graph, model, [path.join(root, 'ws')]).map(f => f.file), [inRoot]);
    assert.deepEqual(detectedDataFiles(graph, model, [path.join(root, 'elsewhere')]).map(f => f.file), [path.join(root, 'ws', 'src', 'train.csv')]);
  });
});

describe('training data: column preview', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-preview-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('CSV: kinds, distinct values, examples and the default label (the last column)', async () => {
    const file = path.join(root, 'penguins.csv');
    fs.writeFileSync(file, '\ufeffbill,"flipper",species\r\n39.1,181,Adelie\r\n46.5,,Gentoo\r\n49.0,195,Adelie\r\n');
    const preview = await previewDataFile(file);
    assert.equal(preview.rows, 3);
    assert.equal(preview.truncated, false);
    assert.equal(preview.defaultLabel, 'species');
    assert.deepEqual(preview.columns.map(c => [c.name, c.kind, c.distinct]), [['bill', 'number', 3], ['flipper', 'text', 3], ['species', 'text', 2]]);
    assert.deepEqual(preview.columns[2].examples, ['Adelie', 'Gentoo']);
  });

  it('JSON rows with vector cells, and an object of columns', async () => {
    const rows = path.join(root, 'rows.json');
    fs.writeFileSync(rows, JSON.stringify([{ x: [1, 2, 3], y: 0 }, { x: [4, 5, 6], y: 1 }]));
    const preview = await previewDataFile(rows);
    assert.deepEqual(preview.columns.map(c => [c.name, c.kind, c.width]), [['x', 'vector', 3], ['y', 'number', 1]]);
    const cols = path.join(root, 'cols.json');
    fs.writeFileSync(cols, JSON.stringify({ xs: [[1, 2], [3, 4]], ys: [5, 6] }));
    assert.equal((await previewDataFile(cols)).defaultLabel, 'ys');
  });

  it('a big CSV is previewed from its beginning: whole rows, a lower bound on the count', async () => {
    const file = path.join(root, 'big.csv');
    const row = '0.123456,0.654321,1\n';
    fs.writeFileSync(file, 'a,b,y\n' + row.repeat(Math.ceil((PREVIEW_BYTES * 1.5) / row.length)));
    const preview = await previewDataFile(file);
    assert.equal(preview.truncated, true);
    assert.ok(preview.rows > 50_000 && preview.rows < (PREVIEW_BYTES * 1.5) / row.length, String(preview.rows));
    assert.deepEqual(preview.columns.map(c => c.kind), ['number', 'number', 'number']);
  });

  it('says what is wrong: missing file, not a data file, one column, bad JSON', async () => {
    await assert.rejects(previewDataFile(path.join(root, 'nope.csv')), /cannot read .*nope\.csv: ENOENT/);
    fs.writeFileSync(path.join(root, 'model.ts'), 'x');
    await assert.rejects(previewDataFile(path.join(root, 'model.ts')), /reads CSV/);
    fs.writeFileSync(path.join(root, 'one.csv'), 'y\n1\n2\n');
    await assert.rejects(previewDataFile(path.join(root, 'one.csv')), /needs at least one feature column and a label column/);
    fs.writeFileSync(path.join(root, 'bad.json'), '{"a": [1, 2], "b": [1]}');
    await assert.rejects(previewDataFile(path.join(root, 'bad.json')), /different lengths/);
  });
});
