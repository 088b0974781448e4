import * as tf from '@tensorflow/tfjs';

// Variational autoencoder on flattened 28x28 images (after tfjs-examples/fashion-mnist-vae).

/** Reparameterisation trick as a custom layer: z = mean + exp(0.5 * logVar) * eps. */
class ZLayer extends tf.layers.Layer {
  static className = 'ZLayer';

  constructor(config?: {name?: string}) {
    super(config);
  }

  computeOutputShape(inputShape: tf.Shape[]): tf.Shape {
    return inputShape[0];
  }

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [zMean, zLogVar] = inputs as tf.Tensor[];
    const batch = zMean.shape[0] as number;
    const dim = zMean.shape[1] as number;
    const epsilon = tf.randomNormal([batch, dim]);
    return zMean.add(zLogVar.mul(0.5).exp().mul(epsilon));
  }
}
tf.serialization.registerClass(ZLayer);

export interface VaeOpts {
  originalDim: number;
  intermediateDim: number;
  latentDim: number;
}

export function encoder({originalDim, intermediateDim, latentDim}: VaeOpts): tf.LayersModel {
  const inputs = tf.input({shape: [originalDim], name: 'encoder_input'});
  const x = tf.layers.dense({units: intermediateDim, activation: 'relu'}).apply(inputs) as tf.SymbolicTensor;
  const zMean = tf.layers.dense({units: latentDim, name: 'z_mean'}).apply(x) as tf.SymbolicTensor;
  const zLogVar = tf.layers.dense({units: latentDim, name: 'z_log_var'}).apply(x) as tf.SymbolicTensor;
  const z = new ZLayer({name: 'z'}).apply([zMean, zLogVar]) as tf.SymbolicTensor;
  return tf.model({inputs, outputs: [zMean, zLogVar, z], name: 'encoder'});
}

export function decoder({originalDim, intermediateDim, latentDim}: VaeOpts): tf.LayersModel {
  const latent = tf.input({shape: [latentDim], name: 'z_sampling'});
  let y = tf.layers.dense({
    units: intermediateDim,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: 1e-5}),
  }).apply(latent) as tf.SymbolicTensor;
  y = tf.layers.dense({units: intermediateDim * 2, activation: 'relu'}).apply(y) as tf.SymbolicTensor;
  y = tf.layers.dense({units: originalDim, activation: 'sigmoid'}).apply(y) as tf.SymbolicTensor;
  return tf.model({inputs: latent, outputs: y, name: 'decoder'});
}

export function vae(enc: tf.LayersModel, dec: tf.LayersModel): tf.LayersModel {
  const inputs = enc.inputs;
  const encoderOutputs = enc.apply(inputs) as tf.SymbolicTensor[];
  const decoded = dec.apply(encoderOutputs[2]) as tf.SymbolicTensor;
  return tf.model({inputs, outputs: [decoded, ...encoderOutputs], name: 'vae_mlp'});
}

export function vaeLoss(inputs: tf.Tensor, outputs: tf.Tensor[]): tf.Scalar {
  return tf.tidy(() => {
    const originalDim = inputs.shape[1] as number;
    const [decoded, zMean, zLogVar] = outputs;
    const recon = tf.metrics.binaryCrossentropy(inputs, decoded).mul(originalDim);
    let kl = tf.scalar(1).add(zLogVar).sub(zMean.square()).sub(zLogVar.exp());
    kl = kl.sum(-1).mul(-0.5);
    return recon.add(kl).mean() as tf.Scalar;
  });
}
