const tf = require('@tensorflow/tfjs');

/**
 * Small wrapper so the UI code doesn't have to know about tfjs.
 */
class Net {
  constructor(inputSize, outputSize, opts = {}) {
    this.tf = tf;
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.learningRate = opts.learningRate || 0.001;
    this.model = tf.sequential();
    this.model.add(this.tf.layers.dense({
      inputShape: [inputSize],
      units: 64,
      activation: 'relu',
    }));
    this.model.add(this.tf.layers.dropout({ rate: 0.25 }));
    this.model.add(this.tf.layers.dense({ units: 64, activation: 'relu' }));
    this.model.add(this.tf.layers.dense({ units: outputSize, activation: 'linear' }));
    this.model.compile({
      optimizer: this.tf.train.adam(this.learningRate),
      loss: 'meanSquaredError',
    });
  }

  predict(inputs) {
    return this.tf.tidy(() => {
      const xs = this.tf.tensor2d([inputs], [1, this.inputSize]);
      return Array.from(this.model.predict(xs).dataSync());
    });
  }

  async train(inputs, targets, epochs = 1) {
    const xs = this.tf.tensor2d(inputs);
    const ys = this.tf.tensor2d(targets);
    await this.model.fit(xs, ys, { epochs, shuffle: true });
    xs.dispose();
    ys.dispose();
  }

  copy() {
    const clone = new Net(this.inputSize, this.outputSize, { learningRate: this.learningRate });
    clone.model.setWeights(this.model.getWeights().map((w) => w.clone()));
    return clone;
  }

  dispose() {
    this.model.dispose();
  }
}

class Critic {
  constructor(stateSize) {
    this.model = tf.sequential();
    this.model.add(tf.layers.dense({ inputShape: [stateSize], units: 32, activation: 'tanh' }));
    this.model.add(tf.layers.gaussianNoise({ stddev: 0.1 }));
    this.model.add(tf.layers.dense({ units: 1 }));
    this.model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  }
}

module.exports = { Net, Critic };
