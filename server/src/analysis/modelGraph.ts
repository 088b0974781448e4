// The ModelGraph: what the analysis extracts from one file. It is the single source of
// truth for rules, fixes, hover/outline and the trainer, and it is plain data (no
// TypeScript nodes, no LSP types), so it can cross a worker boundary as JSON.

/** A half-open character range [start, end) in the file's text (UTF-16 offsets). */
export interface Span {
  start: number;
  end: number;
}

/** What statically could not be decided. Rules never report on the strength of it. */
export const UNKNOWN = 'unknown' as const;
export type Unknown = typeof UNKNOWN;

/**
 * A config value resolved as far as syntax allows. Literals become JS values;
 * `tf.regularizers.l2({...})` becomes a `regularizer` value; anything else is UNKNOWN.
 */
export type ConfigValue =
  | number
  | string
  | boolean
  | null
  | undefined
  | ConfigValue[]
  | ConfigObject
  | RegularizerValue
  | LayerRef
  | Unknown;

export interface ConfigObject {
  kind: 'object';
  /** Keys known to be present, with their values. */
  props: Record<string, ConfigValue>;
  /** False when an unresolved spread means any other key might be present too. */
  complete: boolean;
}

/** `tf.regularizers.l1|l2|l1l2(arg)` or a string identifier such as `'l1l2'`. */
export interface RegularizerValue {
  kind: 'regularizer';
  /** `l1`, `l2`, `l1l2`, or for string identifiers the string itself. */
  factory: string;
  form: 'call' | 'string';
  /** The call's first argument, resolved (undefined when called with no argument). */
  arg: ConfigValue;
  span: Span;
  /** Span of the first argument, when there is one. */
  argSpan?: Span;
}

/** A layer passed as a config value, e.g. `bidirectional({layer: tf.layers.lstm(...)})`. */
export interface LayerRef {
  kind: 'layer';
  index: number;
}

export type LayerKind =
  | 'dense'
  | 'conv'
  | 'recurrent'
  | 'dropout'
  | 'normalization'
  | 'wrapper'
  | 'merge'
  | 'input'
  | 'other';

export type ModelStyle = 'sequential-add' | 'sequential-array' | 'functional';

export interface PropertySpan {
  /** The whole `key: value` property. */
  span: Span;
  valueSpan: Span;
}

/**
 * Code in another file of the workspace, reached through an import (imports.ts): the
 * element is built there. The element's own spans are then those of the code in this file
 * that leads there (the call of the imported helper, the class extending the imported one).
 */
export interface Origin {
  /** The other file's path, as the module loader names it. */
  file: string;
  /** The element's span there, and its name's (the factory name for a layer). */
  span: Span;
  nameSpan: Span;
  /** 1-based line of nameSpan there, for messages. */
  line: number;
}

export interface LayerNode {
  index: number;
  /** The factory name as tfjs spells it: `dense`, `conv2d`, `lstm`, ... */
  factory: string;
  kind: LayerKind;
  /** The whole call expression `tf.layers.dense({...})`. */
  span: Span;
  /** The factory name's span (`dense` in `tf.layers.dense(`): where diagnostics point. */
  nameSpan: Span;
  /** Span of the callee expression (`tf.layers.dense`), for rewriting namespaces. */
  calleeSpan: Span;
  /** The text in front of the factory name in the callee (`tf.layers.`, or '' for a bare identifier). */
  calleePrefix: string;
  /** The config argument: absent (no argument), a resolved object, or UNKNOWN. */
  config: ConfigObject | Unknown | 'absent';
  /** Span of the first argument when it is written inline as an object literal. */
  configLiteralSpan?: Span;
  /** Spans of the config's own properties written inline (by key). */
  configProps: Record<string, PropertySpan>;
  /**
   * The config again with builder-parameter defaults counted, present only when some value
   * came from one: a builder no code in the file calls (`export function build(hidden = 64)`)
   * runs with its defaults. `config` keeps those values UNKNOWN (a caller elsewhere may pass
   * others, so no rule may rely on them); the trainer may, stating them as assumptions.
   */
  withDefaults?: DefaultedConfig;
  /** Index of the model this layer belongs to, or null when in none we know. */
  model: number | null;
  /** Successor layers in data flow; [] for an output, UNKNOWN when not known. */
  next: number[] | Unknown;
  /** Predecessor layers in data flow; UNKNOWN when not known. */
  prev: number[] | Unknown;
  isOutput: boolean | Unknown;
  /** Set when the layer is built by code in another file (see Origin). */
  origin?: Origin;
  /** For wrapped layers: the wrapper's index. */
  wrappedBy: number | null;
  /** For wrappers: the wrapped layer's index (or UNKNOWN when not a literal layer). */
  inner: number | null | Unknown;
  /** How the layer enters the model, for fixes that must edit the surrounding code. */
  site?: LayerSite;
  /**
   * The tensors of the layer's one `.apply()`, in argument order (an array argument
   * contributes its elements). UNKNOWN when applied more than once or to something not
   * followed; absent when never applied (sequential models).
   */
  applyArgs?: TensorRef[] | Unknown;
  /**
   * Every `.apply()` of this layer, in the order the interpreter met them (a shared layer
   * has several; a layer applied in a loop body or a helper is met once per pass or call).
   * Absent when never applied. For the trainer, which rebuilds DAGs with shared layers.
   */
  applications?: TensorRef[][];
  /**
   * How many times the interpreter evaluated the layer's factory call: more than 1 when
   * one call site builds several tfjs layers (a loop, a helper called from several places).
   * Absent when no flow reached the call.
   */
  created?: number;
  /** The factory call was evaluated in a loop body (or a forEach/map callback): `created` is not the real count. */
  createdInLoop?: boolean;
}

/** A config read with builder-parameter defaults counted (see LayerNode.withDefaults). */
export interface DefaultedConfig {
  config: ConfigObject;
  /** The parameters whose defaults it used, by name. */
  params: string[];
}

/** A `tf.input(...)` call: where a functional model's data enters. */
export interface InputNode {
  index: number;
  span: Span;
  /** Its config resolved like a layer's: `shape` or `batchShape`, `name`, `dtype`. */
  config: ConfigObject | Unknown | 'absent';
  /** As LayerNode.withDefaults. */
  withDefaults?: DefaultedConfig;
  /** As LayerNode.origin. */
  origin?: Origin;
}

/** An import of a module that is not tfjs: whether the analysis followed it, and if not, why. */
export interface ImportNote {
  specifier: string;
  /** The specifier string's span in this file. */
  span: Span;
  /**
   * `followed`: its exports were read (file); `unresolved`: a workspace module that could
   * not be had (reason); `not-followed`: beyond the hop limit, or cross-file analysis is off.
   */
  status: 'followed' | 'unresolved' | 'not-followed';
  file?: string;
  reason?: string;
}

/**
 * Where one tensor passed to `.apply()` comes from. `node`: which of the producer's
 * `applications` made it.
 */
export type TensorRef =
  | { kind: 'layer'; index: number; node?: number }
  | { kind: 'input'; index: number }
  /** The output of a model applied as a layer (only in `applications`; `applyArgs` say UNKNOWN). */
  | { kind: 'model'; index: number; node?: number }
  | Unknown;

/**
 * Where the layer call sits relative to its model, so a fix can insert a sibling:
 * - `add`: the statement `model.add(<call>)` (span covers the whole statement);
 * - `array-element`: an element of `tf.sequential({layers: [...]})`;
 * - `apply`: `<call>.apply(<arg>)` (span covers the whole apply call) or
 *   `<ident>.apply(...)` where the layer is bound to a variable first;
 * - `other`: anywhere else.
 */
export type LayerSite =
  | { kind: 'add'; statement: Span; receiver: string }
  | { kind: 'array-element'; element: Span; array: Span }
  | { kind: 'apply'; applyCall: Span; argSpan: Span; statement?: Span }
  | { kind: 'other' };

export interface ModelNode {
  index: number;
  /** Variable, property or function name that holds or builds the model. */
  name: string;
  style: ModelStyle;
  /** Span of the constructing call (`tf.sequential(...)`, `tf.model(...)`, or the class). */
  span: Span;
  /** Layer indices in data-flow order. */
  layers: number[];
  /** False when layers may be added that the analysis could not see (e.g. a model passed in). */
  complete: boolean;
  /** A functional model's `inputs` and `outputs` as written (in order); absent when not a literal config. */
  inputs?: TensorRef[];
  outputs?: TensorRef[];
  /**
   * A sequential model's appends in the order the flow met them, repeats included (a helper
   * called twice appends its layer twice). `inLoop`: met while running a loop body, which
   * the flow runs twice whatever the real count. `alternatives`: the append is one of these
   * layers, depending on a condition (`c ? a : b`); `layer` is the first. `model`: a model
   * appended as a layer (`combined.add(generator)`; `layer` is then -1).
   */
  adds?: { layer: number; inLoop?: boolean; alternatives?: number[]; model?: number }[];
  /** This model applied as a layer (`encoder.apply(x)`), each application's tensors. */
  applications?: TensorRef[][];
  /** What the first `compile({...})` reaching this model says; absent when none does. */
  compile?: ModelCompile;
  /** Set when the model is constructed by code in another file (see Origin). */
  origin?: Origin;
}

/** A model's `compile()` arguments as far as literals tell (a field is left out when not known). */
export interface ModelCompile {
  /** tfjs loss name, e.g. 'categoricalCrossentropy'. */
  loss?: string;
  /** tfjs optimizer name: 'adam', 'sgd', 'rmsprop', ... (from a string or a `tf.train.x(...)` call). */
  optimizer?: string;
  /** The optimizer call's first argument, when a number. */
  learningRate?: number;
}

/** How tfjs is bound in this file, so fixes can write code in the file's own style. */
export interface TfjsBindings {
  /** Module specifiers imported (e.g. `@tensorflow/tfjs`). Empty: no tfjs in this file. */
  modules: string[];
  /** Identifiers bound to the whole tfjs namespace (`tf`). */
  namespaces: string[];
  /** Identifiers bound to `tf.layers` (`layers`, `L`). */
  layersNamespaces: string[];
  /** Identifiers bound directly to layer factories: local name -> factory name. */
  layerFactories: Record<string, string>;
  /** Identifiers bound to `tf.regularizers`. */
  regularizersNamespaces: string[];
  /** Identifiers bound directly to regularizer factories: local name -> l1|l2|l1l2. */
  regularizerFactories: Record<string, string>;
  /**
   * Set when the file reaches tfjs without importing it: `global`, the page's `tf` (a
   * script tag, `importScripts`, a p5.js sketch, `window.tf`); `parameter`, a namespace its
   * caller passes in (`function build(tf)`, `this.tf = tf`). `modules` is empty then.
   */
  unimported?: 'global' | 'parameter';
  /** Whether named ES imports from a tfjs module are used (fixes add specifiers there). */
  namedImport?: { span: Span; names: string[]; module: string };
}

/**
 * What a data file's relative path is relative to: the file's own directory (`require`,
 * `import`, `__dirname`, `import.meta.url`), the process's working directory (`fs`,
 * `tf.data.csv('file://…')`, `path.resolve`), or the page that fetches it (browser code:
 * `fetch`, `tf.data.csv(url)`).
 */
export type DataSourceBase = 'file' | 'cwd' | 'page';

/** A data file the code reads, by a path known statically (./dataSources.ts). */
export interface DataSource {
  /** As the code names it (without `file://`): absolute, or relative to `base`. */
  path: string;
  base: DataSourceBase;
  how: 'tf.data.csv' | 'fs' | 'require' | 'import' | 'fetch';
  /** The path argument (or import specifier). */
  span: Span;
  /** The label column, when `tf.data.csv`'s `columnConfigs` marks one `isLabel: true`. */
  label?: string;
}

export interface ParseProblem {
  message: string;
  span: Span;
}

export interface ModelGraph {
  fileName: string;
  tfjs: TfjsBindings;
  models: ModelNode[];
  layers: LayerNode[];
  /** Every `tf.input(...)` call, in source order. */
  inputs: InputNode[];
  /** Syntax errors TypeScript reported; the graph still covers what parsed. */
  parseProblems: ParseProblem[];
  /** Data files the code reads, in source order (./dataSources.ts); empty without tfjs. */
  dataSources: DataSource[];
  /**
   * Imports of the workspace's own modules, when the analysis was given a module loader
   * (cross-file analysis): which it followed and which it could not. Values reaching the
   * graph through an import that is not followed are unknown.
   */
  imports?: ImportNote[];
  /** The other files whose code the graph depends on (to re-analyse this one when they change). */
  dependencies?: string[];
  /**
   * Why the file could not be analysed at all (e.g. nesting too deep to parse), as a reason
   * to follow "could not analyse this file: "; callers add that prefix.
   */
  fatal?: string;
}

/** Whether the file reaches tfjs at all: by an import or require, or without one. */
export function usesTfjs(bindings: TfjsBindings): boolean {
  return bindings.modules.length > 0 || bindings.unimported !== undefined;
}

export function isConfigObject(value: ConfigValue): value is ConfigObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'object';
}

export function isRegularizerValue(value: ConfigValue): value is RegularizerValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'regularizer';
}

export function isLayerRef(value: ConfigValue): value is LayerRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'layer';
}
