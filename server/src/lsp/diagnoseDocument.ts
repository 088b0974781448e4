// One document's text → its diagnostics, without ever throwing: whatever goes wrong in
// the analysis is logged and turned into at most one diagnostic, so a bug or a
// pathological file costs that document its diagnostics, never the server its life.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { mentionsTfjs } from '../analysis/parse';
import { lintText, type CrossFileLint } from '../lint/lintText';
import { describeError, type Logger } from './logger';
import { RuleDocLinks } from './ruleDocLinks';
import type { ReglintSettings } from './settings';
import { failureDiagnostic, toDiagnostic } from './toDiagnostic';

/** Larger documents are skipped: generated or minified code, not model definitions. */
export const MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;

export const INTERNAL_ERROR_CODE = 'reglint-internal-error';
export const NOT_ANALYSED_CODE = 'reglint-not-analysed';

export type DiagnoseOutcome =
  | { kind: 'diagnostics'; diagnostics: Diagnostic[] }
  | { kind: 'skipped-too-large'; diagnostics: [] };

export function diagnoseDocument(
  document: TextDocument,
  settings: ReglintSettings,
  logger: Logger,
  lint: typeof lintText = lintText,
  docLinks: RuleDocLinks = RuleDocLinks.standard,
  crossFile?: CrossFileLint,
): DiagnoseOutcome {
  if (!settings.enable) return { kind: 'diagnostics', diagnostics: [] };
  const text = document.getText();
  if (text.length > MAX_DOCUMENT_CHARS) return { kind: 'skipped-too-large', diagnostics: [] };

  try {
    const { graph, messages } = lint(text, fileNameOf(document), { rules: settings.rules, crossFile });
    if (graph.fatal) {
      logger.warn(`Could not analyse ${document.uri}: ${graph.fatal}`);
      // Only worth a diagnostic where the user expects reglint to say something.
      if (!mentionsTfjs(text)) return { kind: 'diagnostics', diagnostics: [] };
      return {
        kind: 'diagnostics',
        diagnostics: [failureDiagnostic(NOT_ANALYSED_CODE, `reglint could not analyse this file: ${graph.fatal}`)],
      };
    }
    return { kind: 'diagnostics', diagnostics: messages.map(message => toDiagnostic(message, document, graph, docLinks)) };
  } catch (error) {
    logger.error(`Internal error while analysing ${document.uri} (version ${document.version}):\n${describeError(error)}`);
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'diagnostics',
      diagnostics: [
        failureDiagnostic(
          INTERNAL_ERROR_CODE,
          `reglint failed on this file (internal error: ${reason}); its findings are not shown. Details are in the Reglint output.`,
        ),
      ],
    };
  }
}

const EXTENSION_BY_LANGUAGE: Record<string, string> = {
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
  html: '.html',
};

/**
 * The file name handed to the analyser, which reads the extension to pick TS/TSX/JS
 * parsing. Untitled documents have no extension, so one is derived from the language.
 */
export function fileNameOf(document: TextDocument): string {
  let name = document.uri;
  try {
    name = decodeURIComponent(new URL(document.uri).pathname) || document.uri;
  } catch {
    // not a URL: keep the uri as it is
  }
  if (/\.([cm]?[jt]sx?|x?html?)$/i.test(name)) return name;
  return name + (EXTENSION_BY_LANGUAGE[document.languageId] ?? '.ts');
}
