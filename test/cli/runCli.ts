// Runs bin/reglint.js as a user would and captures what it printed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'reglint.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runReglint(args: string[], cwd: string, bin = CLI_BIN): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `files` (relative path → text) under a fresh temporary directory. */
export function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'reglint-cli-'));
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}
