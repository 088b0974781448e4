import * as tf from '@tensorflow/tfjs-node';

const LATENT_DIM = 100;

export class Gan {
  readonly generator: tf.Sequential;
  readonly discriminator: tf.Sequential;

  constructor(private readonly imageSize = 28) {
    this.generator = this.makeGenerator();
    this.discriminator = this.makeDiscriminator();
  }

  private makeGenerator(): tf.Sequential {
    const g = tf.sequential();
    g.add(tf.layers.dense({units: 7 * 7 * 128, inputShape: [LATENT_DIM], useBias: false}));
    g.add(tf.layers.batchNormalization());
    g.add(tf.layers.leakyReLU());
    g.add(tf.layers.reshape({targetShape: [7, 7, 128]}));
    g.add(tf.layers.conv2dTranspose({filters: 64, kernelSize: 5, strides: 2, padding: 'same', useBias: false}));
    g.add(tf.layers.batchNormalization());
    g.add(tf.layers.leakyReLU());
    g.add(tf.layers.conv2dTranspose({filters: 1, kernelSize: 5, strides: 2, padding: 'same', activation: 'tanh'}));
    return g;
  }

  private makeDiscriminator(): tf.Sequential {
    const d = tf.sequential();
    d.add(tf.layers.conv2d({filters: 64, kernelSize: 5, strides: 2, padding: 'same', inputShape: [this.imageSize, this.imageSize, 1]}));
    d.add(tf.layers.leakyReLU({alpha: 0.2}));
    d.add(tf.layers.dropout({rate: 0.3}));
    d.add(tf.layers.conv2d({filters: 128, kernelSize: 5, strides: 2, padding: 'same'}));
    d.add(tf.layers.leakyReLU({alpha: 0.2}));
    d.add(tf.layers.flatten());
    d.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
    return d;
  }
}
