// unused-disable-directive: remove the stale ids from the comment, or the comment itself
// (and its line, when it had the line to itself).
import type { Finding } from '../rules/rule';
import { parseDirectives, type UnusedDirectiveMessage } from '../lint/suppressions';
import { wholeLineSpan } from './sourceText';
import type { Remedy } from './remedy';

export const removeUnusedDirective: Remedy = (ctx, finding) => {
  if (!hasUnusedIds(finding)) return undefined; // a bare Finding does not say which ids are stale
  // The tree the fixes share (UnparsableForFixes when the file does not parse: no fix).
  const directive = parseDirectives(ctx.text, ctx.graph.fileName, () => ctx.sourceFile)
    .find((d) => d.span.start === finding.span.start && d.span.end === finding.span.end);
  if (!directive) return undefined;
  const text = ctx.text;
  if (finding.unusedRuleIds.length === 0) {
    const { start, end } = directive.span;
    const line = wholeLineSpan(text, start, end);
    if (line) return { title: 'Remove unused reglint directive', edits: [{ ...line, newText: '' }] };
    let from = start;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    return { title: 'Remove unused reglint directive', edits: [{ start: from, end, newText: '' }] };
  }
  const kept = directive.ruleIds.filter((id) => !finding.unusedRuleIds.includes(id));
  const first = directive.idSpans[0].start;
  const last = directive.idSpans[directive.idSpans.length - 1].end;
  return {
    title: `Remove ${finding.unusedRuleIds.join(', ')} from the reglint directive`,
    edits: [{ start: first, end: last, newText: kept.join(', ') }],
  };
};

function hasUnusedIds(finding: Finding): finding is UnusedDirectiveMessage {
  return Array.isArray((finding as Partial<UnusedDirectiveMessage>).unusedRuleIds);
}
