// The workspace's own modules, for cross-file analysis (analysis/imports.ts): resolves an
// import the way TypeScript does (relative paths, `.js` naming a `.ts`, index files,
// tsconfig/jsconfig `paths`), keeps to the workspace (never node_modules, never outside
// its folders), and caches each module parsed, with its single-file findings, until told
// the file changed. The language server tells it on every edit of an open document and
// every watched-file event; the CLI reads each file once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexFile } from '../analysis/fileIndex';
import type { LoadedModule } from '../analysis/imports';
import { parseSource, ts } from '../analysis/parse';
import { lintText, type CrossFileLint } from '../lint/lintText';

/** Bigger files are not followed: generated or bundled code, not a config or a helper module. */
export const MAX_MODULE_CHARS = 512 * 1024;

export interface WorkspaceModulesOptions {
  /** Folders whose files may be followed (the workspace folders; the CLI's working directory). */
  roots: string[];
  /** Import hops to follow (1: the analysed file's own imports). */
  depth: number;
  /** The current text of a file the editor has open, when it has; else the disk is read. */
  openText?: (file: string) => string | undefined;
}

interface CachedModule {
  module: LoadedModule | { unresolved: string };
  /** `ruleId@offset` of the module's own findings, computed when first asked. */
  findings?: Set<string>;
}

export class WorkspaceModules implements CrossFileLint {
  readonly depth: number;
  private readonly roots: string[];
  private readonly modules = new Map<string, CachedModule>();
  private readonly resolutions = new Map<string, string | { unresolved: string } | undefined>();
  private readonly compilerOptions = new Map<string, ts.CompilerOptions>();

  constructor(private readonly options: WorkspaceModulesOptions) {
    this.depth = Math.max(0, Math.floor(options.depth));
    this.roots = options.roots.map((r) => path.resolve(r));
  }

  load(specifier: string, fromFile: string): LoadedModule | { unresolved: string } | undefined {
    const resolved = this.resolve(specifier, fromFile);
    if (resolved === undefined || typeof resolved !== 'string') return resolved;
    let cached = this.modules.get(resolved);
    if (!cached) {
      cached = { module: this.read(resolved) };
      this.modules.set(resolved, cached);
    }
    return cached.module;
  }

  /** The module's own findings (single-file lint), as `ruleId@offset` of their spans. */
  findingsOf(file: string): ReadonlySet<string> {
    const cached = this.modules.get(file);
    if (!cached || 'unresolved' in cached.module) return new Set();
    if (!cached.findings) {
      const { messages } = lintText(cached.module.sourceFile.text, file);
      cached.findings = new Set(messages.map((m) => `${m.ruleId}@${m.span.start}`));
    }
    return cached.findings;
  }

  /**
   * Forgets what was read of `file`: its text changed (`contentOnly`, e.g. a keystroke), or it
   * was created or deleted, which can change how any import resolves.
   */
  invalidate(file: string, contentOnly = false): void {
    const absolute = path.resolve(file);
    this.modules.delete(absolute);
    if (contentOnly && !/(^|[\\/])(tsconfig|jsconfig)[^\\/]*\.json$/.test(absolute)) return;
    this.resolutions.clear();
    this.compilerOptions.clear();
  }

  /** Every module read so far (for tests and statistics). */
  get cachedFiles(): string[] {
    return [...this.modules.keys()];
  }

  private resolve(specifier: string, fromFile: string): string | { unresolved: string } | undefined {
    const key = `${path.dirname(fromFile)}\u0000${specifier}`;
    if (!this.resolutions.has(key)) this.resolutions.set(key, this.resolveUncached(specifier, fromFile));
    return this.resolutions.get(key);
  }

  private resolveUncached(specifier: string, fromFile: string): string | { unresolved: string } | undefined {
    const relative = specifier.startsWith('.') || specifier.startsWith('/');
    if (/^[a-z][a-z0-9+.-]*:/i.test(specifier)) return undefined; // a URL (a CDN): not the workspace's code
    const options = this.optionsFor(path.dirname(fromFile));
    const result = ts.resolveModuleName(specifier, fromFile, options, HOST).resolvedModule;
    const file = result?.resolvedFileName;
    if (!file) {
      if (!relative && !hasPathMapping(options)) return undefined; // a package that is not installed
      return relative ? { unresolved: `no file for '${specifier}'` } : undefined;
    }
    const absolute = path.resolve(file);
    if (result.isExternalLibraryImport || absolute.split(path.sep).includes('node_modules')) return undefined;
    if (/\.d\.[cm]?ts$/.test(absolute)) return relative ? { unresolved: `'${specifier}' is a declaration file` } : undefined;
    if (!this.roots.some((root) => absolute === root || absolute.startsWith(root + path.sep))) {
      return { unresolved: `'${specifier}' is outside the workspace` };
    }
    return absolute;
  }

  private read(file: string): LoadedModule | { unresolved: string } {
    let text = this.options.openText?.(file);
    if (text === undefined) {
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        return { unresolved: `${path.basename(file)} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
      }
    }
    if (text.length > MAX_MODULE_CHARS) return { unresolved: `${path.basename(file)} is too large to follow` };
    try {
      const sourceFile = parseSource(text, file);
      return { fileName: file, sourceFile, index: indexFile(sourceFile) };
    } catch (error) {
      return { unresolved: `${path.basename(file)} could not be parsed (${error instanceof Error ? error.message : String(error)})` };
    }
  }

  /** Compiler options for resolution: the nearest tsconfig/jsconfig's `paths` and `baseUrl`, JS allowed. */
  private optionsFor(dir: string): ts.CompilerOptions {
    let options = this.compilerOptions.get(dir);
    if (options) return options;
    options = { allowJs: true, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, resolveJsonModule: false };
    const config = ts.findConfigFile(dir, HOST.fileExists, 'tsconfig.json') ?? ts.findConfigFile(dir, HOST.fileExists, 'jsconfig.json');
    if (config && this.roots.some((root) => config.startsWith(root + path.sep))) {
      const read = ts.readConfigFile(config, HOST.readFile);
      const compiler = read.config?.compilerOptions as { baseUrl?: string; paths?: ts.MapLike<string[]> } | undefined;
      if (compiler?.paths) options.paths = compiler.paths;
      if (compiler?.baseUrl) options.baseUrl = path.resolve(path.dirname(config), compiler.baseUrl);
      else if (compiler?.paths) options.pathsBasePath = path.dirname(config);
    }
    this.compilerOptions.set(dir, options);
    return options;
  }
}

function hasPathMapping(options: ts.CompilerOptions): boolean {
  return !!options.paths;
}

const HOST: ts.ModuleResolutionHost = {
  fileExists: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  readFile: (file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  directoryExists: (dir) => {
    try {
      return fs.statSync(dir).isDirectory();
    } catch {
      return false;
    }
  },
};
