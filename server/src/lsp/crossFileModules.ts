// Cross-file analysis in the editor: the workspace's own modules an open document imports
// (../project/workspaceModules.ts), read once and kept until they change. An edit to an open
// document, or a watched file changed on disk, drops that module from the cache, and the open
// documents whose last analysis followed it are analysed again.
import type { CrossFileLint } from '../lint/lintText';
import { WorkspaceModules } from '../project/workspaceModules';
import { filePathOf } from './fileUri';

export interface CrossFileDeps {
  /** Workspace folder URIs: only files inside them are followed. */
  workspaceFolders: () => string[];
  /** The editor's text of an open file (newer than the disk), by file path. */
  openText: (filePath: string) => string | undefined;
}

export class CrossFileModules {
  /** One cache per depth setting (`reglint.crossFile.depth`, 0 = single-file). */
  private readonly byDepth = new Map<number, WorkspaceModules>();
  /** The modules each open document's last analysis read, by document URI. */
  private readonly dependencies = new Map<string, readonly string[]>();

  constructor(private readonly deps: CrossFileDeps) {}

  /** The loader for a document's lint, or undefined for single-file analysis. */
  forDepth(depth: number): CrossFileLint | undefined {
    if (depth <= 0) return undefined;
    let modules = this.byDepth.get(depth);
    if (!modules) {
      const roots = this.deps.workspaceFolders().map(filePathOf).filter((p): p is string => p !== undefined);
      modules = new WorkspaceModules({ roots, depth, openText: this.deps.openText });
      this.byDepth.set(depth, modules);
    }
    return modules;
  }

  /** What `uri`'s last analysis followed (ModelGraph.dependencies). */
  analysed(uri: string, dependencies: readonly string[] | undefined): void {
    if (dependencies?.length) this.dependencies.set(uri, dependencies);
    else this.dependencies.delete(uri);
  }

  forget(uri: string): void {
    this.dependencies.delete(uri);
  }

  /**
   * `uri` changed (its text; or, with `contentOnly` false, created or deleted): forget what was read of it, and return
   * the open documents that must be analysed again because their analysis read it.
   */
  changed(uri: string, contentOnly = true): string[] {
    const filePath = filePathOf(uri);
    if (!filePath) return [];
    for (const modules of this.byDepth.values()) modules.invalidate(filePath, contentOnly);
    return [...this.dependencies].filter(([other, files]) => other !== uri && files.includes(filePath)).map(([other]) => other);
  }

  /** Whether any document's analysis follows imports. */
  followsImports(): boolean {
    return this.byDepth.size > 0;
  }

  /** Workspace folders changed: every cache is rebuilt with the new roots. */
  reset(): void {
    this.byDepth.clear();
  }
}
