// A data file's columns as "Choose data…" shows them before the user picks the label:
// name, kind (numbers, text, or vectors in JSON cells), how many distinct values (a label
// with a few is a class label) and examples; the row count. Parsed with the trainer's own
// reader (training/userData.ts), so what the picker shows is what the trainer will read.
// CSV/TSV files over PREVIEW_BYTES are previewed from their beginning, so the language
// server does not parse megabytes of them on its main thread (`truncated`: the row count is
// a lower bound); JSON cannot be read in part and is parsed whole (at most MAX_DATA_BYTES).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { dataColumnsOf, MAX_DATA_BYTES } from '../training/userData';

export interface DataColumnPreview {
  name: string;
  kind: 'number' | 'text' | 'vector';
  /** Values per row the column gives the model (a JSON cell holding an array gives its length). */
  width: number;
  /** Distinct values among the rows read (capped at DISTINCT_CAP + 1). */
  distinct: number;
  /** Up to three distinct values, as text. */
  examples: string[];
}

export interface DataFilePreview {
  file: string;
  /** Rows read; `truncated`: the file has more. */
  rows: number;
  truncated: boolean;
  columns: DataColumnPreview[];
  /** The label the trainer takes when none is named: the last column. */
  defaultLabel: string;
}

export const PREVIEW_BYTES = 2 * 1024 * 1024;
const DISTINCT_CAP = 1000;
const EXTENSIONS = new Set(['.csv', '.tsv', '.json']);

/** Throws an Error whose message says what is wrong with the file (for the picker to show). */
export async function previewDataFile(file: string): Promise<DataFilePreview> {
  const name = path.basename(file);
  if (!EXTENSIONS.has(path.extname(file).toLowerCase())) throw new Error(`${name}: reglint reads CSV (.csv, header row), TSV (.tsv) or JSON (.json) files`);
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = stat.size;
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > MAX_DATA_BYTES) throw new Error(`${name} is ${(size / 1048576).toFixed(0)} MB; the sanity-train reads at most ${MAX_DATA_BYTES / 1048576} MB`);
  const isJson = path.extname(file).toLowerCase() === '.json';
  const truncated = !isJson && size > PREVIEW_BYTES;
  let text = truncated ? await readStart(file, PREVIEW_BYTES) : await fs.readFile(file, 'utf8');
  if (truncated) text = text.slice(0, Math.max(text.lastIndexOf('\n'), 0)); // whole rows only
  const { names, rows } = dataColumnsOf(text, file);
  if (names.length < 2) throw new Error(`${name}: needs at least one feature column and a label column (columns: ${names.join(', ') || 'none'})`);
  return { file, rows: rows.length, truncated, columns: names.map((n, i) => describeColumn(n, rows, i)), defaultLabel: names[names.length - 1] };
}

/** The first `bytes` bytes of a file, as UTF-8 (a character cut at the end is replaced). */
export async function readStart(file: string, bytes: number): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function describeColumn(name: string, rows: unknown[][], index: number): DataColumnPreview {
  const seen = new Set<string>();
  let numbers = true;
  let vectorWidth = -1;
  for (const row of rows) {
    const cell = row[index];
    if (Array.isArray(cell)) vectorWidth = Math.max(vectorWidth, cell.flat(Infinity).length);
    else if (typeof cell === 'string' ? cell.trim() === '' || !Number.isFinite(Number(cell)) : typeof cell !== 'number') numbers = false;
    if (seen.size <= DISTINCT_CAP) seen.add(Array.isArray(cell) ? JSON.stringify(cell) : String(cell ?? '').trim());
  }
  const kind = vectorWidth >= 0 ? 'vector' : numbers ? 'number' : 'text';
  return { name, kind, width: vectorWidth >= 0 ? vectorWidth : 1, distinct: seen.size, examples: [...seen].slice(0, 3) };
}
