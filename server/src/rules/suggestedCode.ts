// Code snippets for messages, written the way this file already reaches tfjs: the layer's
// own callee prefix (`tf.layers.`, `layers.`, `this.tf.layers.`), destructured factories,
// regularizer namespaces. A reader can paste the suggestion without fixing the names.
import type { LayerNode, ModelGraph, TfjsBindings } from '../analysis/modelGraph';

/** Defaults from DESIGN.md §3 (the settings' defaults; rules have no settings of their own). */
export const SUGGESTED_L2 = '1e-4';
export const SUGGESTED_DENSE_DROPOUT = '0.5';
export const SUGGESTED_RNN_DROPOUT = '0.2';

/** The callee for another layer factory, e.g. `tf.layers.dropout` next to `tf.layers.dense`. */
export function layerCallee(graph: ModelGraph, near: LayerNode, factory: string): string {
  if (near.calleePrefix !== '') return near.calleePrefix + factory;
  const tfjs = graph.tfjs;
  // Named imports with no namespace: the fix adds `factory` to the import.
  return localNameOf(tfjs.layerFactories, factory) ?? namespacedLayerCallee(tfjs, factory) ?? factory;
}

/** The local name a factory is bound to (`const {dense} = tf.layers`), if any. */
export function localNameOf(bindings: Record<string, string>, factory: string): string | undefined {
  return Object.keys(bindings).find((name) => bindings[name] === factory);
}

/** A layer factory reached through the file's layers or tfjs namespace (`layers.dropout`, `tf.layers.dropout`). */
export function namespacedLayerCallee(tfjs: TfjsBindings, factory: string): string | undefined {
  if (tfjs.layersNamespaces.length > 0) return `${tfjs.layersNamespaces[0]}.${factory}`;
  if (tfjs.namespaces.length > 0) return `${tfjs.namespaces[0]}.layers.${factory}`;
  return undefined;
}

/**
 * A regularizer factory under a name the file already has in scope: its local binding, a
 * regularizers namespace, the `regularizers` beside a `<x>.layers.` callee prefix (the
 * layer's `layersPrefix`), or a tfjs namespace. Undefined when none is.
 */
export function regularizerCalleeInScope(tfjs: TfjsBindings, layersPrefix: string, factory: string): string | undefined {
  const local = localNameOf(tfjs.regularizerFactories, factory);
  if (local !== undefined) return local;
  if (tfjs.regularizersNamespaces.length > 0) return `${tfjs.regularizersNamespaces[0]}.${factory}`;
  // `tf.layers.` / `this.tf.layers.` -> `tf.regularizers.` / `this.tf.regularizers.`
  if (layersPrefix.endsWith('.layers.')) return `${layersPrefix.slice(0, -'layers.'.length)}regularizers.${factory}`;
  if (tfjs.namespaces.length > 0) return `${tfjs.namespaces[0]}.regularizers.${factory}`;
  return undefined;
}

/** The callee for a regularizer factory, e.g. `tf.regularizers.l2`. */
export function regularizerCallee(graph: ModelGraph, near: LayerNode, factory: 'l1' | 'l2' | 'l1l2'): string {
  const tfjs = graph.tfjs;
  const inScope = regularizerCalleeInScope(tfjs, near.calleePrefix, factory);
  if (inScope !== undefined) return inScope;
  // Named imports only: the fix adds `regularizers` to the import.
  if (tfjs.namedImport) return `regularizers.${factory}`;
  return `tf.regularizers.${factory}`;
}

/** `tf.regularizers.l2({l2: 1e-4})` in this file's style. */
export function l2Call(graph: ModelGraph, near: LayerNode, factor: string = SUGGESTED_L2): string {
  return `${regularizerCallee(graph, near, 'l2')}({l2: ${factor}})`;
}

/** `kernelRegularizer: tf.regularizers.l2({l2: 1e-4})`, or both keys for separable convs. */
export function l2Properties(graph: ModelGraph, near: LayerNode, keys: readonly string[]): string {
  const call = l2Call(graph, near);
  return keys.map((key) => `${key}: ${call}`).join(' and ');
}
