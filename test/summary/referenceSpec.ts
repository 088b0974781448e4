// Reference models as data: each layer is a [factory, config] pair, so the same object
// generates both the source text the analyzer reads and the tfjs model it is checked
// against.

/** A config value: JSON-like, or a nested layer (a wrapper's `layer`). */
export type SpecValue = number | string | boolean | null | SpecValue[] | { [key: string]: SpecValue } | LayerSpec;
export type SpecConfig = { [key: string]: SpecValue };

export class LayerSpec {
  constructor(readonly factory: string, readonly config: SpecConfig) {}
}

/** `layer('dense', {units: 8})`. */
export function layer(factory: string, config: SpecConfig = {}): LayerSpec {
  return new LayerSpec(factory, config);
}

export interface SequentialSpec {
  kind: 'sequential';
  name: string;
  layers: LayerSpec[];
  /** `model.add(...)` statements (default) or `tf.sequential({layers: [...]})`. */
  style?: 'add' | 'array';
}

/** A functional layer application: `const <name> = <layer>.apply(<args>)`. */
export interface NodeSpec {
  name: string;
  layer: LayerSpec;
  /** Input or node names; several make an array argument (merge layers). */
  args: string[];
}

export interface FunctionalSpec {
  kind: 'functional';
  name: string;
  /** `tf.input({shape})` per name. */
  inputs: Record<string, Array<number | null>>;
  nodes: NodeSpec[];
  outputs: string[];
}

export type ModelSpec = SequentialSpec | FunctionalSpec;

export function sequential(name: string, layers: LayerSpec[], style?: 'add' | 'array'): SequentialSpec {
  return { kind: 'sequential', name, layers, style };
}
