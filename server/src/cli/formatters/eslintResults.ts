// reglint's findings in ESLint's result shape, which the JSON output prints and the text
// output lays out. ESLint knows two severities, so reglint's four map onto them:
// error → 2; warning, info and hint → 1 (reported and counted as warnings, never failing
// the run).
import type { Severity } from '../../rules/rule';
import type { LintedFile } from '../lintFiles';

export type EslintSeverity = 1 | 2;

export interface EslintMessage {
  ruleId: string | null;
  severity: EslintSeverity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  errorCount: number;
  warningCount: number;
}

/** A message with reglint's own severity and 1-based positions, before the ESLint mapping. */
export interface PositionedMessage extends Omit<EslintMessage, 'severity'> {
  severity: Severity;
}

export function eslintSeverity(severity: Severity): EslintSeverity {
  return severity === 'error' ? 2 : 1;
}

export function positionedMessages(file: LintedFile): PositionedMessage[] {
  const messages: PositionedMessage[] = [];
  if (file.notAnalysed !== undefined) {
    messages.push({
      ruleId: null,
      severity: 'error',
      message: `reglint could not analyse this file: ${file.notAnalysed}`,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  }
  for (const finding of file.messages) {
    const start = file.lines.at(finding.span.start);
    const end = file.lines.at(finding.span.end);
    messages.push({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    });
  }
  return messages;
}

export function toEslintResult(file: LintedFile): EslintResult {
  const messages = positionedMessages(file).map(m => ({ ...m, severity: eslintSeverity(m.severity) }));
  return {
    filePath: file.filePath,
    messages,
    errorCount: messages.filter(m => m.severity === 2).length,
    warningCount: messages.filter(m => m.severity === 1).length,
  };
}
