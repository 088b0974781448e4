// What the model is for, read from its output layer and loss: it decides the synthetic
// targets and the loss we measure. Without a compile() we infer the loss from the output
// activation, as a user of that activation would.
import type { LayerSpec, ModelSpec, SpecRef, SpecValue } from './modelSpec';
import { applicationsOf, layerOf, outputsOf } from './specTopology';

export type TaskKind = 'regression' | 'multiclass' | 'binary';

export interface Task {
  kind: TaskKind;
  /** Output units of the model. */
  units: number;
  /** tfjs loss name used for training and measured for the curves. */
  loss: string;
  /** Output activation as written ('linear' when none). */
  activation: string;
  /** Targets as integer class ids ([n,1]) instead of one-hot. */
  sparse: boolean;
  /**
   * The output's shape without the batch dim when it has more than one axis (an image, a
   * sequence): `units` is then its size, and regression/binary targets are per element.
   */
  outputShape?: number[];
}

export const SUPPORTED_LOSSES = [
  'meanSquaredError', 'meanAbsoluteError', 'categoricalCrossentropy', 'sparseCategoricalCrossentropy', 'binaryCrossentropy',
];

/**
 * An output's activation: the last layer on its way that sets one (activation/softmax
 * layers count; dropout, flatten and reshape pass it through). `output`: which of the
 * model's outputs (a DAG's; a chain has one).
 */
export function outputActivation(spec: ModelSpec, output = 0): string {
  let ref: SpecRef | undefined = outputsOf(spec)[output];
  while (ref && !('input' in ref)) {
    const l: LayerSpec | undefined = layerOf(spec, ref);
    if (!l) break;
    if (l.factory === 'softmax') return 'softmax';
    const a: SpecValue | undefined = l.config.activation;
    if (l.factory === 'activation') return typeof a === 'string' ? a : 'linear';
    if (l.layerKind !== 'dropout' && l.factory !== 'flatten' && l.factory !== 'reshape') return typeof a === 'string' ? a : 'linear';
    const i = spec.layers.indexOf(l);
    ref = applicationsOf(spec, i)[ref.node ?? 0]?.[0];
  }
  return 'linear';
}

/** The task of one output (default the first, the one the checks judge) with `units` output units. */
export function inferTask(spec: ModelSpec, units: number, output = 0): Task | { error: string } {
  const activation = outputActivation(spec, output);
  const loss = spec.compile?.loss ?? defaultLoss(activation);
  if (!SUPPORTED_LOSSES.includes(loss)) return { error: `loss ${loss} is not supported by the sanity-train yet` };
  // A softmax over several units is a distribution over classes whatever the loss: with
  // meanSquaredError it is still a classifier (one-hot targets), trained with the wrong loss.
  const kind: TaskKind = loss === 'categoricalCrossentropy' || loss === 'sparseCategoricalCrossentropy' ? 'multiclass'
    : loss === 'binaryCrossentropy' ? 'binary'
    : activation === 'softmax' && units > 1 ? 'multiclass' : 'regression';
  return { kind, units, loss, activation, sparse: loss === 'sparseCategoricalCrossentropy' };
}

function defaultLoss(activation: string): string {
  if (activation === 'softmax') return 'categoricalCrossentropy';
  if (activation === 'sigmoid') return 'binaryCrossentropy';
  return 'meanSquaredError';
}

/** Number of classes the targets use: for multiclass with one unit, treat as 2. */
export function classCount(task: Task): number {
  return task.kind === 'multiclass' ? Math.max(task.units, 2) : 2;
}

/** Values an output activation can produce, when bounded ([lo, hi], inclusive enough for labels). */
export function outputRange(activation: string): [number, number] | undefined {
  switch (activation) {
    case 'sigmoid': case 'hardSigmoid': case 'softmax': return [0, 1];
    case 'tanh': case 'softsign': return [-1, 1];
    case 'relu': case 'softplus': return [0, Infinity];
    case 'relu6': return [0, 6];
    case 'elu': return [-1, Infinity];
    case 'selu': return [-1.7581, Infinity];
    // Minima of x * sigmoid(x), x * tanh(softplus(x)) and x * Phi(x).
    case 'swish': return [-0.2785, Infinity];
    case 'mish': return [-0.3089, Infinity];
    case 'gelu': return [-0.17, Infinity];
    default: return undefined;
  }
}
