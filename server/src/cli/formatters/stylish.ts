// `--format text`: laid out like ESLint's "stylish" formatter. Files without findings
// print nothing; a clean run prints nothing at all.
//
//   examples/mnist.ts
//     12:22  warning  dense layer `dense` (128 units) is not regularized ...  dense-unregularized
//
//   ✖ 1 problem (0 errors, 1 warning)
import * as path from 'node:path';
import type { LintedFile } from '../lintFiles';
import { eslintSeverity, positionedMessages } from './eslintResults';
import { plural } from '../../text/plural';

interface Style {
  path(text: string): string;
  dim(text: string): string;
  error(text: string): string;
  warning(text: string): string;
}

const plain: Style = { path: t => t, dim: t => t, error: t => t, warning: t => t };
const ansi: Style = {
  path: t => `\u001b[4m${t}\u001b[24m`,
  dim: t => `\u001b[2m${t}\u001b[22m`,
  error: t => `\u001b[31m${t}\u001b[39m`,
  warning: t => `\u001b[33m${t}\u001b[39m`,
};

interface Row {
  position: string;
  /** reglint's own severity word (error, warning, info, hint), not ESLint's 1/2. */
  severity: string;
  isError: boolean;
  message: string;
  ruleId: string;
}

export function formatStylish(files: readonly LintedFile[], cwd: string, color: boolean): string {
  const style = color ? ansi : plain;
  let output = '';
  let errors = 0;
  let warnings = 0;

  for (const file of files) {
    const messages = positionedMessages(file);
    if (messages.length === 0) continue;
    const rows: Row[] = messages.map(message => ({
      position: `${message.line}:${message.column}`,
      severity: message.severity,
      isError: eslintSeverity(message.severity) === 2,
      message: message.message.replace(/\s*\n\s*/g, ' '),
      ruleId: message.ruleId ?? '',
    }));
    for (const row of rows) {
      if (row.isError) errors++;
      else warnings++;
    }
    const positionWidth = Math.max(...rows.map(r => r.position.length));
    const severityWidth = Math.max(...rows.map(r => r.severity.length));
    const messageWidth = Math.max(...rows.map(r => r.message.length));

    output += `\n${style.path(displayPath(file.filePath, cwd))}\n`;
    for (const row of rows) {
      const severity = row.severity.padEnd(severityWidth);
      output +=
        `  ${style.dim(row.position.padEnd(positionWidth))}  ` +
        `${row.isError ? style.error(severity) : style.warning(severity)}  ` +
        `${row.message.padEnd(messageWidth)}  ${style.dim(row.ruleId)}`.trimEnd() +
        '\n';
    }
  }

  const total = errors + warnings;
  if (total === 0) return '';
  const summary =
    `✖ ${total} ${plural(total, 'problem')} (${errors} ${plural(errors, 'error')}, ` +
    `${warnings} ${plural(warnings, 'warning')})`;
  output += `\n${errors > 0 ? style.error(summary) : style.warning(summary)}\n`;
  return output;
}

/** Relative to where reglint was run, as typed; absolute when outside it. */
function displayPath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, filePath);
  return relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative;
}
