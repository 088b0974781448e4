// --cross-file: the CLI follows imports into the project's own modules (below the working
// directory, never node_modules). Each thread keeps one module cache for the run, so a
// config module imported by 500 files is read and parsed once per thread.
import { WorkspaceModules } from '../project/workspaceModules';

/** What a worker needs to build its own cache (plain data: it crosses postMessage). */
export interface CrossFileSpec {
  roots: string[];
  depth: number;
}

const modulesBySpec = new Map<string, WorkspaceModules>();

export function projectModules(spec: CrossFileSpec): WorkspaceModules {
  const key = JSON.stringify(spec);
  let modules = modulesBySpec.get(key);
  if (!modules) modulesBySpec.set(key, (modules = new WorkspaceModules({ roots: spec.roots, depth: spec.depth })));
  return modules;
}

/** The run option for `--cross-file-depth n` (none for 0 or absent: each file alone). */
export function crossFileOf(depth: number | undefined, cwd: string): { crossFile?: CrossFileSpec } {
  return depth ? { crossFile: { roots: [cwd], depth } } : {};
}
