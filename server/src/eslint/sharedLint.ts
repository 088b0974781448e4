// One analysis per file, shared by every reglint rule ESLint runs on it: the first rule to
// ask lints the text (lintText's two steps, all rules on, the `reglint-disable` directives
// applied), the others read the same result and keep their own rule's findings. ESLint
// builds one SourceCode per file and per fix pass, so the SourceCode is the key. ESLint asks
// for every finding's fixes as it is reported; they are written on the analysis's own tree.
import type { SourceCode } from 'eslint';
import { analyzeTextAndTree } from '../analysis';
import type { ts } from '../analysis/parse';
import { FixContext } from '../fixes/fixContext';
import { fixesInContext } from '../fixes/registry';
import { resolveFixSettings, type Fix, type FixSettings } from '../fixes/types';
import { lintGraph, type LintMessage, type LintResult } from '../lint/lintText';

/** Counts analyses, so a test can see that the rules share them. */
export const sharedLintStats = { analyses: 0 };

export class FileLint {
  /** Per fix settings (rule options may differ between rules): the parsed tree is kept in each. */
  private readonly fixContexts = new Map<string, FixContext>();

  constructor(
    readonly text: string,
    readonly result: LintResult,
    private readonly tree: ts.SourceFile | undefined,
  ) {}

  messagesOf(ruleId: string): LintMessage[] {
    return this.result.messages.filter((message) => message.ruleId === ruleId);
  }

  /** The finding's fixes, preferred first, written with the given fix settings. */
  fixesFor(message: LintMessage, settings: Partial<FixSettings>): Fix[] {
    const resolved = resolveFixSettings(settings);
    const key = JSON.stringify(resolved);
    let ctx = this.fixContexts.get(key);
    if (!ctx) {
      ctx = new FixContext(this.text, this.result.graph, resolved, this.tree);
      this.fixContexts.set(key, ctx);
    }
    return fixesInContext(ctx, message);
  }
}

const files = new WeakMap<SourceCode, FileLint>();

export function fileLintFor(sourceCode: SourceCode, fileName: string): FileLint {
  let file = files.get(sourceCode);
  if (!file) {
    sharedLintStats.analyses++;
    const { text } = sourceCode;
    const { graph, tree } = analyzeTextAndTree(text, fileName);
    file = new FileLint(text, lintGraph(text, fileName, graph, {}, tree), tree);
    files.set(sourceCode, file);
  }
  return file;
}
