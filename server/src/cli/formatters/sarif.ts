// `--format sarif`: SARIF 2.1.0 (OASIS), the format GitHub code scanning and other CI
// dashboards read. One run; tool.driver lists every rule with its description, default
// level and documentation URL; each finding is a result with a 1-based region (UTF-16
// columns, SARIF's default columnKind). Paths are relative to the working directory under
// the %SRCROOT% base, so `upload-sarif` maps them onto the repository.
//
// reglint's severities map onto SARIF levels: error → error, warning → warning,
// info and hint → note. A file reglint could not analyse becomes an error-level
// tool execution notification rather than a result (it is not a rule's finding).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { version } from '../../../../package.json';
import { ruleDocUrl } from '../../docs/docLinks';
import type { RuleMeta, Severity } from '../../rules/rule';
import type { LintedFile } from '../lintFiles';
import { positionedMessages } from './eslintResults';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/reglint/reglint';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export function sarifLevel(severity: Severity): Sarif.ReportingConfiguration.level {
  return LEVEL[severity];
}

export function toSarifLog(files: readonly LintedFile[], rules: readonly RuleMeta[], cwd: string): Sarif.Log {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];

  for (const file of files) {
    const uri = relativeUri(file.filePath, cwd);
    for (const message of positionedMessages(file)) {
      const location: Sarif.Location = {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: {
            startLine: message.line,
            startColumn: message.column,
            endLine: message.endLine,
            endColumn: message.endColumn,
          },
        },
      };
      if (message.ruleId === null) {
        notifications.push({ level: 'error', message: { text: message.message }, locations: [location] });
        continue;
      }
      const result: Sarif.Result = {
        ruleId: message.ruleId,
        level: sarifLevel(message.severity),
        message: { text: message.message },
        locations: [location],
      };
      const index = ruleIndex.get(message.ruleId);
      if (index !== undefined) result.ruleIndex = index;
      results.push(result);
    }
  }

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'reglint',
        version,
        semanticVersion: version,
        informationUri: INFORMATION_URI,
        rules: rules.map(
          (rule): Sarif.ReportingDescriptor => ({
            id: rule.id,
            name: pascalCase(rule.id),
            shortDescription: { text: rule.description },
            fullDescription: { text: rule.description },
            helpUri: ruleDocUrl(rule.id),
            help: { text: `${rule.description} See ${ruleDocUrl(rule.id)}.`, markdown: `${rule.description} [Rule documentation](${ruleDocUrl(rule.id)}).` },
            defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
            properties: { tags: ['tensorflow', 'regularization'] },
          }),
        ),
      },
    },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(cwd) } },
    columnKind: 'utf16CodeUnits',
    results,
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatSarif(files: readonly LintedFile[], rules: readonly RuleMeta[], cwd: string): string {
  return `${JSON.stringify(toSarifLog(files, rules, cwd), null, 2)}\n`;
}

/** `examples/mnist.ts` for a file under cwd (URI-escaped); an absolute file: URI otherwise. */
function relativeUri(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return pathToFileURL(filePath).href;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
