// Suppression comments, in ESLint's spirit:
//   // reglint-disable-next-line dense-unregularized, conv-unregularized -- why
//   // reglint-disable-line dense-unregularized
//   /* reglint-disable dense-unregularized */        (the whole file)
// No rule ids means every rule. A directive (or one of its ids) that suppresses nothing
// is itself reported as `unused-disable-directive` (a hint), so stale comments surface.
import type { Span } from '../analysis/modelGraph';
import { parseWithParents, ts } from '../analysis/parse';
import { ruleById } from '../rules';
import type { RuleMeta, Severity } from '../rules/rule';
import type { LintMessage, LintOptions } from './lintText';
import { LineIndex } from '../text/lineIndex';

export const UNUSED_DIRECTIVE_RULE_ID = 'unused-disable-directive';
export const UNUSED_DIRECTIVE_SEVERITY: Severity = 'hint';

/** What a rule's meta would say of the directive report (ESLint runs it as a rule). */
export const UNUSED_DIRECTIVE_META: RuleMeta = {
  id: UNUSED_DIRECTIVE_RULE_ID,
  defaultSeverity: UNUSED_DIRECTIVE_SEVERITY,
  type: 'suggestion',
  description: 'A reglint-disable comment, or a rule id in one, that suppresses no finding.',
  // Its removal is offered, never applied by fix-all or --fix (../fixes/fixAll.ts).
  fixable: false,
};

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named, in order; empty means every rule. */
  ruleIds: string[];
  /** Each id's span in the comment, parallel to ruleIds. */
  idSpans: Span[];
  /** The whole comment. */
  span: Span;
  /** The 0-based line whose findings it suppresses; undefined for the whole file. */
  line?: number;
}

/** An unused directive, with what the removal fix needs. */
export interface UnusedDirectiveMessage extends LintMessage {
  ruleId: typeof UNUSED_DIRECTIVE_RULE_ID;
  /** The ids that suppressed nothing; empty when the whole directive is unused. */
  unusedRuleIds: string[];
}

const MARKER = 'reglint-disable';
const DIRECTIVE = /^(\s*)(reglint-disable(?:-next-line|-line)?)(?=\s|$)([^]*?)(?:\s--\s[^]*)?\s*$/;

/**
 * Drops suppressed messages and adds one for every directive that suppressed nothing.
 * `tree`: the text's syntax tree with parent pointers, when the caller has one.
 */
export function applySuppressions(
  text: string, fileName: string, messages: LintMessage[], options: LintOptions = {}, tree?: ts.SourceFile,
): LintMessage[] {
  if (!text.includes(MARKER)) return messages;
  const directives = parseDirectives(text, fileName, tree && (() => tree));
  if (directives.length === 0) return messages;
  const lines = new LineIndex(text);
  const usedIds = directives.map(() => new Set<string>());
  const kept: LintMessage[] = [];
  for (const message of messages) {
    const line = lines.lineOf(message.span.start);
    let suppressed = false;
    directives.forEach((directive, i) => {
      if (directive.line !== undefined && directive.line !== line) return;
      if (directive.ruleIds.length > 0 && !directive.ruleIds.includes(message.ruleId)) return;
      usedIds[i].add(message.ruleId);
      suppressed = true;
    });
    if (!suppressed) kept.push(message);
  }
  const severity = options.rules?.[UNUSED_DIRECTIVE_RULE_ID] ?? UNUSED_DIRECTIVE_SEVERITY;
  if (severity === 'off') return kept;
  directives.forEach((directive, i) => {
    const unused = unusedReport(directive, usedIds[i], options);
    if (unused) kept.push({ ...unused, severity });
  });
  return kept.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

function unusedReport(directive: Directive, used: Set<string>, options: LintOptions): Omit<UnusedDirectiveMessage, 'severity'> | undefined {
  const base = { ruleId: UNUSED_DIRECTIVE_RULE_ID, span: directive.span } as const;
  const where = directive.kind === 'disable' ? 'in this file' : 'on its line';
  if (directive.ruleIds.length === 0) {
    if (used.size > 0) return undefined;
    return { ...base, unusedRuleIds: [], message: `Unused ${directive.kind.replace('disable', 'reglint-disable')} directive: no finding ${where} to suppress.` };
  }
  // A rule switched off in the settings reports nothing anywhere: its directives are not stale.
  const unusedIds = directive.ruleIds.filter((id) => !used.has(id) && options.rules?.[id] !== 'off');
  if (unusedIds.length === 0) return undefined;
  const reasons = unusedIds.map((id) => (ruleById(id) ? `no ${id} finding ${where}` : `reglint has no rule '${id}'`));
  const whole = unusedIds.length === directive.ruleIds.length;
  return {
    ...base,
    unusedRuleIds: whole ? [] : unusedIds,
    message: `Unused reglint-${directive.kind} directive: ${reasons.join('; ')}.`,
  };
}

/**
 * Every reglint directive in the file's comments (never in strings or templates).
 * `parsed` gives the file's tree with parent pointers (undefined when it does not parse),
 * for a caller that has it already; it is asked for only when the file mentions a directive.
 */
export function parseDirectives(
  text: string, fileName: string, parsed: () => ts.SourceFile | undefined = () => parseWithParents(text, fileName),
): Directive[] {
  if (!text.includes(MARKER)) return [];
  const lines = new LineIndex(text);
  const directives: Directive[] = [];
  for (const comment of commentsMentioning(text, parsed(), MARKER)) {
    const isLineComment = text.startsWith('//', comment.start);
    const bodyStart = comment.start + 2;
    const body = text.slice(bodyStart, isLineComment ? comment.end : comment.end - 2);
    const match = DIRECTIVE.exec(body);
    if (!match) continue;
    const name = match[2];
    const idsStart = bodyStart + match[1].length + name.length;
    const ruleIds: string[] = [];
    const idSpans: Span[] = [];
    for (const id of match[3].matchAll(/[^\s,]+/g)) {
      ruleIds.push(id[0]);
      idSpans.push({ start: idsStart + id.index!, end: idsStart + id.index! + id[0].length });
    }
    const kind = name.slice('reglint-'.length) as DirectiveKind;
    const line = kind === 'disable-next-line' ? lines.lineOf(comment.end) + 1
      : kind === 'disable-line' ? lines.lineOf(comment.start) : undefined;
    directives.push({ kind, ruleIds, idSpans, span: comment, ...(line === undefined ? {} : { line }) });
  }
  return directives;
}

/**
 * The comments containing `needle`. Each occurrence is located in the syntax tree: inside
 * a token (a string, a template, a regex) it is not a comment; otherwise it lies in the
 * trivia before a token, which holds only whitespace and comments.
 */
function commentsMentioning(text: string, sourceFile: ts.SourceFile | undefined, needle: string): Span[] {
  // With parent pointers, which getChildren needs. Too deeply nested to parse: no directive.
  if (!sourceFile) return [];
  const found = new Map<number, Span>();
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    const trivia = triviaAround(sourceFile, at);
    const comment = trivia && commentsIn(text, trivia).find((c) => c.start <= at && at < c.end);
    if (comment) found.set(comment.start, comment);
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** The trivia range holding `offset`, or undefined when the offset is inside a token. */
function triviaAround(sourceFile: ts.SourceFile, offset: number): Span | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    const child = node.getChildren(sourceFile).find((c) => !isJsDoc(c) && c.pos <= offset && offset < c.end);
    if (!child) return undefined;
    const start = child.getStart(sourceFile);
    if (offset < start) return { start: child.pos, end: start };
    if (child.getChildCount(sourceFile) === 0) return undefined;
    node = child;
  }
}

function isJsDoc(node: ts.Node): boolean {
  return node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;
}

/** The comments in a stretch of trivia (a shebang at the file's start is skipped). */
function commentsIn(text: string, trivia: Span): Span[] {
  const comments: Span[] = [];
  let i = trivia.start;
  if (i === 0 && text.startsWith('#!')) i = lineEnd(text, 0);
  while (i < trivia.end) {
    if (text.startsWith('//', i)) {
      const end = lineEnd(text, i);
      comments.push({ start: i, end });
      i = end;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? trivia.end : close + 2;
      comments.push({ start: i, end });
      i = end;
    } else {
      i++;
    }
  }
  return comments;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Offsets to 0-based line numbers (CRLF, LF and lone CR all end a line, as in TypeScript). */
