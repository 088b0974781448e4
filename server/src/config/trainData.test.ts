// `train.data` in .reglintrc.json: the schema's two forms (a string for every model, a list
// per file glob and model name), validation messages with positions, which entry applies to
// a model, and the edit "Save to .reglintrc.json" makes (comments, indentation, CRLF kept;
// the same file and model replaced; a string kept as the fallback after the new entry).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseConfigText, type ReglintConfig } from './reglintrc';
import { configuredTrainData, withTrainDataChoice } from './trainData';

const FILE = '/project/.reglintrc.json';

function configOf(text: string): ReglintConfig {
  const result = parseConfigText(text, FILE);
  assert.ok(result.ok, JSON.stringify(result));
  return result.config;
}

function problemsOf(text: string) {
  const result = parseConfigText(text, FILE);
  assert.equal(result.ok, false, `expected ${text} to be rejected`);
  return result.ok ? [] : result.problems;
}

describe('.reglintrc.json train.data', () => {
  it('a string is one entry for every model, resolved against the config file; "synthetic" stays', () => {
    assert.deepEqual(configOf('{"train": {"data": "data/cars.csv"}}').train.data, [{ file: path.resolve('/project/data/cars.csv') }]);
    assert.deepEqual(configOf('{"train": {"data": "synthetic"}}').train.data, [{ file: 'synthetic' }]);
  });

  it('a list gives data per file glob and model name, with label and features', () => {
    const config = configOf(`{
      // per model
      "train": {"data": [
        {"files": "src/cars.ts", "model": "mlp", "file": "data/cars.csv", "label": "mpg", "features": ["hp", "weight"]},
        {"files": ["src/**", "lib/**"], "file": "../shared/default.json"},
        {"file": "synthetic"},
      ]}
    }`);
    assert.deepEqual(config.train.data, [
      { files: ['src/cars.ts'], model: 'mlp', file: path.resolve('/project/data/cars.csv'), label: 'mpg', features: ['hp', 'weight'] },
      { files: ['src/**', 'lib/**'], file: path.resolve('/shared/default.json') },
      { file: 'synthetic' },
    ]);
  });

  it('reports a bad entry at its position, naming what is wrong', () => {
    const missing = '{"train": {"data": [{"label": "y"}]}}';
    const problems = problemsOf(missing);
    assert.ok(problems.some(p => /"train\.data\.0" must have required property 'file'/.test(p.message)), JSON.stringify(problems));
    // Only the problem of the form that fits (a list), not "must be a string" for the other form.
    const typo = '{"train": {"data": [{"file": "a.csv", "lable": "y"}]}}';
    const [unknown, ...more] = problemsOf(typo);
    assert.deepEqual(more, []);
    assert.equal(unknown.message, 'Unknown setting "train.data.0.lable". Known keys of "train.data.0": files, model, file, label, features.');
    assert.equal(typo.slice(unknown.offset, unknown.offset + unknown.length), '"lable"');
    assert.deepEqual(problemsOf('{"train": {"data": 5}}').map(p => p.message), ['"train.data" must be a string or an array, not 5.']);
    assert.ok(problemsOf('{"train": {"data": [{"file": "a.csv", "features": []}]}}').some(p => /features" must NOT have fewer than 1 items/.test(p.message)));
  });

  it('the first entry matching the model applies: file glob, then model name; none when nothing matches', () => {
    const config = configOf(`{"train": {"data": [
      {"files": "src/cars.ts", "model": "mlp", "file": "cars.csv", "label": "mpg"},
      {"files": "src/**", "file": "default.csv"}
    ]}}`);
    assert.equal(configuredTrainData(config, '/project/src/cars.ts', 'mlp')?.file, path.resolve('/project/cars.csv'));
    assert.equal(configuredTrainData(config, '/project/src/cars.ts', 'other')?.file, path.resolve('/project/default.csv'));
    assert.equal(configuredTrainData(config, '/project/src/deep/x.ts', 'mlp')?.file, path.resolve('/project/default.csv'));
    assert.equal(configuredTrainData(config, '/project/scripts/x.ts', 'mlp'), undefined);
    assert.equal(configuredTrainData(configOf('{}'), '/project/src/cars.ts', 'mlp'), undefined);
  });
});

describe('Save to .reglintrc.json (withTrainDataChoice)', () => {
  const choice = { modelFile: '/project/src/cars.ts', model: 'mlp', file: '/project/data/cars.csv', label: 'mpg' };

  it('creates a new file', () => {
    const text = withTrainDataChoice(undefined, FILE, choice);
    assert.deepEqual(JSON.parse(text), { train: { data: [{ files: 'src/cars.ts', model: 'mlp', file: 'data/cars.csv', label: 'mpg' }] } });
    assert.equal(configuredTrainData(configOf(text), '/project/src/cars.ts', 'mlp')?.label, 'mpg');
  });

  it('adds train.data to an existing file, keeping its comments and indentation', () => {
    const before = '{\n    // house rules\n    "rules": {"dense-unregularized": "error"}\n}\n';
    const after = withTrainDataChoice(before, FILE, { ...choice, features: ['hp', 'weight'] });
    assert.match(after, /\/\/ house rules/);
    assert.match(after, /\n {4}"train": \{\n {8}"data": \[/);
    const config = configOf(after);
    assert.equal(config.rules['dense-unregularized'], 'error');
    assert.deepEqual(configuredTrainData(config, '/project/src/cars.ts', 'mlp'),
      { files: ['src/cars.ts'], model: 'mlp', file: path.resolve('/project/data/cars.csv'), label: 'mpg', features: ['hp', 'weight'] });
  });

  it('replaces the entry for the same file and model, and puts a new one first (before broader globs)', () => {
    const before = '{"train": {"data": [{"files": "src/**", "file": "all.csv"}, {"files": "src/cars.ts", "model": "mlp", "file": "old.csv"}]}}';
    const replaced = configOf(withTrainDataChoice(before, FILE, choice));
    assert.equal(replaced.train.data?.length, 2);
    assert.equal(configuredTrainData(replaced, '/project/src/cars.ts', 'mlp')?.file, path.resolve('/project/data/cars.csv'));
    const added = configOf(withTrainDataChoice(before, FILE, { ...choice, model: 'cnn' }));
    assert.equal(added.train.data?.length, 3);
    assert.equal(added.train.data?.[0].model, 'cnn');
    assert.equal(configuredTrainData(added, '/project/src/cars.ts', 'cnn')?.file, path.resolve('/project/data/cars.csv'));
    assert.equal(configuredTrainData(added, '/project/src/other.ts', 'cnn')?.file, path.resolve('/project/all.csv'));
    const first = '{"train": {"data": [\n  // mine\n  {"files": "src/cars.ts", "model": "mlp", "file": "old.csv"},\n  {"files": "src/**", "file": "all.csv"}\n]}}';
    const inPlace = withTrainDataChoice(first, FILE, choice);
    assert.match(inPlace, /\/\/ mine/);
    assert.equal(configOf(inPlace).train.data?.length, 2);
    assert.equal(configuredTrainData(configOf(inPlace), '/project/src/cars.ts', 'mlp')?.label, 'mpg');
  });

  it('keeps a string train.data as the fallback for the other models; CRLF stays CRLF', () => {
    const before = '{\r\n  "train": {"data": "all.csv", "seed": 3}\r\n}\r\n';
    const after = withTrainDataChoice(before, FILE, { ...choice, file: 'synthetic', label: undefined });
    assert.ok(!/[^\r]\n/.test(after), JSON.stringify(after));
    const config = configOf(after);
    assert.equal(config.train.seed, 3);
    assert.equal(configuredTrainData(config, '/project/src/cars.ts', 'mlp')?.file, 'synthetic');
    assert.equal(configuredTrainData(config, '/project/src/cars.ts', 'other')?.file, path.resolve('/project/all.csv'));
  });

  it('refuses to edit a file that is not a valid configuration', () => {
    assert.throws(() => withTrainDataChoice('{"rules": {"dense-unregularized": "eror"}}', FILE, choice), /fix it first/);
    assert.throws(() => withTrainDataChoice('{"rules": ', FILE, choice), /fix it first/);
  });
});
