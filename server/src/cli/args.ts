// Command-line parsing: which command, which output format, which inputs.
import { parseArgs } from 'node:util';
import type { SeveritySetting } from '../rules/rule';
import { UsageError } from './io';

export type LintFormat = 'text' | 'json';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'lint'; format: LintFormat; inputs: string[]; rules: Record<string, SeveritySetting> }
  | { kind: 'graph'; format: 'json'; inputs: string[] }
  /** Everything after `train` goes to the trainer's own parser. */
  | { kind: 'train'; argv: string[] };

export const USAGE = `Usage:
  reglint [--format text|json] [--rule <id>=<severity>]... <files|directories|globs>...
  reglint graph [--format json] <files|directories|globs>...
  reglint train <file> [options]        (see reglint train --help)

Lints TensorFlow.js model code for missing or misconfigured regularization.
Directories are searched for *.{ts,tsx,js,jsx,mjs,cjs,mts,cts}; node_modules is skipped.

Options:
  -f, --format <text|json>  output format (default: text; graph: json)
  --rule <id>=<severity>    override a rule's severity: off, hint, info, warning, error
  -h, --help                show this help
  -v, --version             print the version

Exit codes: 0 no error-level finding, 1 at least one, 2 usage or internal error.
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
    if (values.format !== undefined && values.format !== 'json') {
      throw new UsageError(`reglint graph supports --format json only, not "${values.format}".`);
    }
    return { kind: 'graph', format: 'json', inputs: positionals };
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`Unknown format "${format}": use text or json.`);
  }
  return { kind: 'lint', format, inputs: positionals, rules: parseRuleOverrides(values.rule ?? [], knownRuleIds) };
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
