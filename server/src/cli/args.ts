// Command-line parsing: which command, which output format, which inputs.
import { parseArgs } from 'node:util';
import type { SeveritySetting } from '../rules/rule';
import { UsageError } from './io';

export type LintFormat = 'text' | 'json' | 'sarif';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'lint';
      format: LintFormat;
      inputs: string[];
      rules: Record<string, SeveritySetting>;
      /** --quiet: report errors only. */
      quiet: boolean;
      /** --max-warnings N: exit 1 when more than N warnings (undefined: no limit). */
      maxWarnings?: number;
      /** --fix: write the preferred fixes to disk; --fix-dry-run: print them as a diff. */
      fix?: 'write' | 'dry-run';
      /** --cache: the cache file to read and update (--cache-location, default ./.reglintcache). */
      cache?: { location?: string };
      /** --cross-file [--cross-file-depth n]: follow imports into the project's own modules (default: each file alone). */
      crossFileDepth?: number;
    }
  | { kind: 'graph'; format: 'json'; inputs: string[] }
  /** Everything after `train` goes to the trainer's own parser. */
  | { kind: 'train'; argv: string[] };

export const USAGE = `Usage:
  reglint [--format text|json|sarif] [--rule <id>=<severity>]... [--quiet] [--max-warnings <n>] <files|directories|globs>...
  reglint --fix | --fix-dry-run [options] <files|directories|globs>...
  reglint graph [--format json] <files|directories|globs>...
  reglint train <file> [options]        (see reglint train --help)

Lints TensorFlow.js model code for missing or misconfigured regularization.
Directories are searched for *.{ts,tsx,js,jsx,mjs,cjs,mts,cts} and HTML pages
(*.html, *.htm: their inline scripts); node_modules is skipped.

Options:
  -f, --format <text|json|sarif>  output format (default: text; graph: json);
                            sarif: SARIF 2.1.0 for GitHub code scanning and other CI tools
  --rule <id>=<severity>    override a rule's severity: off, hint, info, warning, error
  --quiet                   report errors only (warnings still count for --max-warnings)
  --max-warnings <n>        exit 1 when there are more than <n> warnings
                            (warning, info and hint findings count as warnings)
  --fix                     apply each finding's preferred fix to the files, then
                            report the findings that remain
  --fix-dry-run             print the fixes as a unified diff (git apply / patch -p1
                            reads it); write nothing; exit code as if applied

Configuration: the .reglintrc.json nearest to each file (rules, include/exclude, fix
and train settings); --rule overrides it.
  --cross-file              follow imports into the project's own modules (constants,
                            layer helpers, base classes), one hop deep; without it
                            each file is analysed alone and imported values are unknown
  --cross-file-depth <n>    import hops to follow (0-3; 1 with --cross-file)
  --cache                   skip files unchanged since the last --cache run (same
                            content, reglint version and settings)
  --cache-location <path>   the cache file, or a directory for .reglintcache
                            (default: ./.reglintcache)
  -h, --help                show this help
  -v, --version             print the version

Exit codes: 0 no error-level finding, 1 at least one (or more warnings than
--max-warnings allows), 2 usage, configuration or internal error.
`;

export function parseCommand(argv: readonly string[], knownRuleIds: readonly string[]): Command {
  if (argv[0] === 'train') return { kind: 'train', argv: argv.slice(1) };
  const isGraph = argv[0] === 'graph';
  const rest = isGraph ? argv.slice(1) : [...argv];

  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        rule: { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        'cross-file': { type: 'boolean' },
        'cross-file-depth': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length === 0) throw new UsageError('No files, directories or globs given.');

  if (isGraph) {
    if (values.rule !== undefined) throw new UsageError('reglint graph takes no --rule.');
    if (values.quiet !== undefined || values['max-warnings'] !== undefined) {
      throw new UsageError('reglint graph takes no --quiet or --max-warnings.');
    }
    if (values.cache !== undefined) throw new UsageError('reglint graph takes no --cache.');
    if (values.fix !== undefined || values['fix-dry-run'] !== undefined) {
      throw new UsageError('reglint graph takes no --fix or --fix-dry-run.');
    }
    if (values.format !== undefined && values.format !== 'json') {
      throw new UsageError(`reglint graph supports --format json only, not "${values.format}".`);
    }
    return { kind: 'graph', format: 'json', inputs: positionals };
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`Unknown format "${format}": use text, json or sarif.`);
  }
  return {
    kind: 'lint',
    format,
    inputs: positionals,
    rules: parseRuleOverrides(values.rule ?? [], knownRuleIds),
    quiet: values.quiet === true,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    ...parseFixMode(values.fix === true, values['fix-dry-run'] === true, values.format),
    ...(values.cache === true ? { cache: { location: values['cache-location'] } } : {}),
    ...parseCrossFile(values['cross-file'] === true, values['cross-file-depth'], values.cache === true),
  };
}

const SEVERITY_SETTINGS: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];

function parseRuleOverrides(overrides: readonly string[], knownRuleIds: readonly string[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const override of overrides) {
    const match = /^([\w-]+)\s*[=:]\s*(\w+)$/.exec(override);
    if (!match || !SEVERITY_SETTINGS.includes(match[2]!)) {
      throw new UsageError(`--rule expects <rule-id>=<off|hint|info|warning|error>, not "${override}".`);
    }
    if (!knownRuleIds.includes(match[1]!)) {
      throw new UsageError(`Unknown rule "${match[1]}". Rules: ${knownRuleIds.join(', ')}.`);
    }
    rules[match[1]!] = match[2] as SeveritySetting;
  }
  return rules;
}

function parseFixMode(fix: boolean, dryRun: boolean, format: string | undefined): { fix?: 'write' | 'dry-run' } {
  if (fix && dryRun) throw new UsageError('Use --fix or --fix-dry-run, not both.');
  if (dryRun && format !== undefined && format !== 'text') {
    throw new UsageError(`--fix-dry-run prints a diff; it takes no --format ${format}.`);
  }
  return fix ? { fix: 'write' } : dryRun ? { fix: 'dry-run' } : {};
}

function parseCrossFile(on: boolean, depth: string | undefined, cache: boolean): { crossFileDepth?: number } {
  // The cache keys a file by its own content; an edit to a module it imports would go unseen.
  if ((on || depth !== undefined) && cache) throw new UsageError('--cross-file and --cache cannot be combined: the cache does not see changes to imported files.');
  if (depth === undefined) return on ? { crossFileDepth: 1 } : {};
  if (!/^[0-3]$/.test(depth.trim())) throw new UsageError(`--cross-file-depth expects 0, 1, 2 or 3, not "${depth}".`);
  return { crossFileDepth: Number(depth) };
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--max-warnings expects a whole number ≥ 0, not "${value}".`);
  return Number(value);
}
