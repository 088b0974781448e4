// User data (`reglint.train.data`, `reglint train --data`): a CSV file with a header row,
// or a JSON file (an array of row objects, or one object of equal-length columns), used
// instead of the synthetic teacher data. Read and parsed inside the training worker, so a
// large file never blocks the language server; everything that does not fit the model
// (column count, label values) is an error that names the row, the column or the value.
import * as fs from 'fs';
import * as path from 'path';
import type { Dataset } from './data';
import type { ModelSpec } from './modelSpec';
import { Rng } from './rng';
import { classCount, type Task } from './task';

export interface UserDataSource {
  /** Absolute path of the .csv or .json file. */
  file: string;
  /** Feature columns, in order; default: every column but the label. */
  features?: string[];
  /** Label column; default: the last column. */
  label?: string;
}

/** What the report says about the data it used. */
export interface UserDataSummary {
  file: string;
  rows: number;
  train: number;
  val: number;
  features: string[];
  label: string;
  /** Class names in class-id order (classification), when the labels were not ids already. */
  classes?: string[];
}

export interface UserTable {
  file: string;
  features: string[];
  label: string;
  /** Row-major, `rows * width` values; width = features' total length (array cells flatten). */
  x: Float32Array;
  width: number;
  labels: (number | string)[];
}

/** Files larger than this are refused (a sanity-train needs hundreds of rows, not millions). */
export const MAX_DATA_BYTES = 50 * 1024 * 1024;
/** Rows beyond this are ignored (the recipe's scale: 256 train, 512 validation). */
export const MAX_ROWS = 20_000;
/** Share of the (shuffled) rows held out for validation. */
export const VAL_SHARE = 0.25;
const MIN_ROWS = 8;

/**
 * The labels are not something this model's output can produce (more classes than units,
 * text labels for a regression, one label column for several outputs): the model, or the
 * label column, is wrong. fit-one-batch reports it as a failure; other data problems
 * (columns, widths, file format) only stop the run.
 */
export class LabelMismatch extends Error {}

export function readUserTable(src: UserDataSource): UserTable {
  const name = path.basename(src.file);
  let size: number;
  try {
    size = fs.statSync(src.file).size;
  } catch (e) {
    throw new Error(`cannot read the data file ${src.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > MAX_DATA_BYTES) throw new Error(`the data file ${name} is ${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_DATA_BYTES / 1048576} MB`);
  return tableFrom(dataColumnsOf(fs.readFileSync(src.file, 'utf8'), src.file), src, name);
}

/** A data file's columns: names, and the rows' cells in that order. */
export interface Columns {
  names: string[];
  rows: unknown[][];
}

/** The text of a data file as columns, by its extension: `.json`, `.tsv`, else CSV. Throws with the file's name. */
export function dataColumnsOf(text: string, file: string): Columns {
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  return ext === '.json' ? jsonColumns(text, name) : csvColumns(text, name, ext === '.tsv' ? '\t' : ',');
}

export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0].trim() !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.length > 1 || row[0].trim() !== '') rows.push(row);
  return rows;
}

function csvColumns(text: string, name: string, delimiter: string): Columns {
  const rows = parseCsv(text, delimiter);
  if (rows.length < 2) throw new Error(`${name}: expected a header row and data rows`);
  const names = rows[0].map((h) => h.trim());
  const body = rows.slice(1);
  body.forEach((r, i) => {
    if (r.length !== names.length) throw new Error(`${name} line ${i + 2}: ${r.length} fields, the header has ${names.length}`);
  });
  return { names, rows: body };
}

function jsonColumns(text: string, name: string): Columns {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: not valid JSON (${(e as Error).message})`);
  }
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(data) && data.length > 0 && data.every(isRecord)) {
    const names = Object.keys(data[0]);
    return { names, rows: data.map((r) => names.map((k) => r[k])) };
  }
  if (isRecord(data) && Object.values(data).every(Array.isArray)) {
    const names = Object.keys(data);
    const cols = names.map((k) => data[k] as unknown[]);
    const n = cols[0]?.length ?? 0;
    if (cols.some((c) => c.length !== n)) throw new Error(`${name}: the columns have different lengths`);
    return { names, rows: Array.from({ length: n }, (_, i) => cols.map((c) => c[i])) };
  }
  throw new Error(`${name}: expected an array of row objects ([{"x1": 0.5, "y": 1}, ...]) or an object of columns ({"x1": [...], "y": [...]})`);
}

function tableFrom(cols: Columns, src: UserDataSource, name: string): UserTable {
  const index = (c: string) => {
    const i = cols.names.indexOf(c);
    if (i < 0) throw new Error(`${name}: no column "${c}" (columns: ${cols.names.join(', ')})`);
    return i;
  };
  if (cols.names.length < 2) throw new Error(`${name}: needs at least one feature column and a label column`);
  const label = src.label ?? cols.names[cols.names.length - 1];
  const li = index(label);
  const features = src.features?.length ? src.features : cols.names.filter((_, i) => i !== li);
  if (features.includes(label)) throw new Error(`${name}: the label column "${label}" is also listed as a feature`);
  const fi = features.map(index);
  const rows = cols.rows.slice(0, MAX_ROWS);
  if (rows.length < MIN_ROWS) throw new Error(`${name}: ${rows.length} rows; the sanity-train needs at least ${MIN_ROWS}`);
  const values: number[] = [];
  let width = -1;
  rows.forEach((r, ri) => {
    const start = values.length;
    fi.forEach((ci, k) => {
      const cell = r[ci];
      const cells = Array.isArray(cell) ? cell.flat(Infinity) : [cell];
      for (const v of cells) {
        const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (!Number.isFinite(x)) throw new Error(`${name} row ${ri + 1}: ${features[k]} = ${JSON.stringify(v ?? null)} is not a number`);
        values.push(x);
      }
    });
    const w = values.length - start;
    if (width >= 0 && w !== width) throw new Error(`${name} row ${ri + 1}: ${w} feature values, the first row has ${width}`);
    width = w;
  });
  const labels = rows.map((r, ri) => {
    const v = r[li];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'string' && v.trim() !== '') {
      const t = v.trim();
      const n = Number(t);
      return Number.isFinite(n) ? n : t;
    }
    throw new Error(`${name} row ${ri + 1}: the label ${label} is empty`);
  });
  return { file: src.file, features, label, x: Float32Array.from(values), width, labels };
}

/** The table as train and validation sets for this model: shapes checked, rows shuffled (seeded), labels encoded. */
export function userDatasets(table: UserTable, spec: ModelSpec, task: Task, seed: number): { train: Dataset; val: Dataset; summary: UserDataSummary } {
  const name = path.basename(table.file);
  const perSample = spec.inputShape.reduce((a, b) => a * b, 1);
  if (table.width !== perSample) {
    throw new Error(`${name}: ${table.width} feature values per row (${table.features.join(', ')}), ` +
      `but the model's input shape [${spec.inputShape.join(', ')}] takes ${perSample}`);
  }
  const n = table.labels.length;
  if (spec.inputDtype === 'int32') {
    const bad = table.x.findIndex((v) => !Number.isInteger(v) || v < 0);
    if (bad >= 0) throw new Error(`${name} row ${Math.floor(bad / perSample) + 1}: the model starts with an embedding, so features must be token ids (integers ≥ 0), got ${table.x[bad]}`);
  }
  const { y, yShape, classes } = encodeTargets(table, task, name);
  const order = new Rng(seed).permutation(n);
  const nVal = Math.max(1, Math.round(n * VAL_SHARE));
  const nTrain = n - nVal;
  const ys = y.length / n;
  const pick = (ids: number[]): Dataset => {
    const x = spec.inputDtype === 'int32' ? new Int32Array(ids.length * perSample) : new Float32Array(ids.length * perSample);
    const yy = new Float32Array(ids.length * ys);
    ids.forEach((src, i) => {
      x.set(table.x.subarray(src * perSample, (src + 1) * perSample), i * perSample);
      yy.set(y.subarray(src * ys, (src + 1) * ys), i * ys);
    });
    return { x, y: yy, xShape: [ids.length, ...spec.inputShape], yShape: [ids.length, ...yShape], n: ids.length };
  };
  const summary: UserDataSummary = { file: table.file, rows: n, train: nTrain, val: nVal, features: table.features, label: table.label };
  if (classes) summary.classes = classes;
  return { train: pick(order.slice(0, nTrain)), val: pick(order.slice(nTrain)), summary };
}

function encodeTargets(table: UserTable, task: Task, name: string): { y: Float32Array; yShape: number[]; classes?: string[] } {
  const labels = table.labels;
  const n = labels.length;
  if (task.kind === 'regression') {
    if (task.units !== 1) throw new LabelMismatch(`${name}: the model has ${task.units} outputs; one label column (${table.label}) fits a model with 1`);
    const bad = labels.findIndex((v) => typeof v !== 'number');
    if (bad >= 0) throw new LabelMismatch(`${name} row ${bad + 1}: the label ${table.label} = ${JSON.stringify(labels[bad])} is not a number (the model is a regression: ${task.loss})`);
    return { y: Float32Array.from(labels as number[]), yShape: [1] };
  }
  // Classification: integer labels in range are class ids; anything else is named classes.
  const k = task.kind === 'binary' ? 2 : classCount(task);
  const ids = labels.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < k);
  let classes: string[] | undefined;
  let id: number[];
  if (ids) id = labels as number[];
  else {
    classes = [...new Set(labels.map(String))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    if (classes.length > k) {
      throw new LabelMismatch(`${name}: the label ${table.label} has ${classes.length} distinct values (${classes.slice(0, 5).join(', ')}${classes.length > 5 ? ', …' : ''}) ` +
        `but the model predicts ${k} classes (${task.loss}, ${task.units} output unit${task.units === 1 ? '' : 's'})`);
    }
    const map = new Map(classes.map((c, i) => [c, i]));
    id = labels.map((v) => map.get(String(v))!);
  }
  if (task.kind === 'binary' || task.units === 1) {
    if (task.units !== 1) throw new LabelMismatch(`${name}: binary labels fit a model with 1 output unit, this one has ${task.units}`);
    return { y: Float32Array.from(id), yShape: [1], classes };
  }
  if (task.sparse) return { y: Float32Array.from(id), yShape: [1], classes };
  const y = new Float32Array(n * k);
  id.forEach((c, i) => (y[i * k + c] = 1));
  return { y, yShape: [k], classes };
}
