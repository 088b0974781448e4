// The ESLint plugin as ESLint runs it (Linter, flat config): its meta and configs, one
// analysis per file however many rules run, the same findings as lintText under espree and
// @typescript-eslint/parser, both kinds of disable comments without duplicate reports,
// validated options, and `eslint --fix` producing what `reglint --fix` produces.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { version } from '../../package.json';
import { ruleDocUrl } from '../../server/src/docs/docLinks';
import plugin = require('../../server/src/eslint/plugin');
import { sharedLintStats } from '../../server/src/eslint/sharedLint';
import { fixAll } from '../../server/src/fixes';
import { lintText } from '../../server/src/lint/lintText';
import { UNUSED_DIRECTIVE_RULE_ID } from '../../server/src/lint/suppressions';
import { allRules } from '../../server/src/rules';
import { LineIndex } from '../../server/src/text/lineIndex';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const RULE_IDS = [...allRules.map((rule) => rule.meta.id), UNUSED_DIRECTIVE_RULE_ID];

const TS_FILES: Linter.Config = { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } };
const recommended: Linter.Config[] = [TS_FILES, plugin.configs.recommended];

const MODEL = `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential();
model.add(tf.layers.dense({units: 128, activation: 'relu', inputShape: [784]}));
model.add(tf.layers.dense({units: 64, activation: 'relu'}));
model.add(tf.layers.dense({units: 32, activation: 'relu'}));
model.add(tf.layers.dropout({rate: 0.8}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
`;

function verify(code: string, filename: string, config: Linter.Config[] = recommended): Linter.LintMessage[] {
  return new Linter().verify(code, config, filename);
}

/** What lintText reports, in ESLint's terms (1-based lines and columns, `reglint/` ids). */
function coreFindings(code: string, filename: string): string[] {
  const lines = new LineIndex(code);
  return lintText(code, filename).messages.map((m) => {
    const start = lines.at(m.span.start);
    const end = lines.at(m.span.end);
    return `reglint/${m.ruleId} ${start.line}:${start.column}-${end.line}:${end.column} ${m.message}`;
  });
}

function described(messages: Linter.LintMessage[]): string[] {
  return messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
}

describe('ESLint plugin', () => {
  describe('meta and configs', () => {
    it('has a rule per reglint rule and one for unused reglint-disable comments', () => {
      assert.deepEqual(Object.keys(plugin.rules!).sort(), [...RULE_IDS].sort());
      assert.deepEqual(plugin.meta, { name: 'reglint', version, namespace: 'reglint' });
    });

    it("gives every rule ESLint's full meta, from the rule's own", () => {
      for (const rule of allRules) {
        const { meta } = plugin.rules![rule.meta.id]!;
        assert.equal(meta?.type, rule.meta.type, rule.meta.id);
        assert.equal(meta?.docs?.description, rule.meta.description);
        assert.equal(meta?.docs?.url, ruleDocUrl(rule.meta.id));
        assert.equal(meta?.fixable, rule.meta.fixable ? 'code' : undefined, rule.meta.id);
        assert.ok(meta?.messages?.finding, rule.meta.id);
        assert.ok(Array.isArray(meta?.schema), rule.meta.id);
      }
      const withSuggestions = RULE_IDS.filter((id) => plugin.rules![id]!.meta?.hasSuggestions);
      assert.deepEqual(withSuggestions, ['dense-unregularized', 'conv-unregularized', 'recurrent-unregularized', UNUSED_DIRECTIVE_RULE_ID]);
      assert.equal(plugin.rules![UNUSED_DIRECTIVE_RULE_ID]!.meta?.docs?.url, ruleDocUrl(UNUSED_DIRECTIVE_RULE_ID));
    });

    it('options: the fix settings each rule writes, nothing else', () => {
      const optionKeys = (id: string) => {
        const schema = plugin.rules![id]!.meta!.schema as { properties?: object }[];
        return schema.length === 0 ? [] : Object.keys(schema[0]!.properties ?? {}).sort();
      };
      assert.deepEqual(optionKeys('dense-unregularized'), ['denseDropoutRate', 'l2']);
      assert.deepEqual(optionKeys('conv-unregularized'), ['convRemedy', 'l2']);
      assert.deepEqual(optionKeys('recurrent-unregularized'), ['l2', 'recurrentDropout']);
      assert.deepEqual(optionKeys('regularizer-config-invalid'), ['l2']);
      assert.deepEqual(optionKeys('dropout-rate-high'), []);
    });

    it('recommended: the default severities (info and hint as warn); strict: every rule an error', () => {
      const expected = Object.fromEntries(RULE_IDS.map((id) => {
        const severity = allRules.find((rule) => rule.meta.id === id)?.meta.defaultSeverity ?? 'hint';
        return [`reglint/${id}`, severity === 'error' ? 'error' : 'warn'];
      }));
      assert.deepEqual(plugin.configs.recommended.rules, expected);
      assert.deepEqual(plugin.configs.strict.rules, Object.fromEntries(RULE_IDS.map((id) => [`reglint/${id}`, 'error'])));
      for (const config of [plugin.configs.recommended, plugin.configs.strict]) assert.equal(config.plugins?.reglint, plugin);
    });
  });

  describe('one analysis per file', () => {
    it('however many rules run on it', () => {
      const before = sharedLintStats.analyses;
      const messages = verify(MODEL, 'model.ts', [TS_FILES, plugin.configs.strict]);
      assert.equal(messages.length, 3, described(messages).join('\n'));
      assert.equal(sharedLintStats.analyses - before, 1);
      verify(MODEL, 'other.ts', [TS_FILES, plugin.configs.strict]);
      assert.equal(sharedLintStats.analyses - before, 2);
    });
  });

  describe('parsers', () => {
    it('TypeScript with @typescript-eslint/parser: exactly the findings lintText has', () => {
      const messages = verify(MODEL, 'model.ts');
      assert.deepEqual(described(messages), coreFindings(MODEL, 'model.ts'));
      assert.deepEqual(messages.map((m) => m.ruleId), ['reglint/dense-unregularized', 'reglint/dense-unregularized', 'reglint/dropout-rate-high']);
      assert.deepEqual(messages.map((m) => m.severity), [1, 1, 1]);
    });

    it('JavaScript with the default parser (espree), CommonJS and modules', () => {
      const commonjs = MODEL.replace("import * as tf from '@tensorflow/tfjs';", "const tf = require('@tensorflow/tfjs-node');");
      for (const [code, filename] of [[MODEL, 'model.mjs'], [commonjs, 'model.cjs'], [commonjs, 'model.js']] as const) {
        const messages = verify(code, filename);
        assert.equal(messages.length, 3, `${filename}: ${described(messages).join('\n')}`);
        assert.deepEqual(described(messages), coreFindings(code, filename), filename);
      }
    });

    it('TSX with @typescript-eslint/parser', () => {
      const tsx = `${MODEL}export function Summary() {\n  return <pre>{model.name}</pre>;\n}\n`;
      const messages = verify(tsx, 'Model.tsx');
      assert.equal(messages.length, 3, described(messages).join('\n'));
      assert.deepEqual(described(messages), coreFindings(tsx, 'Model.tsx'));
    });

    it('a file ESLint cannot parse gets its parse error and nothing from reglint', () => {
      const messages = verify(`${MODEL}model.add(tf.layers.dense({units: 1})`, 'broken.ts');
      assert.equal(messages.length, 1);
      assert.equal(messages[0]!.fatal, true);
    });

    it('a file without tfjs gets nothing', () => {
      assert.deepEqual(verify('export const layers = [1, 2, 3];\n', 'plain.ts'), []);
    });
  });

  describe('disable comments', () => {
    const at = (line: number, comment: string) => {
      const lines = MODEL.split('\n');
      lines.splice(line - 1, 0, comment);
      return lines.join('\n');
    };
    const withUnusedCheck: Linter.Config[] = [...recommended, { linterOptions: { reportUnusedDisableDirectives: 'warn' } }];

    it('reglint-disable-next-line: no report, and none for the directive', () => {
      const messages = verify(at(3, '// reglint-disable-next-line dense-unregularized -- the input layer'), 'model.ts', withUnusedCheck);
      assert.deepEqual(messages.map((m) => `${m.ruleId}:${m.line}`), ['reglint/dense-unregularized:5', 'reglint/dropout-rate-high:7']);
    });

    it("ESLint's eslint-disable-next-line and eslint-disable: no report, and none for the comment", () => {
      const nextLine = verify(at(3, '// eslint-disable-next-line reglint/dense-unregularized'), 'model.ts', withUnusedCheck);
      assert.deepEqual(nextLine.map((m) => `${m.ruleId}:${m.line}`), ['reglint/dense-unregularized:5', 'reglint/dropout-rate-high:7']);
      const file = verify(at(1, '/* eslint-disable reglint/dense-unregularized */'), 'model.ts', withUnusedCheck);
      assert.deepEqual(file.map((m) => `${m.ruleId}:${m.line}`), ['reglint/dropout-rate-high:7']);
    });

    it('both on one finding: one report, ESLint\'s, that its comment is unused', () => {
      const code = at(3, '// eslint-disable-next-line reglint/dense-unregularized\n// reglint-disable-next-line dense-unregularized');
      const messages = verify(code, 'model.ts', withUnusedCheck).filter((m) => m.line <= 4);
      assert.equal(messages.length, 1, described(messages).join('\n'));
      assert.equal(messages[0]!.ruleId, null);
      assert.match(messages[0]!.message, /Unused eslint-disable directive/);
    });

    it('a stale reglint-disable comment is reported once, with its removal as a suggestion', () => {
      const messages = verify(at(2, '// reglint-disable-next-line conv-unregularized'), 'model.ts');
      const unused = messages.filter((m) => m.ruleId === `reglint/${UNUSED_DIRECTIVE_RULE_ID}`);
      assert.equal(unused.length, 1);
      assert.equal(unused[0]!.fix, undefined, 'eslint --fix leaves directives alone, as reglint --fix does');
      assert.deepEqual(unused[0]!.suggestions?.map((s) => s.desc), ['Remove unused reglint directive']);
      assert.equal(messages.filter((m) => m.ruleId === 'reglint/dense-unregularized').length, 2);
    });

    it('a reglint-disable comment for a rule switched off in ESLint still counts as used', () => {
      const config: Linter.Config[] = [...recommended, { rules: { 'reglint/dense-unregularized': 'off' } }];
      const messages = verify(at(3, '// reglint-disable-next-line dense-unregularized'), 'model.ts', config);
      assert.deepEqual(messages.map((m) => m.ruleId), ['reglint/dropout-rate-high']);
    });
  });

  describe('options', () => {
    it('the fix settings change what the fixes write', () => {
      const config: Linter.Config[] = [...recommended, { rules: { 'reglint/dense-unregularized': ['warn', { denseDropoutRate: 0.3, l2: 0.001 }] } }];
      const [first] = verify(MODEL, 'model.ts', config);
      assert.match(first!.fix!.text, /dropout\(\{rate: 0\.3\}\)/);
      assert.match(first!.suggestions![0]!.fix.text, /l2\(\{l2: 0\.001\}\)/);
    });

    it('invalid options are ESLint configuration errors', () => {
      for (const options of [{ l2: 0 }, { denseDropoutRate: 1 }, { recurrentDropout: 0.2 }, { l2: '1e-4' }]) {
        const config: Linter.Config[] = [...recommended, { rules: { 'reglint/dense-unregularized': ['warn', options] } }];
        assert.throws(() => verify(MODEL, 'model.ts', config), /reglint\/dense-unregularized/, JSON.stringify(options));
      }
      const conv: Linter.Config[] = [...recommended, { rules: { 'reglint/conv-unregularized': ['warn', { convRemedy: 'dropout' }] } }];
      assert.throws(() => verify(MODEL, 'model.ts', conv), /reglint\/conv-unregularized/);
      const none: Linter.Config[] = [...recommended, { rules: { 'reglint/dropout-rate-high': ['warn', { l2: 0.001 }] } }];
      assert.throws(() => verify(MODEL, 'model.ts', none), /reglint\/dropout-rate-high/);
    });
  });

  describe('eslint --fix', () => {
    const examples = readdirSync(path.join(REPO_ROOT, 'examples')).filter((name) => /\.[jt]s$/.test(name));

    for (const name of examples) {
      it(`writes what reglint --fix writes: examples/${name}`, () => {
        const text = readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
        const eslint = new Linter().verifyAndFix(text, recommended, name);
        const reglint = fixAll(text, name);
        assert.equal(eslint.output, reglint.output);
        assert.deepEqual(described(eslint.messages), coreFindings(reglint.output, name));
      });
    }
  });
});
