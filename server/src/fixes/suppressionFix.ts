// The "Disable <rule> for this line / for this file" code actions: write the suppression
// comment (../lint/suppressions.ts reads it), extending an existing directive when there
// is one right there instead of stacking a second comment.
import type { Finding } from '../rules/rule';
import { parseDirectives, UNUSED_DIRECTIVE_RULE_ID, type Directive } from '../lint/suppressions';
import { LineIndex } from '../text/lineIndex';
import { indentationAt, lineEndingOf, nextLineStartOf, startsItsLine, endOfTriviaLine } from './sourceText';
import type { Fix, TextEdit } from './types';

export function suppressionFix(text: string, finding: Finding, fileName = 'file.ts'): Fix[] {
  if (finding.ruleId === UNUSED_DIRECTIVE_RULE_ID) return [];
  const directives = parseDirectives(text, fileName);
  const ruleId = finding.ruleId;
  return [
    { title: `Disable ${ruleId} for this line`, ruleId, isPreferred: false, edits: [disableForLine(text, finding, directives)] },
    { title: `Disable ${ruleId} for this file`, ruleId, isPreferred: false, edits: [disableForFile(text, ruleId, directives)] },
  ];
}

function disableForLine(text: string, finding: Finding, directives: Directive[]): TextEdit {
  const lines = new LineIndex(text);
  const line = lines.lineOf(finding.span.start);
  // (after a byte-order mark, which must stay the file's first character)
  const lineStart = Math.max(lines.startOf(line), line === 0 && text.startsWith('\uFEFF') ? 1 : 0);
  // A `// reglint-disable-next-line a` alone on the line above: add the id to it.
  const above = directives.find((d) =>
    d.kind === 'disable-next-line' && d.line === line && d.ruleIds.length > 0 &&
    startsItsLine(text, d.span.start) && endOfTriviaLine(text, d.span.end) !== undefined);
  if (above) return appendId(above, finding.ruleId);
  const indentation = indentationAt(text, lineStart);
  return { start: lineStart, end: lineStart, newText: `${indentation}// reglint-disable-next-line ${finding.ruleId}${lineEndingOf(text)}` };
}

function disableForFile(text: string, ruleId: string, directives: Directive[]): TextEdit {
  let top = text.startsWith('\uFEFF') ? 1 : 0;
  let prefix = '';
  if (text.startsWith('#!', top)) {
    top = nextLineStartOf(text, top);
    if (top === text.length && !/[\r\n]$/.test(text)) prefix = lineEndingOf(text);
  }
  const existing = directives.find((d) => d.kind === 'disable' && d.span.start === top && d.ruleIds.length > 0);
  if (existing) return appendId(existing, ruleId);
  return { start: top, end: top, newText: `${prefix}/* reglint-disable ${ruleId} */${lineEndingOf(text)}` };
}

function appendId(directive: Directive, ruleId: string): TextEdit {
  const end = directive.idSpans[directive.idSpans.length - 1].end;
  return { start: end, end, newText: `, ${ruleId}` };
}
