// Parsing with TypeScript's own parser (the copy ts-morph ships). The hot path walks the
// raw compiler tree: ts-morph's wrapper walk costs 3-4x a bare parse (shared/NOTES.md).
import * as tsMorph from 'ts-morph';
import { isHtmlFile, scriptTextOf } from '../html/scriptText';
import type { ParseProblem } from './modelGraph';

// Re-exported as a plain data property: `export { ts }` would compile to a getter, and the
// hot path calls `ts.isX` millions of times.
export import ts = tsMorph.ts;

export function scriptKindFor(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  // An HTML page's scripts may be JSX for Babel standalone (`type="text/babel"`); JSX
  // parsing reads plain JavaScript the same.
  if (lower.endsWith('.jsx') || isHtmlFile(lower)) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/**
 * The text the parser reads for a file: U+FFFD neutralised, and for an HTML page only its
 * inline scripts, at their offsets in the page (../html/scriptText.ts).
 */
export function sourceTextFor(text: string, fileName: string): string {
  return neutralizeReplacementChars(isHtmlFile(fileName) ? scriptTextOf(text) : text);
}

/**
 * JSDoc comments are not parsed into nodes: nothing in reglint reads them (suppression
 * directives are found in the text), and skipping them makes the parse ~8% faster on
 * documented code, as typescript-eslint does when it has no type information.
 */
export const PARSE_OPTIONS: ts.CreateSourceFileOptions = {
  languageVersion: ts.ScriptTarget.Latest,
  jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
};

/** Parent pointers are NOT set here: indexFile sets them in its single walk. */
export function parseSource(text: string, fileName: string): ts.SourceFile {
  return ts.createSourceFile(fileName, sourceTextFor(text, fileName), PARSE_OPTIONS, false, scriptKindFor(fileName));
}

/**
 * The same parse with parent pointers, for code that walks up from nodes or asks for
 * children (fixes, suppression comments), with the analysis's options. Undefined when the
 * code is nested deeper than the parser's stack allows: the analysis may still have parsed
 * it a moment before (how close a parse gets to the limit depends on the JIT's frames;
 * found by the fuzzer), so callers give up quietly rather than throw.
 */
export function parseWithParents(text: string, fileName: string): ts.SourceFile | undefined {
  try {
    return ts.createSourceFile(fileName || 'file.ts', sourceTextFor(text, fileName), PARSE_OPTIONS, true, scriptKindFor(fileName));
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * Incremental reparse: `previous` (which becomes unusable) updated to `text` with TypeScript's
 * incremental parser, reusing the nodes outside `change` (offsets in previous.text). The same
 * U+FFFD neutralisation as parseSource applies; it is length-preserving, so `change` holds.
 */
export function reparseSource(previous: ts.SourceFile, text: string, change: ts.TextChangeRange): ts.SourceFile {
  return ts.updateSourceFile(previous, neutralizeReplacementChars(text), change);
}

/**
 * TypeScript's scanner stops at the first U+FFFD outside strings and comments ("File
 * appears to be binary") and drops the rest of the file; one invalid UTF-8 byte would hide
 * every layer after it. Swap it for another one-unit invalid character, which the scanner
 * reports and skips, so offsets stay the same.
 */
export function neutralizeReplacementChars(text: string): string {
  return text.includes('\uFFFD') ? text.replace(/\uFFFD/g, '\u0001') : text;
}

/** TypeScript's syntax errors for the file (kept on it, not in its public type). */
export function parseDiagnosticsOf(sourceFile: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/** The syntax errors the parser recovered from (TypeScript keeps them on the file). */
export function parseProblemsOf(sourceFile: ts.SourceFile): ParseProblem[] {
  return parseDiagnosticsOf(sourceFile).map((d) => ({
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    span: { start: d.start, end: d.start + d.length },
  }));
}

/**
 * Cheap pre-check: nothing to analyse unless the text names a tfjs module, the word `tf`
 * (the page's global, unimportedTfjs.ts), or reads `.layers.` / `.sequential(` off
 * something (a tfjs namespace passed in).
 */
export function mentionsTfjs(text: string): boolean {
  return text.includes('@tensorflow/tfjs') || MAY_USE_TFJS.test(text);
}

const MAY_USE_TFJS = /\btf\b|\.\s*layers\s*\.|\.\s*sequential\s*\(/;
