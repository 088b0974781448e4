// `--cache`: a file skipped when it is unchanged since the last run. An entry holds the
// findings of one file, keyed by its path, and is used only when the file's content hash,
// reglint's version and the hash of the settings it was linted with (rule severities from
// --rule and .reglintrc.json) all match. Like `.eslintcache`, the file is JSON written
// atomically at the end of the run; an unreadable or foreign cache is ignored, never an
// error. Entries hold findings only (no graph): `reglint graph` does not use the cache.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { LintMessage, LintOptions } from '../lint/lintText';

export const DEFAULT_CACHE_FILE = '.reglintcache';

interface CacheEntry {
  contentHash: string;
  settingsHash: string;
  lineStarts: number[];
  messages: LintMessage[];
  notAnalysed?: string;
}

interface CacheFile {
  reglint: string;
  files: Record<string, CacheEntry>;
}

/** --cache-location: a file, or a directory (existing, or written with a trailing slash) to put .reglintcache in. */
export function resolveCacheLocation(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const absolute = path.resolve(cwd, location);
  const isDirectory = /[\\/]$/.test(location) || (existsSync(absolute) && statSync(absolute).isDirectory());
  return isDirectory ? path.join(absolute, DEFAULT_CACHE_FILE) : absolute;
}

export function settingsHash(options: LintOptions): string {
  const rules = Object.entries(options.rules ?? {}).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(rules)).digest('hex').slice(0, 16);
}

export class LintCache {
  private dirty = false;

  private constructor(readonly location: string, private readonly data: CacheFile) {}

  static async load(location: string, version: string): Promise<LintCache> {
    let data: CacheFile = { reglint: version, files: {} };
    try {
      const parsed = JSON.parse(await readFile(location, 'utf8')) as Partial<CacheFile>;
      if (parsed && parsed.reglint === version && typeof parsed.files === 'object' && parsed.files !== null) {
        data = { reglint: version, files: parsed.files };
      }
    } catch {
      // missing, unreadable or not JSON: start empty
    }
    return new LintCache(location, data);
  }

  /** The cached findings for this exact content and settings, if any. */
  get(filePath: string, contentHash: string, settings: string): CacheEntry | undefined {
    const entry = Object.prototype.hasOwnProperty.call(this.data.files, filePath) ? this.data.files[filePath] : undefined;
    if (entry && entry.contentHash === contentHash && entry.settingsHash === settings && Array.isArray(entry.messages)) {
      return entry;
    }
    return undefined;
  }

  /** The content hash of this file's entry for these settings, if it has a usable one. */
  knownHash(filePath: string, settings: string): string | undefined {
    const entry = Object.prototype.hasOwnProperty.call(this.data.files, filePath) ? this.data.files[filePath] : undefined;
    return entry && this.get(filePath, entry.contentHash, settings) ? entry.contentHash : undefined;
  }

  set(filePath: string, entry: CacheEntry): void {
    this.data.files[filePath] = entry;
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(path.dirname(this.location), { recursive: true });
    const temporary = `${this.location}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.data));
    await rename(temporary, this.location);
    this.dirty = false;
  }
}
