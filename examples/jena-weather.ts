/**
 * Temperature forecasting on the Jena climate data set, after
 * tfjs-examples/jena-weather, written in the functional style
 * (`tf.input` -> `layer.apply(...)` -> `tf.model`).
 *
 * The MLP's second hidden layer has neither a weight penalty nor dropout;
 * the GRU model is regularized by the GRU's own dropout settings.
 */
import * as tf from '@tensorflow/tfjs';

export interface JenaShape {
  lookBack: number; // time steps per example
  step: number; // sampling step inside the window
  numFeatures: number; // weather measurements per time step
}

function timeSteps(shape: JenaShape): number {
  return Math.floor(shape.lookBack / shape.step);
}

/** Linear regression baseline: flatten -> dense(1). */
export function buildLinearRegressionModel(shape: JenaShape): tf.LayersModel {
  const input = tf.input({shape: [timeSteps(shape), shape.numFeatures]});
  const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
  const output = tf.layers.dense({units: 1}).apply(flat) as tf.SymbolicTensor;
  return tf.model({inputs: input, outputs: output, name: 'jena-linear'});
}

/** Multilayer perceptron with two hidden layers. */
export function buildMLPModel(shape: JenaShape): tf.LayersModel {
  const input = tf.input({shape: [timeSteps(shape), shape.numFeatures]});
  let x = tf.layers.flatten().apply(input) as tf.SymbolicTensor;

  x = tf.layers.dense({
    units: 32,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: 1e-3}),
  }).apply(x) as tf.SymbolicTensor;

  x = tf.layers.dense({units: 16, activation: 'relu'}).apply(x) as tf.SymbolicTensor;

  const output = tf.layers.dense({units: 1}).apply(x) as tf.SymbolicTensor;
  return tf.model({inputs: input, outputs: output, name: 'jena-mlp'});
}

/** Recurrent model: GRU over the time window, then a linear head. */
export function buildGRUModel(shape: JenaShape): tf.LayersModel {
  const input = tf.input({shape: [timeSteps(shape), shape.numFeatures]});
  const gru = tf.layers.gru({
    units: 32,
    dropout: 0.2,
    recurrentDropout: 0.2,
  });
  const hidden = gru.apply(input) as tf.SymbolicTensor;
  const output = tf.layers.dense({units: 1}).apply(hidden) as tf.SymbolicTensor;
  return tf.model({inputs: input, outputs: output, name: 'jena-gru'});
}

export async function trainModel(
  model: tf.LayersModel,
  xs: tf.Tensor3D,
  ys: tf.Tensor2D,
  epochs: number,
): Promise<tf.History> {
  model.compile({loss: 'meanAbsoluteError', optimizer: tf.train.rmsprop(1e-3)});
  return model.fit(xs, ys, {
    epochs,
    batchSize: 128,
    validationSplit: 0.2,
    shuffle: true,
  });
}

export function describe(model: tf.LayersModel): string {
  const lines: string[] = [];
  model.summary(undefined, undefined, (line: string) => lines.push(line));
  return lines.join('\n');
}
