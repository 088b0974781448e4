// Parsing with TypeScript's own parser (the copy ts-morph ships). The hot path walks the
// raw compiler tree: ts-morph's wrapper walk costs 3-4x a bare parse (shared/NOTES.md).
import { ts } from 'ts-morph';
import type { ParseProblem } from './modelGraph';

export { ts };

export function scriptKindFor(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export function parseSource(text: string, fileName: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindFor(fileName));
}

/** The syntax errors the parser recovered from (TypeScript keeps them on the file). */
export function parseProblemsOf(sourceFile: ts.SourceFile): ParseProblem[] {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] })
    .parseDiagnostics ?? [];
  return diagnostics.map((d) => ({
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    span: { start: d.start, end: d.start + d.length },
  }));
}

/** Cheap pre-check: no tfjs module named anywhere means nothing to analyse. */
export function mentionsTfjs(text: string): boolean {
  return text.includes('@tensorflow/tfjs');
}
