// The one entry point shared by the language server and the CLI: text in, graph and
// severity-annotated findings out.
import { analyzeTextAndTree, type ModuleLoader } from '../analysis';
import type { ts } from '../analysis/parse';
import { usesTfjs, type ModelGraph } from '../analysis/modelGraph';
import { allRules } from '../rules';
import type { Finding, Severity, SeveritySetting } from '../rules/rule';
import { placeExternalFindings } from './externalFindings';
import { mergeLayerInstances } from './layerInstances';
import { applySuppressions } from './suppressions';

export interface LintOptions {
  /** Per-rule severity overrides; 'off' disables the rule. */
  rules?: Record<string, SeveritySetting | undefined>;
  /** Follow imports into the workspace's own modules (cross-file analysis); single-file when absent. */
  crossFile?: CrossFileLint;
}

/** The workspace's modules, for a lint that follows imports (../project/workspaceModules.ts). */
export interface CrossFileLint extends ModuleLoader {
  /** `ruleId@offset` of the findings a module's own single-file lint reports. */
  findingsOf(file: string): ReadonlySet<string>;
}

export interface LintMessage extends Finding {
  severity: Severity;
}

export interface LintResult {
  graph: ModelGraph;
  messages: LintMessage[];
}

export function lintText(text: string, fileName: string, options: LintOptions = {}): LintResult {
  const { graph, tree } = analyzeTextAndTree(text, fileName, { modules: options.crossFile });
  return lintGraph(text, fileName, graph, options, tree);
}

/**
 * The rules over a graph already built for `text` (by analyzeText or an IncrementalAnalysis);
 * `tree`, the syntax tree that analysis parsed, spares the suppression scan a second parse.
 */
export function lintGraph(text: string, fileName: string, graph: ModelGraph, options: LintOptions = {}, tree?: ts.SourceFile): LintResult {
  let messages: LintMessage[] = [];
  if (graph.fatal || !usesTfjs(graph.tfjs)) return { graph, messages };
  for (const rule of allRules) {
    const severity = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    // Rules build fresh findings on every check: annotate them in place (no copy per finding).
    for (const finding of rule.check(graph)) {
      (finding as LintMessage).severity = severity;
      messages.push(finding as LintMessage);
    }
  }
  messages = mergeLayerInstances(graph, messages) as LintMessage[];
  if (options.crossFile) messages = placeExternalFindings(graph, messages, options.crossFile) as LintMessage[];
  // Rule ids are lowercase ASCII: code-unit order is their alphabetical order (localeCompare is slow).
  messages.sort((a, b) => a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  // `// reglint-disable-next-line` and `/* reglint-disable */` comments (./suppressions.ts).
  return { graph, messages: applySuppressions(text, fileName, messages, options, tree) };
}
