// Entry point of dist/cli.js: `runCli(argv, io)` runs one reglint command and resolves to
// its exit code. bin/reglint.js supplies the process (argv, streams, exit code).
import { version } from '../../../package.json';
import { allRules } from '../rules';
import { parseCommand, USAGE, type LintFormat } from './args';
import { findFiles } from './findFiles';
import { formatJson } from './formatters/json';
import { formatStylish } from './formatters/stylish';
import { formatGraphJson } from './graphJson';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE_OR_INTERNAL, UsageError, type CliIo } from './io';
import { lintFiles, type LintRun } from './lintFiles';
import { runTrainCli } from './train';

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
        const run = await lintFiles(await findFiles(command.inputs, io.cwd));
        io.stdout.write(formatGraphJson(run.files));
        return reportFailures(run, io) ? EXIT_USAGE_OR_INTERNAL : EXIT_OK;
      }
      case 'lint': {
        const run = await lintFiles(await findFiles(command.inputs, io.cwd), { rules: command.rules });
        io.stdout.write(format(run, command.format, io));
        if (reportFailures(run, io)) return EXIT_USAGE_OR_INTERNAL;
        const anyError = run.files.some(
          file => file.notAnalysed !== undefined || file.messages.some(m => m.severity === 'error'),
        );
        return anyError ? EXIT_FINDINGS : EXIT_OK;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`reglint: ${error.message}\n\n${USAGE}`);
    } else {
      io.stderr.write(`reglint: internal error: ${describe(error)}\n`);
    }
    return EXIT_USAGE_OR_INTERNAL;
  }
}

function format(run: LintRun, format: LintFormat, io: CliIo): string {
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
