// Walking a model forward from a layer: "what comes after this layer, on every path, up to
// the first layer that matters?" Shared by the regularization judgement and the
// dropout/batch-norm ordering rules.
import type { LayerNode, ModelGraph } from '../analysis/modelGraph';
import { UNKNOWN } from '../analysis/modelGraph';

/** How one path out of the start layer ended. */
export type PathEnd<T> =
  /** `classify` stopped the walk at `at`. */
  | { kind: 'stop'; at: LayerNode; value: T }
  /** The path ran off the end of the model at `at`, a layer known to be an output. */
  | { kind: 'output'; at: LayerNode }
  /** The path could not be followed: unknown successors, a conditional branch, an output flag we cannot trust. */
  | { kind: 'unknown'; at: LayerNode; why: string };

/**
 * The layer that stands in the model for `layer`: its wrapper when wrapped (an lstm inside
 * bidirectional has no successors of its own; the wrapper's are its own), else itself.
 */
export function modelLevelLayer(graph: ModelGraph, layer: LayerNode): LayerNode {
  let current = layer;
  const seen = new Set<number>();
  while (current.wrappedBy !== null && !seen.has(current.index)) {
    seen.add(current.index);
    const wrapper = graph.layers[current.wrappedBy];
    // An rnn's cells run one after another inside it: the analysis gives each its own successors.
    if (!wrapper || holdsCells(wrapper)) break;
    current = wrapper;
  }
  return current;
}

function holdsCells(layer: LayerNode): boolean {
  return layer.factory === 'rnn' || layer.factory === 'stackedRNNCells';
}

/**
 * Follows `next` from `start` (through its wrapper when wrapped). Each successor is passed
 * to `classify`: a defined result ends that path there, undefined walks on through it.
 * Every path ends in exactly one PathEnd; a layer reached twice (a diamond) is walked once.
 */
export function walkForward<T>(
  graph: ModelGraph,
  start: LayerNode,
  classify: (layer: LayerNode) => T | undefined,
): PathEnd<T>[] {
  const ends: PathEnd<T>[] = [];
  const visited = new Set<number>();

  const followSuccessorsOf = (layer: LayerNode): void => {
    const host = modelLevelLayer(graph, layer);
    if (host.next === UNKNOWN) {
      ends.push({ kind: 'unknown', at: host, why: 'its successors are not statically known' });
      return;
    }
    if (host.next.length === 0) {
      ends.push(
        host.isOutput === true
          ? { kind: 'output', at: host }
          : { kind: 'unknown', at: host, why: 'the model may continue past it' },
      );
      return;
    }
    for (const index of host.next) {
      if (visited.has(index)) continue;
      visited.add(index);
      const successor = graph.layers[index];
      if (!successor) {
        ends.push({ kind: 'unknown', at: host, why: 'a successor is missing from the graph' });
        continue;
      }
      const value = classify(successor);
      if (value !== undefined) ends.push({ kind: 'stop', at: successor, value });
      else followSuccessorsOf(successor);
    }
  };

  followSuccessorsOf(start);
  return ends;
}
