/**
 * Dense autoencoder for 28x28 images (flattened to 784 values).
 *
 * A mixed bag on purpose:
 *  - the first encoder layer carries an L2 weight penalty (fine);
 *  - the bottleneck uses an L1 kernel penalty (fine; note that tfjs 4.x
 *    throws on any layer with an `activityRegularizer`, so no activity penalty);
 *  - the second encoder layer is followed by dropout at rate 0.7, which is
 *    a lot for a 128-unit layer;
 *  - in the decoder, dropout sits right before batch normalization, so batch
 *    norm sees a different variance at inference than during training;
 *  - the last hidden decoder layer has no regularization at all.
 */
import * as tf from '@tensorflow/tfjs';

const INPUT_DIM = 784;
const CODE_DIM = 32;

export function buildEncoder(): tf.Sequential {
  const encoder = tf.sequential({name: 'encoder'});
  encoder.add(tf.layers.dense({
    inputShape: [INPUT_DIM],
    units: 256,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
  }));
  encoder.add(tf.layers.dense({units: 128, activation: 'relu'}));
  encoder.add(tf.layers.dropout({rate: 0.7}));
  encoder.add(tf.layers.dense({
    units: CODE_DIM,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l1({l1: 1e-5}),
  }));
  return encoder;
}

export function buildDecoder(): tf.Sequential {
  const decoder = tf.sequential({name: 'decoder'});
  decoder.add(tf.layers.dense({inputShape: [CODE_DIM], units: 128, activation: 'relu'}));
  decoder.add(tf.layers.dropout({rate: 0.2}));
  decoder.add(tf.layers.batchNormalization());
  decoder.add(tf.layers.dense({units: 256, activation: 'relu'}));
  decoder.add(tf.layers.dense({units: INPUT_DIM, activation: 'sigmoid'}));
  return decoder;
}

/** Chains encoder and decoder into one trainable model. */
export function buildAutoencoder(): {
  encoder: tf.Sequential;
  decoder: tf.Sequential;
  autoencoder: tf.LayersModel;
} {
  const encoder = buildEncoder();
  const decoder = buildDecoder();
  const input = tf.input({shape: [INPUT_DIM]});
  const code = encoder.apply(input) as tf.SymbolicTensor;
  const reconstruction = decoder.apply(code) as tf.SymbolicTensor;
  const autoencoder = tf.model({inputs: input, outputs: reconstruction});
  autoencoder.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
  return {encoder, decoder, autoencoder};
}

/** Mean squared reconstruction error per example: high means anomalous. */
export function reconstructionError(model: tf.LayersModel, xs: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const recon = model.predict(xs) as tf.Tensor2D;
    return tf.mean(tf.squaredDifference(xs, recon), 1) as tf.Tensor1D;
  });
}

export async function fitAutoencoder(
  autoencoder: tf.LayersModel,
  xs: tf.Tensor2D,
  epochs = 20,
): Promise<void> {
  await autoencoder.fit(xs, xs, {epochs, batchSize: 256, shuffle: true, validationSplit: 0.1});
}
