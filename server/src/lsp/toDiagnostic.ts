// Findings (plain data with character offsets) → LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelGraph, Span } from '../analysis/modelGraph';
import type { LintMessage } from '../lint/lintText';
import type { Severity } from '../rules/rule';
import { RuleDocLinks } from './ruleDocLinks';

export const DIAGNOSTIC_SOURCE = 'reglint';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function spanToRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toDiagnostic(
  message: LintMessage, document: TextDocument, graph: ModelGraph, docLinks: RuleDocLinks = RuleDocLinks.standard,
): Diagnostic {
  const diagnostic: Diagnostic = {
    range: spanToRange(document, message.span),
    severity: LSP_SEVERITY[message.severity],
    source: DIAGNOSTIC_SOURCE,
    code: message.ruleId,
    codeDescription: { href: docLinks.diagnosticHref(message.ruleId) },
    message: message.message,
  };
  const related = relatedInformation(message, document, graph);
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

function relatedInformation(message: LintMessage, document: TextDocument, graph: ModelGraph): DiagnosticRelatedInformation[] {
  const related: DiagnosticRelatedInformation[] = [];
  for (const index of message.relatedLayers ?? []) {
    const layer = graph.layers[index];
    if (!layer) continue;
    related.push({
      location: { uri: document.uri, range: spanToRange(document, layer.nameSpan) },
      message: `related layer: ${layer.calleePrefix}${layer.factory}`,
    });
  }
  return related;
}

/** The one diagnostic shown when reglint itself failed on a document. */
export function failureDiagnostic(code: string, message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code,
    message,
  };
}
