// Entry point of dist/cli.js: `runCli(argv, io)` runs one reglint command and resolves to
// its exit code. bin/reglint.js supplies the process (argv, streams, exit code).
import { version } from '../../../package.json';
import { allRules } from '../rules';
import { parseCommand, USAGE, type LintFormat } from './args';
import { crossFileOf } from './crossFileLint';
import { ConfigError, countWarnings, errorsOnly, hasErrors, lintWithConfig } from './configuredLint';
import { findFiles } from './findFiles';
import { fixDryRun, fixInPlace } from './fixFiles';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { formatGraphJson } from './graphJson';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE_OR_INTERNAL, UsageError, type CliIo } from './io';
import { LintCache, resolveCacheLocation } from './lintCache';
import type { LintRun } from './lintFiles';
import { runTrainCli } from './train';
import { plural } from '../text/plural';

export type { CliIo } from './io';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommand(argv, allRules.map(rule => rule.meta.id));
    switch (command.kind) {
      case 'help':
        io.stdout.write(USAGE);
        return EXIT_OK;
      case 'version':
        io.stdout.write(`${version}\n`);
        return EXIT_OK;
      case 'train':
        return await runTrainCli(command.argv, io); // the trainer's own parser and output
      case 'graph': {
        // The files lint would analyse (include/exclude apply; files named explicitly always).
        const files = await findFiles(command.inputs, io.cwd);
        const { run } = await lintWithConfig(files, command.inputs, {}, io.cwd, { runOptions: { keepGraphs: true } });
        io.stdout.write(formatGraphJson(run.files));
        return reportFailures(run, io) ? EXIT_USAGE_OR_INTERNAL : EXIT_OK;
      }
      case 'lint': {
        // Per-file .reglintrc.json, include/exclude, --quiet, --max-warnings: ./configuredLint.ts
        const files = await findFiles(command.inputs, io.cwd);
        // --fix writes the fixes, then the files are linted and reported as usual (./fixFiles.ts).
        const fixRequest = { inputs: command.inputs, rules: command.rules, cwd: io.cwd };
        if (command.fix === 'dry-run') return await fixDryRun(files, fixRequest, command.maxWarnings, io);
        const fixFailed = command.fix === 'write' && (await fixInPlace(files, fixRequest, io));
        // Lint output needs findings only: graphs are dropped as files finish (bounded memory).
        const cache = command.cache ? await LintCache.load(resolveCacheLocation(command.cache.location, io.cwd), version) : undefined;
        const { run } = await lintWithConfig(files, command.inputs, command.rules, io.cwd, { runOptions: { keepGraphs: false, cache, ...crossFileOf(command.crossFileDepth, io.cwd) } });
        await cache?.save();
        const warnings = countWarnings(run.files);
        const shown = command.quiet ? { ...run, files: errorsOnly(run.files) } : run;
        io.stdout.write(format(shown, command.format, io));
        if (reportFailures(run, io) || fixFailed) return EXIT_USAGE_OR_INTERNAL;
        if (hasErrors(run.files)) return EXIT_FINDINGS;
        if (command.maxWarnings !== undefined && warnings > command.maxWarnings) {
          io.stderr.write(`reglint: ${warnings} ${plural(warnings, 'warning')} found, more than --max-warnings ${command.maxWarnings} allows.\n`);
          return EXIT_FINDINGS;
        }
        return EXIT_OK;
      }
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`reglint: ${error.message}`);
    } else if (error instanceof UsageError) {
      io.stderr.write(`reglint: ${error.message}\n\n${USAGE}`);
    } else {
      io.stderr.write(`reglint: internal error: ${describe(error)}\n`);
    }
    return EXIT_USAGE_OR_INTERNAL;
  }
}

function format(run: LintRun, format: LintFormat, io: CliIo): string {
  if (format === 'sarif') return formatSarif(run.files, allRules.map(rule => rule.meta), io.cwd);
  return format === 'json' ? formatJson(run.files) : formatStylish(run.files, io.cwd, io.color);
}

/** Files reglint itself failed on: said on stderr, and the run exits 2. */
function reportFailures(run: LintRun, io: CliIo): boolean {
  for (const failure of run.failures) {
    io.stderr.write(`reglint: internal error while linting ${failure.filePath}: ${describe(failure.error)}\n`);
  }
  return run.failures.length > 0;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
