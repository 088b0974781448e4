// .reglintrc.json: parsing, validation with positions, the schema kept in step with the
// rules and fixes, the nearest-file lookup, last-good-config, include/exclude.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import schema from '../../../schemas/reglintrc.schema.json';
import { DEFAULT_FIX_SETTINGS } from '../fixes/types';
import { allRules } from '../rules';
import { ConfigLoader, isIncluded } from './configLoader';
import { formatConfigProblems, parseConfigText } from './reglintrc';

const FILE = '/project/.reglintrc.json';

function problemsOf(text: string) {
  const result = parseConfigText(text, FILE);
  assert.equal(result.ok, false, `expected ${text} to be rejected`);
  return result.ok ? [] : result.problems;
}

describe('.reglintrc.json parsing', () => {
  it('accepts a full config, with comments and trailing commas, and resolves train.data', () => {
    const result = parseConfigText(
      `{
        // project settings
        "$schema": "./node_modules/reglint/schemas/reglintrc.schema.json",
        "rules": {"dense-unregularized": "error", "dropout-rate-high": "off"},
        "fix": {"l2": 0.001, "denseDropoutRate": 0.3, "recurrentDropout": 0.1, "convRemedy": "l2"},
        "include": ["src/**"],
        "exclude": ["src/generated/**"],
        "train": {"budgetSeconds": 5, "seed": 7, "data": "data/train.json", "inputShape": [28, 28, 1]},
      }`,
      FILE,
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.config.rules, { 'dense-unregularized': 'error', 'dropout-rate-high': 'off' });
    assert.deepEqual(result.config.fix, { l2: 0.001, denseDropoutRate: 0.3, recurrentDropout: 0.1, convRemedy: 'l2' });
    assert.deepEqual(result.config.include, ['src/**']);
    assert.deepEqual(result.config.train.data, [{ file: path.resolve('/project/data/train.json') }]);
    assert.deepEqual(result.config.train.inputShape, [28, 28, 1]);
    assert.equal(result.config.baseDir, '/project');
  });

  it('accepts an empty object', () => {
    const result = parseConfigText('{}', FILE);
    assert.ok(result.ok);
    assert.deepEqual(result.config.rules, {});
  });

  it('reports a JSON syntax error at its position', () => {
    const text = '{\n  "rules": {"dense-unregularized": "error",,}\n}';
    const [problem] = problemsOf(text);
    assert.match(problem!.message, /JSON syntax error/);
    assert.equal(text.slice(problem!.offset, problem!.offset + 1), ',');
  });

  it('reports an empty file', () => {
    assert.match(problemsOf('')[0]!.message, /empty|syntax/i);
  });

  it('reports a misspelt severity at the value, naming the allowed ones', () => {
    const text = '{"rules": {"dense-unregularized": "warn"}}';
    const [problem] = problemsOf(text);
    assert.equal(problem!.message, '"rules.dense-unregularized": "warn" is not one of off, hint, info, warning, error.');
    assert.equal(text.slice(problem!.offset, problem!.offset + problem!.length), '"warn"');
  });

  it('reports an unknown rule at its key, listing the rules', () => {
    const text = '{"rules": {"dense-unregularised": "error"}}';
    const [problem] = problemsOf(text);
    assert.match(problem!.message, /^Unknown rule "dense-unregularised"\. Rules: dense-unregularized, /);
    assert.equal(text.slice(problem!.offset, problem!.offset + problem!.length), '"dense-unregularised"');
  });

  it('reports an unknown top-level key, and wrong types and ranges', () => {
    assert.match(problemsOf('{"rule": {}}')[0]!.message, /Unknown setting "rule"\. Known keys: rules, fix, include, exclude, train/);
    assert.match(problemsOf('{"fix": {"l2": "0.01"}}')[0]!.message, /"fix\.l2" must be a number/);
    assert.match(problemsOf('{"fix": {"denseDropoutRate": 1}}')[0]!.message, /"fix\.denseDropoutRate" must be < 1/);
    assert.match(problemsOf('{"fix": {"l2": 0}}')[0]!.message, /"fix\.l2" must be > 0/);
    assert.match(problemsOf('{"train": {"seed": 1.5}}')[0]!.message, /"train\.seed" must be an integer/);
    assert.match(problemsOf('{"include": "src"}')[0]!.message, /"include" must be an array/);
    assert.match(problemsOf('[]')[0]!.message, /The configuration must be an object/);
  });

  it('reports every problem, not only the first', () => {
    assert.equal(problemsOf('{"rules": {"dense-unregularized": "warn"}, "fix": {"l2": -1}}').length, 2);
  });

  it('formats problems for a terminal with line:column', () => {
    const text = '{\n  "rules": {\n    "dense-unregularized": "warn"\n  }\n}';
    const out = formatConfigProblems('/p/.reglintrc.json', text, problemsOf(text));
    assert.equal(out, 'Invalid configuration in /p/.reglintrc.json:\n  3:28  "rules.dense-unregularized": "warn" is not one of off, hint, info, warning, error.\n');
  });
});

describe('.reglintrc.json schema', () => {
  it('lists exactly the rules reglint has', () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), allRules.map((r) => r.meta.id).sort());
  });

  it('lists exactly the fix settings, with the fixes\' defaults', () => {
    const fix = schema.properties.fix.properties as Record<string, { default: unknown }>;
    assert.deepEqual(Object.keys(fix).sort(), Object.keys(DEFAULT_FIX_SETTINGS).sort());
    for (const [key, value] of Object.entries(DEFAULT_FIX_SETTINGS)) assert.equal(fix[key]!.default, value, key);
  });
});

describe('ConfigLoader', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-config-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (relative: string, text: string) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  it('uses the nearest config file, walking up from the file', () => {
    write('.reglintrc.json', '{"rules": {"dense-unregularized": "error"}}');
    write('packages/a/.reglintrc.json', '{"rules": {"dense-unregularized": "off"}}');
    const loader = new ConfigLoader();
    assert.equal(loader.forFile(path.join(root, 'packages/a/src/deep/model.ts')).config.rules['dense-unregularized'], 'off');
    assert.equal(loader.forFile(path.join(root, 'packages/b/model.ts')).config.rules['dense-unregularized'], 'error');
    assert.equal(loader.forFile(path.join(root, 'model.ts')).file?.filePath, path.join(root, '.reglintrc.json'));
  });

  it('gives the empty config when there is no config file', () => {
    const resolved = new ConfigLoader().forFile(path.join(root, 'a', 'model.ts'));
    // (a config file above the temporary directory would make this test meaningless)
    if (resolved.file === undefined) assert.deepEqual(resolved.config.rules, {});
  });

  it('keeps the last good config in force while the file is invalid, then takes the fixed one', () => {
    const configPath = write('.reglintrc.json', '{"rules": {"dense-unregularized": "error"}}');
    const loader = new ConfigLoader();
    const model = path.join(root, 'model.ts');
    assert.equal(loader.forFile(model).config.rules['dense-unregularized'], 'error');

    fs.writeFileSync(configPath, '{"rules": {"dense-unregularized": "eror"}}');
    loader.invalidate(configPath);
    const broken = loader.forFile(model);
    assert.equal(broken.file?.problems.length, 1);
    assert.equal(broken.file?.usingLastGood, true);
    assert.equal(broken.config.rules['dense-unregularized'], 'error', 'last good config stays in force');

    fs.writeFileSync(configPath, '{"rules": {"dense-unregularized": "off"}}');
    loader.invalidate(configPath);
    const fixed = loader.forFile(model);
    assert.deepEqual(fixed.file?.problems, []);
    assert.equal(fixed.config.rules['dense-unregularized'], 'off');
  });

  it('finds a config file created after the first lookup once invalidated', () => {
    const loader = new ConfigLoader();
    const model = path.join(root, 'sub', 'model.ts');
    const before = loader.forFile(model).file?.filePath;
    write('sub/.reglintrc.json', '{}');
    assert.equal(loader.forFile(model).file?.filePath, before, 'cached until invalidated');
    loader.invalidate();
    assert.equal(loader.forFile(model).file?.filePath, path.join(root, 'sub', '.reglintrc.json'));
  });
});

describe('include/exclude', () => {
  const base = { rules: {}, fix: {}, train: {}, baseDir: '/p' };
  it('lints everything without globs', () => {
    assert.equal(isIncluded(base, '/p/any/where.ts'), true);
  });
  it('excludes by glob and by directory name', () => {
    const config = { ...base, exclude: ['**/*.spec.ts', 'generated'] };
    assert.equal(isIncluded(config, '/p/src/model.spec.ts'), false);
    assert.equal(isIncluded(config, '/p/generated/deep/model.ts'), false);
    assert.equal(isIncluded(config, '/p/src/model.ts'), true);
  });
  it('include restricts to its globs, exclude wins over include', () => {
    const config = { ...base, include: ['src/**/*.ts'], exclude: ['src/legacy/**'] };
    assert.equal(isIncluded(config, '/p/src/a/model.ts'), true);
    assert.equal(isIncluded(config, '/p/scripts/model.ts'), false);
    assert.equal(isIncluded(config, '/p/src/legacy/model.ts'), false);
    assert.equal(isIncluded(config, '/elsewhere/src/model.ts'), false);
  });
});
