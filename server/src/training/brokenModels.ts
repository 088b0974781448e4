// The broken-model zoo: mistakes people make with tfjs models, each applied to a healthy
// model as a user would make it (change the output layer, the loss, the optimizer...).
// Every one of them trains badly or not at all, whatever the data; each names the check
// that must report it as a `fail`. Used by the seeded tests and by the calibration
// benchmark (bench/checkRates.ts: how many of them each check catches).
import type { CheckId } from './checks/types';
import type { LayerSpec, ModelSpec, SpecValue } from './modelSpec';
import type { TaskKind } from './task';

export interface Breakage {
  id: string;
  /** What the user wrote, in words. */
  description: string;
  /** The check that must report it as `fail`. */
  caughtBy: CheckId;
  /** Only visible with the user's data (synthetic targets adapt to whatever the model outputs). */
  needsData?: boolean;
  /** The broken model, or undefined when the mistake does not apply to this kind of model. */
  apply(healthy: ModelSpec, kind: TaskKind, classes: number): ModelSpec | undefined;
}

/** The model with its output layer's config changed and, optionally, its loss. */
function withOutput(spec: ModelSpec, config: Record<string, SpecValue>, loss?: string): ModelSpec {
  const layers = spec.layers.slice();
  const out = layers[layers.length - 1];
  layers[layers.length - 1] = { ...out, config: { ...out.config, ...config } };
  return { ...spec, layers, compile: { ...spec.compile, ...(loss ? { loss } : {}) } };
}

function everyLayer(spec: ModelSpec, config: (l: LayerSpec) => Record<string, SpecValue> | undefined): ModelSpec {
  return { ...spec, layers: spec.layers.map((l) => ({ ...l, config: { ...l.config, ...config(l) } })) };
}

const classification = (kind: TaskKind) => kind !== 'regression';

export const BREAKAGES: Breakage[] = [
  {
    id: 'softmax-mse',
    description: 'softmax output trained with meanSquaredError on one-hot labels',
    caughtBy: 'fit-one-batch',
    apply: (s, kind, k) => (classification(kind) ? withOutput(s, { units: Math.max(k, 2), activation: 'softmax' }, 'meanSquaredError') : undefined),
  },
  {
    id: 'sigmoid-cce',
    description: 'sigmoid output over several classes with categoricalCrossentropy',
    caughtBy: 'fit-one-batch',
    apply: (s, kind, k) => (kind === 'multiclass' ? withOutput(s, { units: k, activation: 'sigmoid' }, 'categoricalCrossentropy') : undefined),
  },
  {
    id: 'linear-output',
    description: 'no output activation (linear) with a probability loss',
    caughtBy: 'fit-one-batch',
    apply: (s, kind) => (classification(kind) ? withOutput(s, { activation: 'linear' }) : undefined),
  },
  {
    id: 'relu-output',
    description: 'relu output with categoricalCrossentropy',
    caughtBy: 'fit-one-batch',
    apply: (s, kind) => (kind === 'multiclass' ? withOutput(s, { activation: 'relu' }) : undefined),
  },
  {
    id: 'softmax-one-unit',
    description: 'softmax over a single output unit (two classes)',
    caughtBy: 'fit-one-batch',
    apply: (s, kind) => (kind === 'binary' ? withOutput(s, { activation: 'softmax' }) : undefined),
  },
  {
    id: 'wrong-units',
    description: 'fewer output units than classes (or two outputs for one regression label)',
    caughtBy: 'fit-one-batch',
    needsData: true,
    apply: (s, kind, k) => (kind === 'multiclass' && k >= 3 ? withOutput(s, { units: k - 1 })
      : kind === 'regression' ? withOutput(s, { units: 2 }) : undefined),
  },
  {
    id: 'relu-regression',
    description: 'relu on the output of a regression whose labels go below 0',
    caughtBy: 'fit-one-batch',
    needsData: true,
    apply: (s, kind) => (kind === 'regression' ? withOutput(s, { activation: 'relu' }) : undefined),
  },
  {
    id: 'frozen',
    description: 'every layer trainable: false',
    caughtBy: 'fit-one-batch',
    apply: (s) => everyLayer(s, () => ({ trainable: false })),
  },
  {
    id: 'zero-init',
    description: "kernelInitializer: 'zeros' on every layer (every hidden unit stays at 0)",
    caughtBy: 'fit-one-batch',
    apply: (s) => everyLayer(s, (l) => (l.layerKind === 'dense' || l.layerKind === 'conv' ? { kernelInitializer: 'zeros' } : undefined)),
  },
  {
    id: 'adam-lr10',
    description: 'tf.train.adam(10)',
    caughtBy: 'divergence',
    apply: (s) => ({ ...s, compile: { ...s.compile, optimizer: 'adam', learningRate: 10 } }),
  },
  {
    id: 'sgd-lr10',
    description: 'tf.train.sgd(10)',
    caughtBy: 'divergence',
    apply: (s) => ({ ...s, compile: { ...s.compile, optimizer: 'sgd', learningRate: 10 } }),
  },
];
