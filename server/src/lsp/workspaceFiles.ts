// The source files of a workspace folder, for workspace/diagnostic: the CLI's file
// patterns (the server and the CLI do not import each other), node_modules and hidden
// directories skipped, capped so a huge monorepo cannot stall the server. The listing is
// reused for a few seconds: VS Code repeats the workspace request every two seconds.
// Also the folder's data files, for "Choose data…" (./trainingData.ts).
import { glob } from 'tinyglobby';

const SOURCE_GLOB = '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}';
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/*.d.ts', '**/*.min.js'];
export const MAX_WORKSPACE_FILES = 5_000;
const LISTING_TTL_MS = 5_000;

/** What "Choose data…" lists: the formats the trainer reads (training/userData.ts). */
const DATA_GLOB = '**/*.{csv,tsv,json}';

const listings = new Map<string, { at: number; files: string[] }>();

export function listWorkspaceFiles(folderPath: string, now = Date.now()): Promise<string[]> {
  return listFolder(folderPath, SOURCE_GLOB, now);
}

/** The folder's CSV, TSV and JSON files (JSON configs included: the caller tells tables apart). */
export function listWorkspaceDataFiles(folderPath: string, now = Date.now()): Promise<string[]> {
  return listFolder(folderPath, DATA_GLOB, now);
}

async function listFolder(folderPath: string, pattern: string, now: number): Promise<string[]> {
  const key = `${pattern}\0${folderPath}`;
  const cached = listings.get(key);
  if (cached && now - cached.at < LISTING_TTL_MS) return cached.files;
  let files: string[];
  try {
    files = await glob(pattern, { cwd: folderPath, ignore: IGNORED, absolute: true, dot: false });
  } catch {
    files = [];
  }
  files = files.sort().slice(0, MAX_WORKSPACE_FILES);
  listings.set(key, { at: now, files });
  return files;
}
