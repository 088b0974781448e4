// `train.data` of `.reglintrc.json`: which data a model trains on (the first entry whose
// `files` and `model` match it), and the edit that records a choice there (the editor's
// "Choose data…" → "Save to .reglintrc.json"). The edit keeps the file's comments,
// indentation and line endings (jsonc-parser's `modify`), drops an entry for exactly
// that file and model, and puts the new one first, so that no broader entry shadows it.
import { applyEdits, findNodeAtLocation, getNodeValue, modify, parseTree, type FormattingOptions } from 'jsonc-parser';
import * as path from 'node:path';
import { matchesGlobs } from './configLoader';
import { parseConfigText, SYNTHETIC_DATA, type ReglintConfig, type TrainDataEntry } from './reglintrc';

/** The `train.data` entry that applies to the model `modelName` of `filePath`, if any. */
export function configuredTrainData(config: ReglintConfig, filePath: string, modelName: string): TrainDataEntry | undefined {
  return config.train.data?.find(entry =>
    (entry.model === undefined || entry.model === modelName) &&
    (entry.files === undefined || matchesGlobs(config, entry.files, filePath)));
}

/** A model's data as a choice to record: absolute paths (or `synthetic` for `file`). */
export interface TrainDataChoice {
  /** The model's source file. */
  modelFile: string;
  model: string;
  file: string;
  label?: string;
  features?: string[];
}

/**
 * The text of the `.reglintrc.json` at `configPath` with `choice` recorded in `train.data`
 * (`text` undefined: a new file). Throws when `text` is not a valid configuration: an edit
 * on top of a broken file could make it worse; the caller says "fix it first".
 */
export function withTrainDataChoice(text: string | undefined, configPath: string, choice: TrainDataChoice): string {
  const dir = path.dirname(configPath);
  const entry: Record<string, unknown> = { files: relativeTo(dir, choice.modelFile), model: choice.model, file: choice.file === SYNTHETIC_DATA ? SYNTHETIC_DATA : relativeTo(dir, choice.file) };
  if (choice.label) entry.label = choice.label;
  if (choice.features?.length) entry.features = [...choice.features];
  if (text === undefined || text.trim() === '') return `${JSON.stringify({ train: { data: [entry] } }, null, 2)}\n`;

  const parsed = parseConfigText(text, configPath);
  if (!parsed.ok) throw new Error(`${path.basename(configPath)} has problems (${parsed.problems[0].message}); fix it first`);
  const formattingOptions = formattingOf(text);
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const dataNode = tree && findNodeAtLocation(tree, ['train', 'data']);
  const current: unknown = dataNode && getNodeValue(dataNode);
  let updated = text;
  if (Array.isArray(current)) {
    // The old entry for this file and model goes; the new one comes first, where no broader
    // entry shadows it. (Rewriting the list only when the old entry is not first: jsonc-parser
    // 3.3 can break the text when it removes an array's last element.)
    const same = current.findIndex(e => sameTarget(e, entry));
    const edits = same < 0 ? modify(text, ['train', 'data', 0], entry, { formattingOptions, isArrayInsertion: true })
      : same === 0 ? modify(text, ['train', 'data', 0], entry, { formattingOptions })
        : modify(text, ['train', 'data'], [entry, ...current.filter((_, i) => i !== same)], { formattingOptions });
    updated = applyEdits(text, edits);
  } else {
    // A string applied to every model: it stays, as the entry after this one.
    const data = typeof current === 'string' ? [entry, { file: current }] : [entry];
    updated = applyEdits(updated, modify(updated, ['train', 'data'], data, { formattingOptions }));
  }
  const check = parseConfigText(updated, configPath);
  if (!check.ok) throw new Error(`the edit would make ${path.basename(configPath)} invalid: ${check.problems[0].message}`);
  return updated;
}

/** `src/cars.ts` from the config's directory, `/` separated (globs and paths in the file use `/`). */
function relativeTo(dir: string, file: string): string {
  const relative = path.relative(dir, file);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

function sameTarget(existing: unknown, entry: Record<string, unknown>): boolean {
  if (typeof existing !== 'object' || existing === null) return false;
  const e = existing as Record<string, unknown>;
  const files = Array.isArray(e.files) && e.files.length === 1 ? e.files[0] : e.files;
  return files === entry.files && e.model === entry.model;
}

/** The file's own indentation and line ending. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  const tabs = indent?.startsWith('\t') === true;
  return { insertSpaces: !tabs, tabSize: tabs ? 1 : indent?.length ?? 2, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
