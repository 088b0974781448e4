// Finding and loading `.reglintrc.json`, shared by the CLI and the language server.
//
// - The configuration of a file is the `.reglintrc.json` nearest to it: in its directory or
//   the closest one above (no cascading: the nearest file is the whole configuration).
// - `ConfigLoader` caches what it found per directory and per config file. The CLI uses
//   one per run; the server keeps one and calls `invalidate` when a config file changes.
// - A config file that does not parse or validate is reported, never thrown. The loader
//   remembers the last good version of each file: the server keeps using it while the
//   file is broken (the CLI refuses to run instead, see cli/main.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAME, emptyConfig, parseConfigText, type ConfigProblem, type ReglintConfig } from './reglintrc';

export interface ConfigFileState {
  filePath: string;
  /** The text last read (for positions of problems). */
  text: string;
  /** The problems of the text last read; empty when it is valid. */
  problems: ConfigProblem[];
  /** The configuration in force: the text last read when valid, else the last valid one (or none). */
  config: ReglintConfig;
  /** Whether `config` comes from an earlier version because the current one is invalid. */
  usingLastGood: boolean;
}

export interface ResolvedConfig {
  config: ReglintConfig;
  /** The config file that applies, when there is one. */
  file?: ConfigFileState;
}

export interface ConfigFileSystem {
  readFile(filePath: string): string | undefined;
  isFile(filePath: string): boolean;
}

export const nodeFileSystem: ConfigFileSystem = {
  readFile(filePath) {
    try {
      return fs.readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  },
  isFile(filePath) {
    try {
      return fs.statSync(filePath).isFile();
    } catch {
      return false;
    }
  },
};

export class ConfigLoader {
  /** Directory → the config file that applies there (null: none up to the root). */
  private readonly nearest = new Map<string, string | null>();
  private readonly files = new Map<string, ConfigFileState>();
  /** Last valid config per file: survives `invalidate`, so a broken edit keeps it in force. */
  private readonly lastGood = new Map<string, ReglintConfig>();

  constructor(private readonly fileSystem: ConfigFileSystem = nodeFileSystem) {}

  /** The configuration for the source file at `filePath` (absolute). */
  forFile(filePath: string): ResolvedConfig {
    const configPath = this.findNearest(path.dirname(path.resolve(filePath)));
    if (configPath === null) return { config: emptyConfig() };
    const file = this.load(configPath);
    return { config: file.config, file };
  }

  /** The path of the config file nearest to `directory`, or null. */
  findNearest(directory: string): string | null {
    const visited: string[] = [];
    let dir = path.resolve(directory);
    let found: string | null = null;
    for (;;) {
      const cached = this.nearest.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const candidate = path.join(dir, CONFIG_FILE_NAME);
      if (this.fileSystem.isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const v of visited) this.nearest.set(v, found);
    return found;
  }

  /** Reads (or returns the cached state of) one config file. */
  load(configPath: string): ConfigFileState {
    const cached = this.files.get(configPath);
    if (cached) return cached;
    const text = this.fileSystem.readFile(configPath);
    let state: ConfigFileState;
    if (text === undefined) {
      state = this.broken(configPath, '', [{ message: `Could not read ${CONFIG_FILE_NAME}.`, offset: 0, length: 0 }]);
    } else {
      const result = parseConfigText(text, configPath);
      if (result.ok) {
        this.lastGood.set(configPath, result.config);
        state = { filePath: configPath, text, problems: [], config: result.config, usingLastGood: false };
      } else {
        state = this.broken(configPath, text, result.problems);
      }
    }
    this.files.set(configPath, state);
    return state;
  }

  /**
   * A config file was created, changed or deleted: forget what was read from it, and
   * where config files are (a new or deleted file changes which one is nearest).
   */
  invalidate(configPath?: string): void {
    this.nearest.clear();
    if (configPath === undefined) this.files.clear();
    else this.files.delete(configPath);
  }

  /** A deleted config file: forget its last good version too. */
  forget(configPath: string): void {
    this.invalidate(configPath);
    this.lastGood.delete(configPath);
  }

  private broken(filePath: string, text: string, problems: ConfigProblem[]): ConfigFileState {
    const lastGood = this.lastGood.get(filePath);
    return { filePath, text, problems, config: lastGood ?? emptyConfig(), usingLastGood: lastGood !== undefined };
  }
}

/**
 * Whether the config's include/exclude globs let `filePath` be linted. Globs are relative
 * to the config file's directory; a file outside it is matched by its relative path
 * (`../x.ts`), which no ordinary glob matches, so `include` then leaves it out.
 */
export function isIncluded(config: ReglintConfig, filePath: string): boolean {
  if (config.include === undefined && config.exclude === undefined) return true;
  if (config.exclude?.length && matchesGlobs(config, config.exclude, filePath)) return false;
  if (config.include !== undefined) return matchesGlobs(config, config.include, filePath);
  return true;
}

/** Whether `filePath` matches one of `globs`, relative to the config file's directory (as include/exclude). */
export function matchesGlobs(config: ReglintConfig, globs: readonly string[], filePath: string): boolean {
  const base = config.baseDir ?? path.dirname(filePath);
  const relative = path.relative(base, path.resolve(filePath)).split(path.sep).join('/');
  return matcher(globs)(relative);
}

const matchers = new Map<string, (p: string) => boolean>();
function matcher(globs: readonly string[]): (p: string) => boolean {
  const key = JSON.stringify(globs);
  let match = matchers.get(key);
  if (!match) {
    // `dir/` and `dir` as a glob mean everything under it, as in .gitignore.
    const expanded = globs.flatMap((glob) => {
      const g = glob.replace(/^\.\//, '');
      return g.endsWith('/') ? [`${g}**`] : [g, `${g}/**`];
    });
    match = picomatch(expanded, { dot: true });
    matchers.set(key, match);
  }
  return match;
}
