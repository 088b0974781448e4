// Every rule's table (`<id>/cases.ts`), run through the real analysis, plus the promise
// that each rule ships a README with a bad example it reports and a good one it accepts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '.';
import { runRule, runRuleTests } from '../../../test/ruleTester';
import type { RuleCases } from './ruleCases';

// Compiled to out/server/src/rules; the READMEs stay in the source tree.
const RULES_SOURCE_DIR = path.resolve(__dirname, '../../../../server/src/rules');

/** The rule's table, or undefined when `<id>/cases.ts` is missing (reported below). */
function casesOf(id: string): RuleCases | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`./${id}/cases`) as { cases: RuleCases }).cases;
  } catch {
    return undefined;
  }
}

describe('rule tables', () => {
  for (const rule of allRules) {
    const cases = casesOf(rule.meta.id);
    if (cases) runRuleTests(rule, cases);
  }
});

describe('rule docs', () => {
  for (const rule of allRules) {
    const id = rule.meta.id;
    describe(id, () => {
      const readmePath = path.join(RULES_SOURCE_DIR, id, 'README.md');

      it('has a README.md beside it', () => {
        assert.ok(fs.existsSync(readmePath), `missing ${readmePath}`);
      });

      it('README shows a bad example the rule reports', () => {
        const bad = exampleUnder(fs.readFileSync(readmePath, 'utf8'), 'Bad');
        assert.ok(bad, 'README needs a "## Bad" section with a ```ts block');
        assert.ok(runRule(rule, bad).findings.length > 0, `the bad example gets no ${id} finding`);
      });

      it('README shows a good example the rule accepts', () => {
        const good = exampleUnder(fs.readFileSync(readmePath, 'utf8'), 'Good');
        assert.ok(good, 'README needs a "## Good" section with a ```ts block');
        const { findings } = runRule(rule, good);
        assert.equal(findings.length, 0, `the good example gets: ${findings.map((f) => f.message).join('; ')}`);
      });

      it('README says how to suppress it', () => {
        assert.ok(fs.readFileSync(readmePath, 'utf8').includes(`reglint-disable-next-line ${id}`));
      });

      it('has a table with valid and invalid cases', () => {
        const cases = casesOf(id);
        assert.ok(cases, `missing ${id}/cases.ts`);
        assert.ok(cases.valid.length > 0 && cases.invalid.length > 0);
      });
    });
  }
});

/** The first ```ts (or ```js) block after the `## <heading>` line. */
function exampleUnder(markdown: string, heading: string): string | undefined {
  const section = markdown.split(/^## /m).find((part) => part.startsWith(`${heading}\n`) || part.startsWith(`${heading} `));
  const block = section?.match(/```(?:ts|js|typescript|javascript)\n([\s\S]*?)```/);
  return block?.[1];
}
