// A sanity-train report → diagnostics on the model's definition, and how they follow the
// document afterwards: moved with the model when lines shift, prefixed "(stale) " while
// the model's own text differs from the text that was trained, dropped when the model
// is gone. Pure functions of the text, the graph and the stored result (no LSP I/O).
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelGraph, ModelNode } from '../analysis/modelGraph';
import { docUrl, TRAINING_DOC } from '../docs/docLinks';
import type { CheckResult } from '../training/checks/types';
import { assumptionLine, assumptionSummary } from '../training/assumptionText';
import type { TrainReport } from '../training/runner';
import { DIAGNOSTIC_SOURCE, spanToRange } from './toDiagnostic';

export const SANITY_TRAIN_DOC = `${docUrl(TRAINING_DOC)}#checks`;
export const STALE_PREFIX = '(stale) ';

/** What the server keeps of one model's last sanity-train. */
export interface StoredResult {
  /** The model's name and its position among models of that name (to find it after edits). */
  modelName: string;
  occurrence: number;
  /** The model's text (its definition, layers and compile call, whitespace removed) when trained. */
  fingerprint: string;
  /** Diagnostics as computed against the trained text, with ranges relative to the definition's start. */
  diagnostics: Diagnostic[];
  /** Definition line when trained (0-based), to shift ranges when the model moves. */
  line: number;
  report: TrainReport;
}

/** The model the stored result belongs to in `graph`, if it is still there. */
export function findModel(graph: ModelGraph, name: string, occurrence: number): ModelNode | undefined {
  return graph.models.filter(m => m.name === name)[occurrence];
}

export function occurrenceOf(graph: ModelGraph, model: ModelNode): number {
  return graph.models.filter(m => m.name === model.name).indexOf(model);
}

/** The model's text: definition, each layer call, and its compile() config; whitespace-insensitive. */
export function modelFingerprint(text: string, graph: ModelGraph, model: ModelNode): string {
  const parts = [text.slice(model.span.start, model.span.end)];
  for (const i of model.layers) {
    const layer = graph.layers[i];
    if (layer) parts.push(text.slice(layer.span.start, layer.span.end));
  }
  const compile = compileCallText(text, model.name);
  if (compile) parts.push(compile);
  return parts.join('\u0000').replace(/\s+/g, '');
}

/** `<name>.compile(...)` as written (first occurrence), without parsing: enough to notice a change. */
function compileCallText(text: string, name: string): string | undefined {
  const at = text.indexOf(`${name}.compile(`);
  if (at < 0) return undefined;
  let depth = 0;
  for (let i = text.indexOf('(', at); i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(at, i + 1);
    }
  }
  return text.slice(at, Math.min(text.length, at + 400));
}

/** The definition's first line, from the constructing call to the end of that line. */
export function definitionRange(document: TextDocument, model: ModelNode): Range {
  const start = document.positionAt(model.span.start);
  const end = document.positionAt(model.span.end);
  if (end.line === start.line) return { start, end };
  const lineEnd = document.offsetAt({ line: start.line + 1, character: 0 });
  const text = document.getText();
  let e = lineEnd;
  while (e > model.span.start && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
  return { start, end: document.positionAt(e) };
}

export interface ReportContext {
  uri: string;
  document: TextDocument;
  graph: ModelGraph;
  model: ModelNode;
  /** Why it was not trained at all (no spec and no trust), when it was not. */
  notTrainedReason?: string;
}

/**
 * An Error only for `fail` (the model or its output/loss pairing is broken: fix it before
 * training), a Warning for `warn`, Information for `inconclusive` (shown, so the user reads
 * what would settle it, e.g. a larger budget); pass and skipped show only in the summary.
 */
export function severityOf(verdict: CheckResult['verdict']): DiagnosticSeverity | undefined {
  if (verdict === 'fail') return DiagnosticSeverity.Error;
  if (verdict === 'warn') return DiagnosticSeverity.Warning;
  if (verdict === 'inconclusive') return DiagnosticSeverity.Information;
  return undefined;
}

/** One diagnostic per failing or warning check, plus one summary (always, so a run is visible). */
export function reportDiagnostics(report: TrainReport, ctx: ReportContext): Diagnostic[] {
  const range = definitionRange(ctx.document, ctx.model);
  const base = { range, source: DIAGNOSTIC_SOURCE, codeDescription: { href: SANITY_TRAIN_DOC } };
  const related = (c: CheckResult): DiagnosticRelatedInformation[] => {
    const entries = c.id === 'generalization-gap' || c.id === 'what-if'
      ? report.whatIfChanges.map(w => ({ graphIndex: w.graphIndex, line: w.line, message: `what-if: ${w.description}` }))
      : (c.related ?? []).map(r => ({ graphIndex: r.graphIndex, line: r.line, message: r.message }));
    return entries.flatMap(e => {
      const layer = e.graphIndex !== undefined ? ctx.graph.layers[e.graphIndex] : undefined;
      const r: Range | undefined = layer
        ? spanToRange(ctx.document, layer.nameSpan)
        : e.line !== undefined ? { start: { line: e.line - 1, character: 0 }, end: { line: e.line - 1, character: 0 } } : undefined;
      return r ? [{ location: { uri: ctx.uri, range: r }, message: e.message }] : [];
    });
  };
  const out: Diagnostic[] = [];
  if (report.built === 'failed') {
    out.push({
      ...base,
      severity: DiagnosticSeverity.Information,
      code: 'sanity-train/not-trained',
      message: `sanity-train: ${report.model} was not trained: ${ctx.notTrainedReason ?? report.reason ?? 'unknown reason'}`,
      data: { sanityTrain: true, model: report.model },
    });
    return out;
  }
  for (const c of report.checks) {
    const severity = severityOf(c.verdict);
    if (severity === undefined) continue;
    const info = related(c);
    out.push({
      ...base,
      severity,
      code: `sanity-train/${c.id}`,
      message: `sanity-train ${c.id}: ${c.message}`,
      ...(info.length ? { relatedInformation: info } : {}),
      data: { sanityTrain: true, model: report.model, check: c.id, verdict: c.verdict },
    });
  }
  const assumed = assumptionSummary(report.assumptions);
  if (assumed) {
    // Every value the code does not fix, each at its line: the verdicts hold for these.
    const related = (report.assumptions ?? []).filter(a => a.source !== 'user' && a.source !== 'code' && a.line !== undefined).map(a => ({
      location: { uri: ctx.uri, range: { start: { line: a.line! - 1, character: 0 }, end: { line: a.line! - 1, character: 0 } } },
      message: assumptionLine(a),
    }));
    out.push({
      ...base,
      severity: DiagnosticSeverity.Information,
      code: 'sanity-train/assumptions',
      message: `sanity-train: ${assumed}; the verdicts hold for these values (the Sanity-train prompt, reglint.train.inputShape or a data file give the real ones)`,
      ...(related.length ? { relatedInformation: related } : {}),
      data: { sanityTrain: true, model: report.model },
    });
  }
  out.push({
    ...base,
    severity: DiagnosticSeverity.Information,
    code: 'sanity-train/summary',
    message: summaryMessage(report),
    data: { sanityTrain: true, model: report.model },
  });
  return out;
}

export function summaryMessage(report: TrainReport): string {
  const verdicts = report.checks.map(c => `${c.id} ${c.verdict}${c.outcome && c.outcome !== 'inconclusive' ? ` (${c.outcome})` : ''}`).join(', ');
  const how = [
    `built ${report.built}`,
    report.backend ? `${report.backend} backend` : undefined,
    `${(report.elapsedMs / 1000).toFixed(1)} s of ${report.budgetSeconds} s`,
    `seed ${report.seed}${report.seeds > 1 ? ` (+${report.seeds - 1} more on their own splits)` : ''}`,
    report.data ? `data ${baseName(report.data.file)} (${report.data.train} train / ${report.data.val} validation rows per seed)` : 'synthetic data: choose a data file for the overfitting verdict',
    assumedCount(report) ? `${assumedCount(report)} assumed value${assumedCount(report) === 1 ? '' : 's'}` : undefined,
  ].filter(Boolean).join(', ');
  return `sanity-train of ${report.model}: ${verdicts} (${how})${report.backendNote ? `; ${report.backendNote}` : ''}`;
}

function assumedCount(report: TrainReport): number {
  return (report.assumptions ?? []).filter(a => a.source !== 'user' && a.source !== 'code').length;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Stores the diagnostics with ranges as computed now (shifted later by `currentDiagnostics`). */
export function storeResult(report: TrainReport, ctx: ReportContext, fingerprint: string): StoredResult {
  return {
    modelName: ctx.model.name,
    occurrence: occurrenceOf(ctx.graph, ctx.model),
    fingerprint,
    diagnostics: reportDiagnostics(report, ctx),
    line: ctx.document.positionAt(ctx.model.span.start).line,
    report,
  };
}

/**
 * The stored result as it applies to the document now: undefined when the model is gone;
 * otherwise its diagnostics at the model's current definition, "(stale) " when the
 * model's text changed since the run.
 */
export function currentDiagnostics(stored: StoredResult, document: TextDocument, graph: ModelGraph): { diagnostics: Diagnostic[]; stale: boolean } | undefined {
  const model = findModel(graph, stored.modelName, stored.occurrence);
  if (!model) return undefined;
  const stale = modelFingerprint(document.getText(), graph, model) !== stored.fingerprint;
  const range = definitionRange(document, model);
  const shift = range.start.line - stored.line;
  const diagnostics = stored.diagnostics.map(d => ({
    ...d,
    range,
    message: stale ? STALE_PREFIX + d.message : d.message,
    ...(d.relatedInformation
      ? {
          relatedInformation: d.relatedInformation.map(r => ({
            ...r,
            location: {
              ...r.location,
              range: {
                start: { line: Math.max(0, r.location.range.start.line + shift), character: r.location.range.start.character },
                end: { line: Math.max(0, r.location.range.end.line + shift), character: r.location.range.end.character },
              },
            },
          })),
        }
      : {}),
    ...(stale ? { data: { ...(d.data as object), stale: true } } : {}),
  }));
  return { diagnostics, stale };
}
