// The data files a model's own code reads (graph.dataSources, found by the analysis),
// resolved to files that exist: what "Choose data…" offers first and what `reglint train`
// suggests when no data is configured. A path relative to the file (`require`, `import`,
// `__dirname`) is looked up there; one relative to the working directory (`fs`,
// `tf.data.csv('file://…')`) in the project roots (the workspace folder or the CLI's working
// directory, and the nearest package.json's directory), then beside the file; a URL browser
// code fetches, beside the file, in the roots and their `public/` (what dev servers serve).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource, ModelGraph } from '../analysis/modelGraph';

export interface DetectedDataFile {
  /** Absolute path of a file that exists. */
  file: string;
  /** How the code reads it, where, and the label column it names (tf.data.csv). */
  source: DataSource;
}

/** Each existing file once, in the order the code reads them. */
export function detectedDataFiles(graph: Pick<ModelGraph, 'dataSources'>, filePath: string, roots: readonly string[]): DetectedDataFile[] {
  const fileDir = path.dirname(filePath);
  const allRoots = uniq([...roots, ...packageRootOf(fileDir)]);
  const found = new Map<string, DetectedDataFile>();
  for (const source of graph.dataSources) {
    const file = candidatesOf(source, fileDir, allRoots).find(isFile);
    if (file && !found.has(file)) found.set(file, { file, source });
  }
  return [...found.values()];
}

function candidatesOf(source: DataSource, fileDir: string, roots: readonly string[]): string[] {
  const p = source.path;
  switch (source.base) {
    case 'file':
      return [path.resolve(fileDir, p)];
    case 'cwd':
      return path.isAbsolute(p) ? [p] : [...roots, fileDir].map(dir => path.resolve(dir, p));
    case 'page': {
      // `/data/x.csv` is relative to the site's root, not to the file system's.
      const relative = p.replace(/^\/+/, '');
      const dirs = p.startsWith('/') ? [] : [fileDir];
      for (const root of roots) dirs.push(root, path.join(root, 'public'));
      return dirs.map(dir => path.resolve(dir, relative));
    }
  }
}

/** The directory of the package.json nearest above `dir` (where `node model.js` usually runs). */
function packageRootOf(dir: string): string[] {
  for (let d = dir; ; d = path.dirname(d)) {
    if (isFile(path.join(d, 'package.json'))) return [d];
    if (path.dirname(d) === d) return [];
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function uniq(values: string[]): string[] {
  return [...new Set(values.map(v => path.resolve(v)))];
}
