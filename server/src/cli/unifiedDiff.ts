// A unified diff of one file (what `reglint --fix-dry-run` prints), by jsdiff: `---`/`+++`
// headers and hunks with three lines of context, "\ No newline at end of file" where due.
// Lines keep their own endings, so a CRLF file's hunks carry its \r.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

export function unifiedDiff(oldName: string, newName: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(oldName, newName, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
