// One spec, two hosts: every rule's table runs through ESLint's own RuleTester with the
// plugin's rule, as it runs through the analysis in server/src/rules/rules.test.ts. TS
// cases parse with @typescript-eslint/parser; every case espree can parse runs again as
// JavaScript with ESLint's default parser. The fix tables' stated outputs run too.
import * as tsParser from '@typescript-eslint/parser';
import { Linter, RuleTester } from 'eslint';
import plugin = require('../../server/src/eslint/plugin');
import { allRules } from '../../server/src/rules';
import type { RuleCases } from '../../server/src/rules/ruleCases';
import { denseDropoutCases, denseL2Cases } from '../fixes/dense.cases';
import { convCases, recurrentCases } from '../fixes/convRecurrent.cases';
import {
  biasBeforeBatchnormCases, dropoutAfterOutputCases, dropoutBeforeBatchnormCases, regularizerConfigCases,
} from '../fixes/misuse.cases';
import type { FixCase } from '../fixes/fixTester';
import { fixTableCase, invalidCases, validCases } from './eslintCases';

const typescript = new RuleTester({ languageOptions: { parser: tsParser } });
const javascript = new RuleTester();

/** Whether ESLint's default parser (espree) takes the snippet: TS syntax excluded. */
const parsesAsJs = (code: string): boolean => !new Linter().verify(code, [{}], 'case.js').some((m) => m.fatal);

function casesOf(id: string): RuleCases {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(`../../server/src/rules/${id}/cases`) as { cases: RuleCases }).cases;
}

describe('ESLint RuleTester: the rule tables', () => {
  for (const rule of allRules) {
    const id = rule.meta.id;
    const eslintRule = plugin.rules![id]!;
    const cases = casesOf(id);
    describe(`${id} (@typescript-eslint/parser, .ts)`, () => {
      typescript.run(id, eslintRule, {
        valid: validCases(cases, 'case.ts'),
        invalid: invalidCases(id, rule.meta.fixable, cases, 'case.ts'),
      });
    });
    const js: RuleCases = { valid: cases.valid.filter((c) => parsesAsJs(c.code)), invalid: cases.invalid.filter((c) => parsesAsJs(c.code)) };
    describe(`${id} (espree, .js: ${js.valid.length} valid and ${js.invalid.length} invalid cases are plain JavaScript)`, () => {
      javascript.run(id, eslintRule, {
        valid: validCases(js, 'case.js'),
        invalid: invalidCases(id, rule.meta.fixable, js, 'case.js'),
      });
    });
  }
});

describe('ESLint RuleTester: the fix tables', () => {
  const tables: [string, FixCase[]][] = [
    ['dense-unregularized, insert dropout', denseDropoutCases],
    ['dense-unregularized, add L2', denseL2Cases],
    ['conv-unregularized', convCases],
    ['recurrent-unregularized', recurrentCases],
    ['regularizer-config-invalid', regularizerConfigCases],
    ['dropout-before-batchnorm', dropoutBeforeBatchnormCases],
    ['dropout-after-output', dropoutAfterOutputCases],
    ['bias-before-batchnorm', biasBeforeBatchnormCases],
  ];
  for (const [title, table] of tables) {
    // Cases on the same code are one RuleTester case (it rejects duplicates).
    const groups = new Map<string, FixCase[]>();
    for (const c of table) {
      const key = JSON.stringify([c.ruleId, c.code, c.file ?? 'case.ts', c.settings ?? {}]);
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const converted = [...groups.values()].flatMap((group) => fixTableCase(group, group[0]!.file ?? 'case.ts') ?? []);
    const items = converted.map(({ item }) => item);
    const stated = converted.reduce((n, { stated: count }) => n + count, 0);
    const ruleId = table[0]!.ruleId;
    describe(`${title} (${stated} of ${table.length} cases state what ESLint produces)`, () => {
      const ts = items.filter((item) => !item.filename!.endsWith('.js'));
      const js = items.filter((item) => item.filename!.endsWith('.js'));
      if (ts.length > 0) typescript.run(ruleId, plugin.rules![ruleId]!, { valid: [], invalid: ts });
      if (js.length > 0) javascript.run(ruleId, plugin.rules![ruleId]!, { valid: [], invalid: js });
    });
  }
});
