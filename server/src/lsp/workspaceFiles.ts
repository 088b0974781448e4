// The source files of a workspace folder, for workspace/diagnostic: the CLI's file
// patterns (the server and the CLI do not import each other), node_modules and hidden
// directories skipped, capped so a huge monorepo cannot stall the server. The listing is
// reused for a few seconds: VS Code repeats the workspace request every two seconds.
import { glob } from 'tinyglobby';

const SOURCE_GLOB = '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}';
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/*.d.ts', '**/*.min.js'];
export const MAX_WORKSPACE_FILES = 5_000;
const LISTING_TTL_MS = 5_000;

const listings = new Map<string, { at: number; files: string[] }>();

export async function listWorkspaceFiles(folderPath: string, now = Date.now()): Promise<string[]> {
  const cached = listings.get(folderPath);
  if (cached && now - cached.at < LISTING_TTL_MS) return cached.files;
  let files: string[];
  try {
    files = await glob(SOURCE_GLOB, { cwd: folderPath, ignore: IGNORED, absolute: true, dot: false });
  } catch {
    files = [];
  }
  files = files.sort().slice(0, MAX_WORKSPACE_FILES);
  listings.set(folderPath, { at: now, files });
  return files;
}
