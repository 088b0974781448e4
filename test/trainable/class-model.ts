// A model held by a class: the constructor takes the shape, a method builds it. Trainable
// with assumptions (the input width is a constructor parameter).
import * as tf from '@tensorflow/tfjs';

export class Forecaster {
  private model: tf.Sequential;

  constructor(private readonly windowSize: number, private readonly features: number) {
    this.model = this.build();
  }

  private build(): tf.Sequential {
    const model = tf.sequential();
    model.add(tf.layers.lstm({units: 32, inputShape: [this.windowSize, this.features], returnSequences: true}));
    model.add(tf.layers.lstm({units: 16, dropout: 0.1}));
    model.add(tf.layers.dense({units: 1}));
    model.compile({optimizer: tf.train.rmsprop(0.001), loss: 'meanAbsoluteError'});
    return model;
  }
}
