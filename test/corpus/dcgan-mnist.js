/* eslint-disable no-console */
const tf = require('@tensorflow/tfjs-node');

const LATENT = 100;

/**
 * Generator: z -> 28x28x1 image in [-1, 1].
 */
function buildGenerator() {
  const g = tf.sequential({ name: 'generator' });
  g.add(tf.layers.dense({ inputShape: [LATENT], units: 7 * 7 * 128, useBias: false }));
  g.add(tf.layers.batchNormalization());
  g.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  g.add(tf.layers.reshape({ targetShape: [7, 7, 128] }));

  g.add(tf.layers.conv2dTranspose({ filters: 64, kernelSize: 5, strides: 2, padding: 'same', useBias: false }));
  g.add(tf.layers.batchNormalization());
  g.add(tf.layers.leakyReLU({ alpha: 0.2 }));

  g.add(tf.layers.conv2dTranspose({ filters: 1, kernelSize: 5, strides: 2, padding: 'same', activation: 'tanh' }));
  return g;
}

/**
 * Discriminator: image -> real/fake logit.
 */
function buildDiscriminator() {
  const d = tf.sequential({ name: 'discriminator' });
  d.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 5, strides: 2, padding: 'same' }));
  d.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  d.add(tf.layers.dropout({ rate: 0.3 }));
  d.add(tf.layers.conv2d({ filters: 128, kernelSize: 5, strides: 2, padding: 'same' }));
  d.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  d.add(tf.layers.flatten());
  d.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  d.compile({ optimizer: tf.train.adam(2e-4, 0.5), loss: 'binaryCrossentropy' });
  return d;
}

function buildCombined(generator, discriminator) {
  const z = tf.input({ shape: [LATENT] });
  const img = generator.apply(z);
  discriminator.trainable = false;
  const validity = discriminator.apply(img);
  const combined = tf.model({ inputs: z, outputs: validity });
  combined.compile({ optimizer: tf.train.adam(2e-4, 0.5), loss: 'binaryCrossentropy' });
  return combined;
}

async function trainStep(generator, discriminator, combined, realBatch) {
  const n = realBatch.shape[0];
  const noise = tf.randomNormal([n, LATENT]);
  const fake = generator.predict(noise);
  const x = tf.concat([realBatch, fake]);
  const y = tf.concat([tf.ones([n, 1]).mul(0.9), tf.zeros([n, 1])]);
  discriminator.trainable = true;
  const dLoss = await discriminator.trainOnBatch(x, y);
  discriminator.trainable = false;
  const gLoss = await combined.trainOnBatch(tf.randomNormal([n, LATENT]), tf.ones([n, 1]));
  tf.dispose([noise, fake, x, y]);
  return { dLoss, gLoss };
}

if (require.main === module) {
  const g = buildGenerator();
  const d = buildDiscriminator();
  const c = buildCombined(g, d);
  console.log(g.summary(), d.summary(), c.outputs.length);
}

module.exports = { buildGenerator, buildDiscriminator, buildCombined, trainStep };
