// The rules' tables (server/src/rules/<id>/cases.ts) and the fix tables (test/fixes/*.cases.ts)
// as ESLint RuleTester cases, so the ESLint plugin is held to the same specification as the
// language server and the CLI. Findings (count, line, column, message) come from the
// tables; what a table does not state (the fixes of a finding-only table) is what the
// language server's own path computes (lintText + fixesFor), so the two hosts cannot drift.
import type { RuleTester } from 'eslint';
import { applyEdits, fixesFor, type Fix, type FixSettings } from '../../server/src/fixes';
import { lintText, type LintMessage } from '../../server/src/lint/lintText';
import type { RuleCases } from '../../server/src/rules/ruleCases';
import type { FixCase } from '../fixes/fixTester';
import { lineAndColumn } from '../ruleTester';

type Invalid = RuleTester.InvalidTestCase;
type Valid = RuleTester.ValidTestCase;
type ErrorSpec = RuleTester.TestCaseError;
type SuggestionSpec = RuleTester.SuggestionOutput;

export function validCases(cases: RuleCases, filename: string): Valid[] {
  return cases.valid.map(({ name, code }) => ({ name, code, filename }));
}

/** A table's invalid cases: its findings, and the fixes the language server would offer. */
export function invalidCases(ruleId: string, fixable: boolean, cases: RuleCases, filename: string): Invalid[] {
  return cases.invalid.map(({ name, code, errors }) => {
    const { fixes } = coreFixes(ruleId, code, filename);
    const specs = errors.map((expected, i): ErrorSpec => ({
      ...(expected.messageIncludes === undefined ? { messageId: 'finding' } : { message: includes(expected.messageIncludes) }),
      line: expected.line,
      ...(expected.column === undefined ? {} : { column: expected.column }),
      suggestions: suggestionsOf(code, fixable ? (fixes[i] ?? []).slice(1) : fixes[i] ?? []),
    }));
    return { name, code, filename, errors: specs, output: expectedOutput(code, fixable ? fixes.map((f) => f[0]) : []) };
  });
}

/**
 * Fix-table cases on the same code (and settings) as one RuleTester case, holding what
 * they state of ESLint's results: the preferred fix of the rule's only finding (`output`),
 * other remedies (a suggestion's `output`). Undefined when they state nothing ESLint
 * produces (the preferred fix of one finding among several: ESLint applies all of them).
 */
export function fixTableCase(group: FixCase[], filename: string): { item: Invalid; stated: number } | undefined {
  const { code, ruleId, settings = {} } = group[0]!;
  const { findings, fixes } = coreFixes(ruleId, code, filename, settings);
  let output: string | null | undefined;
  const suggestionOutputs = new Map<Fix, string>();
  const names: string[] = [];
  for (const c of group) {
    if (c.output === null) continue;
    const nth = c.nth ?? 0;
    const wanted = c.fix === undefined ? fixes[nth]?.[0] : fixes[nth]?.find((fix) => fix.title.includes(c.fix!));
    if (!wanted) return { item: { name: `${c.name}: no such fix`, code, filename, errors: [], output: null }, stated: 1 }; // fails, naming the case
    if (c.fix === undefined || wanted === fixes[nth]![0]) {
      if (findings.length > 1) continue;
      output = c.output;
    } else {
      suggestionOutputs.set(wanted, c.output);
    }
    names.push(c.name);
  }
  if (names.length === 0) return undefined;
  const errors = findings.map((finding, i): ErrorSpec => ({
    messageId: 'finding',
    line: finding.line,
    column: finding.column,
    suggestions: fixes[i]!.slice(1).map((fix) => ({
      messageId: 'fix', data: { title: fix.title }, output: suggestionOutputs.get(fix) ?? applyEdits(code, fix.edits),
    })),
  }));
  // The table's fix settings become the rule's options, which ESLint validates against its schema.
  const options = Object.keys(settings).length > 0 ? [settings] : [];
  const item = { name: names.join(' + '), code, filename, options, errors, output: output ?? expectedOutput(code, fixes.map((f) => f[0])) };
  return { item, stated: names.length };
}

interface CoreFixes {
  findings: (LintMessage & { line: number; column: number })[];
  /** Per finding, in source order: its fixes, preferred first. */
  fixes: Fix[][];
}

function coreFixes(ruleId: string, code: string, filename: string, settings: Partial<FixSettings> = {}): CoreFixes {
  const { graph, messages } = lintText(code, filename);
  const findings = messages.filter((m) => m.ruleId === ruleId).map((m) => ({ ...m, ...lineAndColumn(code, m.span.start) }));
  return { findings, fixes: findings.map((finding) => fixesFor(code, graph, finding, settings)) };
}

function suggestionsOf(code: string, fixes: Fix[]): SuggestionSpec[] {
  return fixes.map((fix) => ({ messageId: 'fix', data: { title: fix.title }, output: applyEdits(code, fix.edits) }));
}

/** `output` for RuleTester: the text after one fix pass, or null when nothing is fixed. */
function expectedOutput(code: string, preferred: (Fix | undefined)[]): string | null {
  const output = onePass(code, preferred.filter((fix): fix is Fix => fix !== undefined));
  return output === code ? null : output;
}

/**
 * What one ESLint fix pass makes of these fixes (RuleTester's `output` is one pass): each
 * fix's edits become one range, the fixes are applied in range order, and one that starts
 * at or before the end of the last applied fix waits for the next pass (ESLint's
 * SourceCodeFixer).
 */
export function onePass(text: string, fixes: Fix[]): string {
  const merged = fixes
    .map((fix) => {
      const start = Math.min(...fix.edits.map((e) => e.start));
      const end = Math.max(...fix.edits.map((e) => e.end));
      const shifted = fix.edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
      return { start, end, text: applyEdits(text.slice(start, end), shifted) };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let output = '';
  let lastPos = Number.NEGATIVE_INFINITY;
  for (const fix of merged) {
    if (lastPos >= fix.start) continue;
    output += text.slice(Math.max(0, lastPos), fix.start) + fix.text;
    lastPos = fix.end;
  }
  return output + text.slice(Math.max(0, lastPos));
}

function includes(fragment: string): RegExp {
  return new RegExp(fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

