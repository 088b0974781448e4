// The fix tables' runner: a snippet, the finding to fix, the fix to pick (the preferred one
// unless a title fragment says otherwise), and the exact text expected after applying it.
import * as assert from 'node:assert/strict';
import { applyEdits, fixesFor, type Fix, type FixSettings } from '../../server/src/fixes';
import { lintText, type LintMessage } from '../../server/src/lint/lintText';

export interface FixCase {
  name: string;
  /** Decides TS or JS parsing; `case.ts` unless given. */
  file?: string;
  code: string;
  ruleId: string;
  /** Which of the rule's findings, in source order (default the first). */
  nth?: number;
  /** A fragment of the wanted fix's title; the preferred fix when absent. */
  fix?: string;
  settings?: Partial<FixSettings>;
  /** The text after the fix; null when no such fix may be offered. */
  output: string | null;
}

export function findingsOf(text: string, file: string, ruleId: string): LintMessage[] {
  return lintText(text, file).messages.filter((m) => m.ruleId === ruleId);
}

export function runFixCase(c: FixCase): void {
  const file = c.file ?? 'case.ts';
  const { graph, messages } = lintText(c.code, file);
  const findings = messages.filter((m) => m.ruleId === c.ruleId);
  const finding = findings[c.nth ?? 0];
  assert.ok(finding, `no ${c.ruleId} finding #${c.nth ?? 0}; got: ${messages.map((m) => m.ruleId).join(', ') || 'none'}`);
  const fixes = fixesFor(c.code, graph, finding, c.settings);
  const fix = pick(fixes, c.fix);
  if (c.output === null) {
    assert.equal(fix, undefined, `expected no ${c.fix ?? 'preferred'} fix, got "${fix?.title}"`);
    return;
  }
  assert.ok(fix, `no ${c.fix ?? 'preferred'} fix among: ${fixes.map((f) => f.title).join(' | ') || 'none'}`);
  assert.equal(fixes.filter((f) => f.isPreferred).length, 1, 'exactly one preferred fix');
  const output = applyEdits(c.code, fix.edits);
  assert.equal(show(output), show(c.output));
  // Whatever the table says, the fix must do its job.
  assert.equal(findingsOf(output, file, c.ruleId).length, findings.length - 1, 'the fix removes its finding');
}

function pick(fixes: Fix[], titleFragment: string | undefined): Fix | undefined {
  return titleFragment === undefined ? fixes.find((f) => f.isPreferred) : fixes.find((f) => f.title.includes(titleFragment));
}

/** Line endings and tabs made visible, so a failing comparison shows them. */
function show(text: string): string {
  return text.replace(/\r/g, '␍').replace(/\t/g, '→');
}

export function runFixTable(title: string, cases: FixCase[]): void {
  describe(title, () => {
    const names = new Set<string>();
    for (const c of cases) {
      if (names.has(c.name)) throw new Error(`duplicate case name: ${c.name}`);
      names.add(c.name);
      it(c.name, () => runFixCase(c));
    }
  });
}

export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
export const tabs = (text: string): string => text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
