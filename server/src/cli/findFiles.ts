// Inputs (files, directories, globs) → the sorted list of files to lint, as absolute paths.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { UsageError } from './io';

export const SOURCE_EXTENSIONS = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'mts', 'cts'];
/** What a directory is searched for: sources, and HTML pages (their inline scripts are linted). */
export const LINTED_EXTENSIONS = [...SOURCE_EXTENSIONS, 'html', 'htm'];
const SOURCE_GLOB = `**/*.{${LINTED_EXTENSIONS.join(',')}}`;
const IGNORED = ['**/node_modules/**'];

/**
 * A file named explicitly is linted whatever its extension; a directory is searched for
 * source files; anything else is a glob. An input that matches nothing is a usage
 * error (as in ESLint), so a typo never passes as "no problems".
 */
export async function findFiles(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const kind = statKind(absolute);
    let matches: string[];
    if (kind === 'file') {
      matches = [absolute];
    } else if (kind === 'directory') {
      matches = await glob(SOURCE_GLOB, { cwd: absolute, ignore: IGNORED, absolute: true });
    } else {
      matches = await glob(toPosix(input), { cwd, ignore: IGNORED, absolute: true, onlyFiles: true });
    }
    if (matches.length === 0) {
      throw new UsageError(
        kind === 'directory'
          ? `No TypeScript or JavaScript files found in "${input}".`
          : `No files matching "${input}" were found.`,
      );
    }
    for (const match of matches) files.add(path.normalize(match));
  }
  return [...files].sort();
}

function statKind(file: string): 'file' | 'directory' | 'missing' {
  try {
    const stats = statSync(file);
    return stats.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
