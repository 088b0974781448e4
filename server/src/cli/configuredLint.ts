// The lint command's use of `.reglintrc.json` and its CI options:
// - each file is linted with the config nearest to it (rules: defaults < .reglintrc.json
//   < --rule), files that include/exclude leave out are skipped (unless named explicitly);
// - an invalid config file stops the run with its problems (exit 2): linting CI with a
//   config that silently does not apply would be worse than failing;
// - --quiet keeps errors only; --max-warnings counts warnings before --quiet drops them
//   (as ESLint 9 does), where warnings are ESLint's: warning, info and hint findings.
import * as path from 'node:path';
import { ConfigLoader, isIncluded } from '../config/configLoader';
import { formatConfigProblems, type ReglintConfig } from '../config/reglintrc';
import type { LintMessage } from '../lint/lintText';
import type { SeveritySetting } from '../rules/rule';
import { UsageError } from './io';
import { lintFiles, type LintedFile, type LintRun, type LintRunOptions } from './lintFiles';

/** A broken `.reglintrc.json`: printed as it is (no usage text), exit 2. */
export class ConfigError extends UsageError {}

export interface ConfiguredRun {
  run: LintRun;
  /** Files found through directories or globs that include/exclude left out. */
  excluded: string[];
}

export async function lintWithConfig(
  files: readonly string[],
  inputs: readonly string[],
  cliRules: Record<string, SeveritySetting>,
  cwd: string,
  { runOptions = {}, loader = new ConfigLoader() }: { runOptions?: LintRunOptions; loader?: ConfigLoader } = {},
): Promise<ConfiguredRun> {
  const named = new Set(inputs.map((input) => path.resolve(cwd, input)));
  // Group the files by the config that applies, keeping the order within each group.
  const groups = new Map<string | null, { config: ReglintConfig; files: string[] }>();
  const excluded: string[] = [];
  for (const file of files) {
    const resolved = loader.forFile(file);
    const state = resolved.file;
    if (state && state.problems.length > 0) throw new ConfigError(formatConfigProblems(state.filePath, state.text, state.problems));
    if (!named.has(path.resolve(file)) && !isIncluded(resolved.config, file)) {
      excluded.push(file);
      continue;
    }
    const key = state?.filePath ?? null;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { config: resolved.config, files: [] }));
    group.files.push(file);
  }
  if (files.length > 0 && excluded.length === files.length) {
    throw new UsageError(`All ${files.length} files matched are excluded by include/exclude in .reglintrc.json.`);
  }

  const run: LintRun = { files: [], failures: [] };
  for (const group of groups.values()) {
    const part = await lintFiles(group.files, { rules: { ...group.config.rules, ...cliRules } }, runOptions);
    run.files.push(...part.files);
    run.failures.push(...part.failures);
  }
  const order = new Map(files.map((file, index) => [file, index]));
  const byInputOrder = (a: { filePath: string }, b: { filePath: string }) => (order.get(a.filePath) ?? 0) - (order.get(b.filePath) ?? 0);
  run.files.sort(byInputOrder);
  run.failures.sort(byInputOrder);
  return { run, excluded };
}

/** Whether lint fails on these files: an error-level finding, or a tfjs file it could not analyse. */
export function hasErrors(files: readonly { messages: readonly LintMessage[]; notAnalysed?: string }[]): boolean {
  return files.some((file) => file.notAnalysed !== undefined || file.messages.some((m) => m.severity === 'error'));
}

/** Warnings as ESLint counts them: every finding that is not an error. */
export function countWarnings(files: readonly LintedFile[]): number {
  return files.reduce((sum, file) => sum + file.messages.filter((m) => m.severity !== 'error').length, 0);
}

/** --quiet: the files with their error-level findings only. */
export function errorsOnly(files: readonly LintedFile[]): LintedFile[] {
  return files.map((file) => ({ ...file, messages: file.messages.filter((m) => m.severity === 'error') }));
}
