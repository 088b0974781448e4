import * as tf from '@tensorflow/tfjs';

// Builders driven by a hyper-parameter search; most values arrive at runtime.

export interface LayerSpec {
  units: number;
  activation?: 'relu' | 'tanh' | 'selu';
  l2?: number;
}

export interface SearchSpace {
  hidden: LayerSpec[];
  dropout: number;
  regularizer: ReturnType<typeof tf.regularizers.l2> | null;
}

export function fromSpec(inputDim: number, spec: LayerSpec, out: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [inputDim],
    units: spec.units,
    activation: spec.activation ?? 'relu',
    kernelRegularizer: spec.l2 ? tf.regularizers.l2({l2: spec.l2}) : undefined,
  }));
  model.add(tf.layers.dense({units: out}));
  return model;
}

export function fromSearchSpace(inputDim: number, space: SearchSpace): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [inputDim],
    units: 64,
    activation: 'relu',
    kernelRegularizer: space.regularizer ?? undefined,
  }));
  model.add(tf.layers.dense({units: 32, activation: 'relu', kernelRegularizer: space.regularizer!}));
  model.add(tf.layers.dropout({rate: space.dropout}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}

export function fromArgs(layerArgs: Parameters<typeof tf.layers.dense>[0], numClasses: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense(layerArgs));
  model.add(tf.layers.dense({units: numClasses, activation: 'softmax'}));
  return model;
}

export function fromPartial(
  inputDim: number,
  extra: Partial<Parameters<typeof tf.layers.dense>[0]>,
): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 128, inputShape: [inputDim], activation: 'relu', ...extra}));
  model.add(tf.layers.dense({...extra, units: 64, activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}

export function recurrentFromEnv(steps: number, feats: number): tf.Sequential {
  const rate = Number(process.env.RNN_DROPOUT ?? '0');
  const model = tf.sequential();
  model.add(tf.layers.lstm({units: 32, inputShape: [steps, feats], dropout: rate, returnSequences: true}));
  model.add(tf.layers.lstm({units: 32, recurrentDropout: rate}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
