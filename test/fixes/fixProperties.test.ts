// Properties every fix must have, over every example, corpus file and fixture in the repo
// (globbed at test time: others keep adding them) and the real-world-shaped files in
// test/fixtures/fixes/:
// - the fixed text has no syntax error the original did not have;
// - the finding is gone and no finding appears that was not there before;
// - fix-all's output is stable: a second fix-all changes nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { applyEdits, fixAll, fixesFor, type TextEdit } from '../../server/src/fixes';
import { lintText, type LintMessage } from '../../server/src/lint/lintText';

const REPO = path.resolve(__dirname, '../../..');
const SOURCE_GLOBS = ['examples/**/*.{ts,tsx,js,jsx,mjs,cjs}', 'test/corpus/**/*.{ts,tsx,js,jsx,mjs,cjs}', 'test/fixtures/**/*.{ts,tsx,js,jsx,mjs,cjs}'];
/** Rules whose findings have remedies; in our own fixtures every such finding must get a fix. */
const FIXABLE_RULES = new Set([
  'dense-unregularized', 'conv-unregularized', 'recurrent-unregularized', 'regularizer-config-invalid',
  'dropout-before-batchnorm', 'dropout-after-output', 'bias-before-batchnorm', 'unused-disable-directive',
]);

const files = globSync(SOURCE_GLOBS, { cwd: REPO }).sort();

/**
 * Where `offset` of the original text lands after the edits; undefined inside replaced text.
 * (Messages cannot identify a finding across a fix: their code suggestions follow the
 * file's bindings, which a fix may change, e.g. by importing `regularizers`.)
 */
function mapOffset(offset: number, edits: TextEdit[]): number | undefined {
  let delta = 0;
  for (const edit of edits) {
    if (edit.end <= offset) delta += edit.newText.length - (edit.end - edit.start);
    else if (edit.start <= offset) return undefined;
  }
  return offset + delta;
}

/**
 * The findings after an edit that match no finding before it (other than `fixed`): by
 * rule at the mapped position, or, for findings inside rewritten text, by rule and the
 * text the finding points at.
 */
function unmatchedFindings(
  beforeText: string, before: LintMessage[], fixed: LintMessage | undefined,
  afterText: string, after: LintMessage[], edits: TextEdit[] | undefined,
): LintMessage[] {
  const candidates = before.filter((m) => m !== fixed).map((m) => ({
    ruleId: m.ruleId,
    at: edits ? mapOffset(m.span.start, edits) : undefined,
    text: beforeText.slice(m.span.start, m.span.end),
    used: false,
  }));
  return after.filter((m) => {
    const text = afterText.slice(m.span.start, m.span.end);
    const match = candidates.find((c) => !c.used && c.ruleId === m.ruleId && c.at === m.span.start) ??
      candidates.find((c) => !c.used && c.ruleId === m.ruleId && c.at === undefined && c.text === text);
    if (match) match.used = true;
    return !match;
  });
}

describe('fixes: properties over every example, corpus file and fixture', () => {
  it('finds files to check', () => {
    assert.ok(files.some((f) => f.startsWith('test/fixtures/fixes/')), 'test/fixtures/fixes/ is missing');
    assert.ok(files.length >= 10, `only ${files.length} files`);
  });

  for (const file of files) {
    describe(file, () => {
      const text = fs.readFileSync(path.join(REPO, file), 'utf8');
      const before = lintText(text, file);
      const syntaxErrorsBefore = before.graph.parseProblems.length;

      it('every fix parses, removes its finding and adds none', () => {
        const problems: string[] = [];
        for (const finding of before.messages) {
          for (const fix of fixesFor(text, before.graph, finding)) {
            const output = applyEdits(text, fix.edits);
            const after = lintText(output, file);
            const label = `${finding.ruleId} at ${finding.span.start}, "${fix.title}"`;
            if (after.graph.parseProblems.length > syntaxErrorsBefore) {
              problems.push(`${label}: new syntax error ${after.graph.parseProblems[0]?.message}`);
            }
            for (const extra of unmatchedFindings(text, before.messages, finding, output, after.messages, fix.edits)) {
              const what = extra.ruleId === finding.ruleId ? 'the finding is still there, or a new one of its rule' : 'new finding';
              problems.push(`${label}: ${what}: ${extra.ruleId} at ${extra.span.start}: ${extra.message}`);
            }
          }
        }
        assert.deepEqual(problems, []);
      });

      it('fix-all adds no syntax error or finding, and a second fix-all changes nothing', () => {
        const first = fixAll(text, file);
        const after = lintText(first.output, file);
        assert.ok(after.graph.parseProblems.length <= syntaxErrorsBefore, 'fix-all introduced a syntax error');
        const added = unmatchedFindings(text, before.messages, undefined, first.output, after.messages, undefined);
        assert.deepEqual(added.map((m) => `${m.ruleId}: ${m.message}`), [], 'fix-all added findings');
        assert.equal(first.remaining.length, after.messages.length);
        const second = fixAll(first.output, file);
        assert.equal(second.output, first.output, 'the second fix-all changed the text');
        assert.equal(second.appliedCount, 0);
      });

      if (file.startsWith('test/fixtures/fixes/')) {
        it('every finding of a fixable rule gets a fix', () => {
          const unfixed = before.messages
            .filter((m) => FIXABLE_RULES.has(m.ruleId) && fixesFor(text, before.graph, m).length === 0)
            .map((m) => `${m.ruleId} at ${m.span.start}: ${m.message}`);
          assert.deepEqual(unfixed, []);
        });
      }
    });
  }
});
