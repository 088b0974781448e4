// `.reglintrc.json`, the project configuration: its shape, and text → validated config or
// precise problems. The JSON schema in schemas/reglintrc.schema.json is the one source of
// truth: the editor offers completion from it (package.json `jsonValidation`) and this
// module validates with it, so the two cannot disagree.
//
// Comments and trailing commas are accepted (as in ESLint's and TypeScript's JSON configs).
import Ajv, { type ErrorObject } from 'ajv';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import * as path from 'node:path';
import schema from '../../../schemas/reglintrc.schema.json';
import type { FixSettings } from '../fixes/types';
import type { SeveritySetting } from '../rules/rule';
import { LineIndex } from '../text/lineIndex';

export const CONFIG_FILE_NAME = '.reglintrc.json';

export interface TrainConfig {
  budgetSeconds?: number;
  seed?: number;
  /**
   * `train.data`, as a list whatever its form in the file (a string is one entry for every
   * model); the first entry matching a model applies (config/trainData.ts).
   */
  data?: TrainDataEntry[];
  inputShape?: number[];
}

/** One `train.data` entry: which models (files and name) train on which data. */
export interface TrainDataEntry {
  /** Globs relative to the config file's directory; undefined: every file. */
  files?: string[];
  /** The model's name; undefined: every model. */
  model?: string;
  /** `synthetic`, or an absolute path (resolved against the config file's directory). */
  file: string;
  label?: string;
  features?: string[];
}

/** The `file` of a train.data entry that means "the seeded synthetic data". */
export const SYNTHETIC_DATA = 'synthetic';

export interface ReglintConfig {
  /** Severity by rule id (only the rules the file lists). */
  rules: Record<string, SeveritySetting>;
  /** Fix defaults the file sets (the fixes fill in the rest, see fixes/types.ts). */
  fix: Partial<FixSettings>;
  /** Globs relative to `baseDir`; undefined: every source file. */
  include?: string[];
  /** Globs relative to `baseDir`. */
  exclude?: string[];
  train: TrainConfig;
  /** The directory include/exclude and train.data are relative to (the config file's). */
  baseDir?: string;
}

/** No configuration file: every rule at its default severity, every file linted. */
export function emptyConfig(): ReglintConfig {
  return { rules: {}, fix: {}, train: {} };
}

/** One thing wrong with a config file, at a character range of its text. */
export interface ConfigProblem {
  message: string;
  /** Offset and length in the file's text (0/0 when the problem is the whole file). */
  offset: number;
  length: number;
}

export type ConfigParseResult =
  | { ok: true; config: ReglintConfig }
  | { ok: false; problems: ConfigProblem[] };

let validator: ReturnType<Ajv['compile']> | undefined;
function validate(value: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(schema);
  return validator(value) ? [] : withoutAnyOfNoise([...(validator.errors ?? [])]);
}

/**
 * A value that may take one of several forms (`train.data`: a string or a list) fails every
 * form that does not fit: ajv reports "must be string" and "must match a schema in anyOf"
 * beside the real problem inside the list. Keep the problems of the form whose type fits;
 * when no form's type fits, say once which types would ("must be a string or an array").
 */
function withoutAnyOfNoise(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const added: ErrorObject[] = [];
  for (const anyOf of errors.filter(e => e.keyword === 'anyOf')) {
    const typeErrors = errors.filter(e => e.keyword === 'type' && e.instancePath === anyOf.instancePath && e.schemaPath.startsWith(`${anyOf.schemaPath}/`));
    // Problems inside the value (a form's own, possibly through a $ref) mean a form fits.
    const inside = errors.some(e => e !== anyOf && !typeErrors.includes(e) &&
      (e.instancePath === anyOf.instancePath || e.instancePath.startsWith(`${anyOf.instancePath}/`)));
    dropped.add(anyOf);
    typeErrors.forEach(e => dropped.add(e));
    if (!inside) {
      const types = typeErrors.map(e => String((e.params as { type: string }).type));
      added.push({ ...anyOf, keyword: 'type', params: { type: types.map(article).join(' or ').replace(/^an? /, '') } });
    }
  }
  return [...errors.filter(e => !dropped.has(e)), ...added];
}

/**
 * Parses and validates the text of a `.reglintrc.json` at `filePath`. Never throws: a
 * syntax error or a schema violation comes back as problems with positions.
 */
export function parseConfigText(text: string, filePath: string): ConfigParseResult {
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { allowTrailingComma: true, disallowComments: false });
  if (syntaxErrors.length > 0 || tree === undefined) {
    const problems = syntaxErrors.map((error) => ({
      message: `JSON syntax error: ${describeParseError(printParseErrorCode(error.error))}.`,
      offset: error.offset,
      length: Math.max(error.length, 1),
    }));
    if (problems.length === 0) problems.push({ message: 'The file is empty: it must hold a JSON object.', offset: 0, length: 0 });
    return { ok: false, problems };
  }
  const value: unknown = getNodeValue(tree);
  const errors = validate(value);
  if (errors.length > 0) {
    return { ok: false, problems: dedupe(errors.map((error) => toProblem(error, tree))) };
  }
  return { ok: true, config: toConfig(value as RawConfig, path.dirname(filePath)) };
}

interface RawTrainDataEntry {
  files?: string | string[];
  model?: string;
  file: string;
  label?: string;
  features?: string[];
}

interface RawConfig {
  rules?: Record<string, SeveritySetting>;
  fix?: Partial<FixSettings>;
  include?: string[];
  exclude?: string[];
  train?: Omit<TrainConfig, 'data'> & { data?: string | RawTrainDataEntry[] };
}

function toConfig(raw: RawConfig, baseDir: string): ReglintConfig {
  const { data, ...rest } = raw.train ?? {};
  const train: TrainConfig = { ...rest };
  if (data !== undefined) train.data = (typeof data === 'string' ? [{ file: data }] : data).map(entry => toDataEntry(entry, baseDir));
  const config: ReglintConfig = { rules: { ...raw.rules }, fix: { ...raw.fix }, train, baseDir };
  if (raw.include) config.include = [...raw.include];
  if (raw.exclude) config.exclude = [...raw.exclude];
  return config;
}

function toDataEntry(raw: RawTrainDataEntry, baseDir: string): TrainDataEntry {
  const entry: TrainDataEntry = { file: raw.file === SYNTHETIC_DATA ? SYNTHETIC_DATA : path.resolve(baseDir, raw.file) };
  if (raw.files !== undefined) entry.files = typeof raw.files === 'string' ? [raw.files] : [...raw.files];
  if (raw.model !== undefined) entry.model = raw.model;
  if (raw.label !== undefined) entry.label = raw.label;
  if (raw.features !== undefined) entry.features = [...raw.features];
  return entry;
}

function describeParseError(code: string): string {
  // InvalidSymbol → "invalid symbol", CloseBraceExpected → "close brace expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `rules.dense-unregularized` from `/rules/dense-unregularized`. */
function dotted(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function pathSegments(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(key) ? Number(key) : key;
    });
}

function toProblem(error: ErrorObject, tree: Node): ConfigProblem {
  const segments = pathSegments(error.instancePath);
  const where = dotted(error.instancePath);
  const subject = where === '' ? 'The configuration' : `"${where}"`;
  let node = findNodeAtLocation(tree, segments) ?? tree;
  let message: string;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const keyNode = findNodeAtLocation(tree, [...segments, key])?.parent?.children?.[0];
      if (keyNode) node = keyNode;
      const known = knownKeys(segments);
      if (where === 'rules') message = `Unknown rule "${key}". Rules: ${known.join(', ')}.`;
      else message = `Unknown setting "${where === '' ? key : `${where}.${key}`}". Known ${where === '' ? 'keys' : `keys of "${where}"`}: ${known.join(', ')}.`;
      break;
    }
    case 'enum':
      message = `${subject}: ${JSON.stringify(getNodeValue(node))} is not one of ${(params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}.`;
      break;
    case 'type':
      message = `${subject} must be ${article(String(params.type))}, not ${JSON.stringify(getNodeValue(node))}.`;
      break;
    default:
      message = `${subject} ${error.message ?? 'is invalid'}.`;
      if (/^(exclusiveMinimum|exclusiveMaximum|minimum|maximum)$/.test(error.keyword)) {
        message = `${subject} ${error.message ?? 'is out of range'} (it is ${JSON.stringify(getNodeValue(node))}).`;
      }
  }
  return { message, offset: node.offset, length: node.length };
}

function article(type: string): string {
  if (type === 'object' || type === 'array' || type === 'integer') return `an ${type}`;
  return `a ${type}`;
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  $ref?: string;
}

/** The keys the schema allows at `segments` (for "unknown key" messages), through lists, anyOf and $ref. */
function knownKeys(segments: (string | number)[]): string[] {
  const resolve = (node: SchemaNode | undefined): SchemaNode | undefined => {
    if (node?.$ref?.startsWith('#/definitions/')) return resolve((schema.definitions as Record<string, SchemaNode>)[node.$ref.slice('#/definitions/'.length)]);
    return node;
  };
  let nodes: SchemaNode[] = [schema as SchemaNode];
  for (const segment of segments) {
    const next: SchemaNode[] = [];
    for (const n of nodes.flatMap(node => [node, ...(node.anyOf ?? [])]).map(resolve)) {
      const child = resolve(typeof segment === 'number' ? n?.items : n?.properties?.[segment]);
      if (child) next.push(child);
    }
    nodes = next;
  }
  const keys = nodes.flatMap(node => [node, ...(node.anyOf ?? []).map(resolve)]).flatMap(node => Object.keys(node?.properties ?? {}));
  return [...new Set(keys)].filter((key) => key !== '$schema');
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.offset}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}


/** Problems as lines for a terminal: `  3:14  "rules.x": ...`. */
export function formatConfigProblems(filePath: string, text: string, problems: readonly ConfigProblem[]): string {
  const index = new LineIndex(text);
  const lines = problems.map((problem) => {
    const { line, column } = index.at(problem.offset);
    return `  ${line}:${column}  ${problem.message}`;
  });
  return `Invalid configuration in ${filePath}:\n${lines.join('\n')}\n`;
}
