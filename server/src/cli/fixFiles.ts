// `reglint --fix` and `--fix-dry-run`: each file's findings get their preferred fix
// (fixes/fixAll.ts, the same as the editor's "Fix all"), with the file's own
// `.reglintrc.json` rules and `fix` settings and `--rule` on top, as the lint command uses.
//
// - The configs are validated (and include/exclude applied) by a lint pass first, so a
//   broken `.reglintrc.json` stops the run before anything is written.
// - Bytes are kept: a byte-order mark stays, line endings are the fixes' own business
//   (they write the file's), and a file that is not valid UTF-8 is left alone rather than
//   rewritten with replacement characters.
// - A file that does not parse is left as it is (fixAll refuses it), as eslint --fix does.
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ConfigLoader } from '../config/configLoader';
import { fixAll } from '../fixes';
import type { LintMessage } from '../lint/lintText';
import type { SeveritySetting } from '../rules/rule';
import { plural } from '../text/plural';
import { hasErrors, lintWithConfig } from './configuredLint';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE_OR_INTERNAL, type CliIo } from './io';
import type { FailedFile } from './lintFiles';
import { unifiedDiff } from './unifiedDiff';

export interface FixedFile {
  filePath: string;
  /** The file's text as read (with its byte-order mark, if any). */
  before: string;
  /** The text with the fixes applied (=== before when nothing applied). */
  after: string;
  appliedCount: number;
  /** The findings left in `after`. */
  remaining: LintMessage[];
  /** The file could not be analysed (and imports tfjs): counts as an error, as in lint. */
  notAnalysed?: string;
}

export interface FixRun {
  files: FixedFile[];
  /** Files left alone on purpose, with why. */
  skipped: { filePath: string; reason: string }[];
  /** Files whose fixing threw. */
  failures: FailedFile[];
  /** Files whose first lint threw (the lint command reports those itself). */
  lintFailures: FailedFile[];
}

export interface FixRequest {
  inputs: readonly string[];
  rules: Record<string, SeveritySetting>;
  cwd: string;
  /** Write the fixed text back (--fix) or only compute it (--fix-dry-run). */
  write: boolean;
}

export async function fixFiles(files: readonly string[], request: FixRequest, loader = new ConfigLoader()): Promise<FixRun> {
  // Throws ConfigError for an invalid config: before anything is written.
  // Graphs are not needed here: fixAll analyses each file itself.
  const { run: linted } = await lintWithConfig(files, request.inputs, request.rules, request.cwd, { loader, runOptions: { keepGraphs: false } });
  const result: FixRun = { files: [], skipped: [], failures: [], lintFailures: linted.failures };
  for (const file of linted.files) {
    const { filePath } = file;
    try {
      const bytes = await readFile(filePath);
      const before = bytes.toString('utf8');
      if (!Buffer.from(before, 'utf8').equals(bytes)) {
        result.skipped.push({ filePath, reason: 'not valid UTF-8' });
        result.files.push({ filePath, before, after: before, appliedCount: 0, remaining: file.messages, notAnalysed: file.notAnalysed });
        continue;
      }
      const bom = before.startsWith('\uFEFF') ? '\uFEFF' : '';
      const { config } = loader.forFile(filePath);
      const fixed = fixAll(before.slice(bom.length), filePath, { rules: { ...config.rules, ...request.rules } }, config.fix);
      const after = bom + fixed.output;
      if (request.write && after !== before) await writeFile(filePath, after, 'utf8');
      result.files.push({ filePath, before, after, appliedCount: fixed.appliedCount, remaining: fixed.remaining, notAnalysed: file.notAnalysed });
    } catch (error) {
      result.failures.push({ filePath, error });
    }
  }
  return result;
}

/**
 * `--fix`: writes the fixes; the caller then lints and reports as usual. Returns whether
 * some file failed (exit 2 once the report is out).
 */
export async function fixInPlace(files: readonly string[], request: Omit<FixRequest, 'write'>, io: CliIo): Promise<boolean> {
  const run = await fixFiles(files, { ...request, write: true });
  reportProblems(run, io);
  return run.failures.length > 0;
}

/**
 * `--fix-dry-run`: the unified diff of every file that would change on stdout (paths
 * relative to the working directory, `a/` and `b/` prefixes: `git apply` and `patch -p1`
 * take it), a summary on stderr, and the exit code the run would have after `--fix`.
 */
export async function fixDryRun(
  files: readonly string[], request: Omit<FixRequest, 'write'>, maxWarnings: number | undefined, io: CliIo,
): Promise<number> {
  const run = await fixFiles(files, { ...request, write: false });
  let fixes = 0;
  let changedFiles = 0;
  for (const file of run.files) {
    if (file.after === file.before) continue;
    const name = path.relative(request.cwd, file.filePath).split(path.sep).join('/');
    io.stdout.write(unifiedDiff(`a/${name}`, `b/${name}`, file.before, file.after));
    fixes += file.appliedCount;
    changedFiles++;
  }
  reportProblems({ ...run, failures: [...run.lintFailures, ...run.failures] }, io);
  const remaining = run.files.flatMap(file => file.remaining);
  const errors = remaining.filter(m => m.severity === 'error').length;
  const warnings = remaining.length - errors;
  io.stderr.write(
    `reglint: ${fixes} ${plural(fixes, 'fix', 'fixes')} in ${changedFiles} ${plural(changedFiles, 'file')} (dry run: nothing written); ` +
    `${remaining.length} ${plural(remaining.length, 'problem')} would remain (${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}).\n`,
  );
  if (run.failures.length > 0 || run.lintFailures.length > 0) return EXIT_USAGE_OR_INTERNAL;
  if (hasErrors(run.files.map(file => ({ messages: file.remaining, notAnalysed: file.notAnalysed })))) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

function reportProblems(run: FixRun, io: CliIo): void {
  for (const { filePath, reason } of run.skipped) io.stderr.write(`reglint: ${filePath}: ${reason}; not fixed.\n`);
  for (const { filePath, error } of run.failures) {
    io.stderr.write(`reglint: internal error while fixing ${filePath}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}
