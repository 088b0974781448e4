// A plain-JSON description of a buildable model: its layers in a topological order, each
// with the tensors it is applied to, the model's inputs and outputs, and every value the
// code does not fix that was assumed to build it (specFromGraph.ts derives it from the
// ModelGraph). It crosses the worker boundary as is and never runs user code.
import type { LayerKind, ModelCompile, ModelStyle } from '../analysis/modelGraph';
import { layerKindOf } from '../analysis/layerCatalog';

export type SpecValue = number | string | boolean | null | SpecValue[] | SpecObject | RegularizerSpec | LayerSpec;

export interface SpecObject {
  kind: 'object';
  props: Record<string, SpecValue>;
}

/** `tf.regularizers.<factory>(arg)` (form 'call') or a string identifier such as 'l1l2'. */
export interface RegularizerSpec {
  kind: 'regularizer';
  factory: string;
  form: 'call' | 'string';
  arg?: SpecValue;
}

export interface LayerSpec {
  kind: 'layer';
  factory: string;
  layerKind: LayerKind;
  config: Record<string, SpecValue>;
  /** Keras-style name for messages and `--set`: dense_1, conv2d_2, ... (unique in the spec). */
  label: string;
  /** The layer's index in the ModelGraph, when it came from one. */
  graphIndex?: number;
  line?: number;
  /**
   * The tensors of each of the layer's applications (a shared layer has several), in
   * argument order. Absent in a chain (sequential models, hand-written specs): each layer
   * then takes the previous layer's output, the first one the model input.
   */
  inbound?: SpecRef[][];
}

/** A tensor in a spec: a model input (by position in `inputs`), or an application of a layer (by label). */
export type SpecRef = { input: number } | { layer: string; node?: number };

export interface InputSpec {
  /** input_1, input_2, ... */
  label: string;
  /** Without the batch dimension. */
  shape: number[];
  dtype: 'float32' | 'int32';
  line?: number;
}

/**
 * A value the code does not fix, and what the sanity-train built with instead. Listed in
 * every report (JSON `assumptions`, and the message), so a verdict never rests on a hidden guess.
 */
export interface Assumption {
  /** Layer label (dense_2, input_1). */
  layer: string;
  /** Config key, a path into it (kernelRegularizer.l2, inputShape[0]), or repeat (a loop's count). */
  key: string;
  value: AssumedValue;
  /** Where the value came from and why it was needed, in words. */
  why: string;
  /** `code`: the file's own value (a builder's call site, in builder mode). */
  source: 'default' | 'data' | 'setting' | 'user' | 'code';
  line?: number;
  /** The expression as written, when there is one. */
  expression?: string;
  /** The data file can tell this value (its feature count, token range, class count) and replaces a default. */
  fromData?: 'features' | 'tokens' | 'classes';
  /** Worth asking the user (the editor's quick input) when it is a default. */
  ask?: boolean;
  /** For an input shape: the dimensions the code does not fix, and their expressions. */
  holes?: number[];
  holeExpressions?: string[];
}

export type AssumedValue = number | string | boolean | null | AssumedValue[];

/** A config key left out because it does not change what the sanity-train measures. */
export interface DroppedKey {
  layer: string;
  key: string;
  expression?: string;
  line?: number;
  why: string;
}

/** What the model is compiled with: the analysis's reading of its compile() call. */
export type CompileSpec = ModelCompile;

export interface ModelSpec {
  name: string;
  style: ModelStyle;
  line?: number;
  /** The (first) input's shape without the batch dimension. */
  inputShape: number[];
  /** 'int32' when the (first) input feeds an embedding (inputs are token ids). */
  inputDtype: 'float32' | 'int32';
  /** Layers in a topological order (every layer after the layers it is applied to). */
  layers: LayerSpec[];
  /** Every model input, in the model's order; absent: one input, `inputShape`/`inputDtype`. */
  inputs?: InputSpec[];
  /** The model's outputs in order (the first is the one the checks judge); absent: the last layer. */
  outputs?: SpecRef[];
  compile?: CompileSpec;
  /** Values assumed because the code does not fix them (empty or absent: none). */
  assumptions?: Assumption[];
  /** Config keys left out because they do not change what is measured. */
  dropped?: DroppedKey[];
}

/** Input shape (no batch dim) declared by a layer's config, if any. */
export function inputShapeOf(layer: LayerSpec): number[] | undefined {
  const c = layer.config;
  const declared = literalShape(c.inputShape, false) ?? literalShape(c.batchInputShape, true);
  if (declared) return declared;
  if (layer.factory === 'embedding' && typeof c.inputLength === 'number') return [c.inputLength];
  if (layer.factory !== 'embedding' && typeof c.inputDim === 'number') return [c.inputDim];
  return undefined;
}

/** A literal array of numbers and nulls as a shape without its batch dim, when every remaining dim is a number. */
export function literalShape(v: unknown, hasBatchDim: boolean): number[] | undefined {
  if (!Array.isArray(v) || !v.every((e) => typeof e === 'number' || e === null)) return undefined;
  const s = hasBatchDim ? v.slice(1) : v;
  return s.every((e) => typeof e === 'number') ? (s as number[]) : undefined;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A hand-written layer spec (tests, builder mode). */
export function layer(factory: string, config: Record<string, SpecValue> = {}, label?: string): LayerSpec {
  return { kind: 'layer', factory, layerKind: layerKindOf(factory) ?? 'other', config, label: label ?? factory };
}

/** Labels layers dense_1, dense_2, ... in order (for hand-written specs). */
export function labelLayers(layers: LayerSpec[]): LayerSpec[] {
  const counts: Record<string, number> = {};
  return layers.map((l) => {
    counts[l.factory] = (counts[l.factory] ?? 0) + 1;
    return { ...l, label: `${l.factory}_${counts[l.factory]}` };
  });
}

/** Plain JSON object config (what tests write) to a SpecObject. */
export function obj(props: Record<string, SpecValue>): SpecObject {
  return { kind: 'object', props };
}

export function l2(factor: number): RegularizerSpec {
  return { kind: 'regularizer', factory: 'l2', form: 'call', arg: obj({ l2: factor }) };
}

// Kept here so `import { specFromGraph } from './modelSpec'` keeps working.
export { specFromGraph, type SpecOptions, type SpecResult } from './specFromGraph';
