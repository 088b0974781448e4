// Infers every layer a model needs, each once, in dependency order. The walk is
// iterative (models can be thousands of layers deep) and treats a cycle (a layer added
// on every pass of a loop, or by a helper called twice) as 'unknown': such a node
// stands for several tfjs layers, so it has no single shape or count.
import type { ModelGraph, ModelNode } from '../analysis/modelGraph';
import { joinShapes } from './dims';
import { inboundOf, type Inbound, type TensorSource } from './inbound';
import { LayerConfig } from './layerConfig';
import { shapeRuleFor } from './rules';
import { UNKNOWN, UNKNOWN_OUTCOME, type LayerOutcome, type Shape } from './types';

export class LayerInference {
  private readonly outcomes = new Map<number, LayerOutcome>();
  private readonly inbounds = new Map<number, Inbound>();
  /** Layers found on a dependency cycle. */
  readonly cyclic = new Set<number>();

  constructor(private readonly graph: ModelGraph, private readonly model: ModelNode) {}

  inboundOf(index: number): Inbound {
    let inbound = this.inbounds.get(index);
    if (!inbound) {
      const layer = this.graph.layers[index];
      inbound = inboundOf(this.graph, this.model, layer, new LayerConfig(layer.config));
      this.inbounds.set(index, inbound);
    }
    return inbound;
  }

  outcomeOf(index: number): LayerOutcome {
    const known = this.outcomes.get(index);
    if (known) return known;
    this.walkFrom(index);
    return this.outcomes.get(index) ?? UNKNOWN_OUTCOME;
  }

  /** Post-order DFS over inbound layers with an explicit stack. */
  private walkFrom(root: number): void {
    const stack: Array<{ index: number; deps: number[]; next: number }> = [];
    const position = new Map<number, number>();
    const push = (index: number): void => {
      position.set(index, stack.length);
      stack.push({ index, deps: this.dependencies(index), next: 0 });
    };
    push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.deps.length) {
        const dep = top.deps[top.next++];
        if (this.outcomes.has(dep) || !this.graph.layers[dep]) continue;
        const at = position.get(dep);
        if (at !== undefined) {
          for (let i = at; i < stack.length; i++) this.cyclic.add(stack[i].index);
          continue;
        }
        push(dep);
        continue;
      }
      stack.pop();
      position.delete(top.index);
      this.outcomes.set(top.index, this.cyclic.has(top.index) ? UNKNOWN_OUTCOME : this.infer(top.index));
    }
  }

  private dependencies(index: number): number[] {
    const inbound = this.inboundOf(index);
    if (inbound.kind === 'unknown') return [];
    const sources = inbound.kind === 'tensors' ? inbound.tensors : inbound.sources;
    return sources.flatMap((s) => ('layer' in s ? [s.layer] : []));
  }

  private infer(index: number): LayerOutcome {
    const inbound = this.inboundOf(index);
    let inputs: Shape[] | typeof UNKNOWN = UNKNOWN;
    if (inbound.kind === 'tensors') inputs = inbound.tensors.map((t) => this.shapeOf(t));
    if (inbound.kind === 'oneOf') inputs = [inbound.sources.map((t) => this.shapeOf(t)).reduce(joinShapes)];
    return this.apply(index, inputs);
  }

  private shapeOf(source: TensorSource): Shape {
    return 'shape' in source ? source.shape : (this.outcomes.get(source.layer)?.outputShape ?? UNKNOWN);
  }

  /** Run a layer's shape rule on given inputs (also used for a wrapper's inner layer). */
  apply(index: number, inputs: Shape[] | typeof UNKNOWN): LayerOutcome {
    const layer = this.graph.layers[index];
    const rule = shapeRuleFor(layer.factory);
    if (!rule) return UNKNOWN_OUTCOME;
    const config = new LayerConfig(layer.config);
    const result = rule({
      layer,
      config,
      inputs,
      input: inputs !== UNKNOWN && inputs.length === 1 ? inputs[0] : UNKNOWN,
      graph: this.graph,
      inferLayer: (inner, shape) => this.apply(inner, [shape]),
    });
    return frozenIfUntrainable(result, config);
  }
}

/** `trainable: false` turns every weight into a non-trainable one. */
function frozenIfUntrainable(result: LayerOutcome, config: LayerConfig): LayerOutcome {
  const trainable = config.boolean('trainable', true);
  if (trainable === true) return result;
  if (trainable === false) return { ...result, nonTrainableParams: result.params };
  return { ...result, nonTrainableParams: result.params === 0 ? 0 : UNKNOWN };
}
