// `--format json`: ESLint's JSON formatter output, one result per linted file.
import type { LintedFile } from '../lintFiles';
import { toEslintResult } from './eslintResults';

export function formatJson(files: readonly LintedFile[]): string {
  return `${JSON.stringify(files.map(toEslintResult))}\n`;
}
