import * as tf from '@tensorflow/tfjs';

/** Common plumbing for the tabular models of this project. */
export abstract class BaseTabularModel {
  protected model: tf.Sequential = tf.sequential();

  constructor(protected readonly numFeatures: number) {}

  protected addInput(units: number): void {
    this.model.add(tf.layers.dense({units, inputShape: [this.numFeatures], activation: 'relu'}));
    this.model.add(tf.layers.batchNormalization());
  }

  protected addHidden(units: number, rate = 0): void {
    this.model.add(tf.layers.dense({units, activation: 'relu'}));
    if (rate > 0) this.model.add(tf.layers.dropout({rate}));
  }

  abstract build(): tf.Sequential;
}
