// tfjs optimizers by name, as `model.compile({optimizer: 'adam'})` would resolve them,
// with an explicit learning rate.
import type { Tf } from './tf';

export interface OptimizerSpec {
  name: string;
  learningRate?: number;
}

/** tfjs's own default learning rates (optimizer_config defaults in tfjs-layers). */
const DEFAULT_LR: Record<string, number> = {
  adam: 0.001, sgd: 0.01, rmsprop: 0.001, adagrad: 0.01, adadelta: 1, adamax: 0.002, momentum: 0.01,
};

export function makeOptimizer(tf: Tf, spec: OptimizerSpec): ReturnType<Tf['train']['adam']> {
  const name = spec.name.toLowerCase();
  const lr = spec.learningRate ?? DEFAULT_LR[name] ?? 0.001;
  switch (name) {
    case 'adam': return tf.train.adam(lr);
    case 'sgd': return tf.train.sgd(lr) as never;
    case 'rmsprop': return tf.train.rmsprop(lr) as never;
    case 'adagrad': return tf.train.adagrad(lr) as never;
    case 'adadelta': return tf.train.adadelta(lr) as never;
    case 'adamax': return tf.train.adamax(lr) as never;
    case 'momentum': return tf.train.momentum(lr, 0.9) as never;
    default: throw new Error(`optimizer ${spec.name} is not supported`);
  }
}

export function describeOptimizer(spec: OptimizerSpec): string {
  const name = spec.name.toLowerCase();
  return `${name}(${spec.learningRate ?? DEFAULT_LR[name] ?? 0.001})`;
}
