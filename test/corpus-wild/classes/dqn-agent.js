// A DQN agent written to run under tfjs-node or in the browser: tfjs is passed in.
class DQNAgent {
  constructor(tf, {stateSize, actionSize, hidden = [24, 24]}) {
    this.tf = tf;
    this.stateSize = stateSize;
    this.actionSize = actionSize;
    this.hidden = hidden;
    this.gamma = 0.95;
    this.online = this.buildNetwork();
    this.target = this.buildNetwork();
  }

  buildNetwork() {
    const net = this.tf.sequential();
    this.hidden.forEach((units, i) => {
      const opts = {units, activation: 'relu'};
      if (i === 0) opts.inputShape = [this.stateSize];
      net.add(this.tf.layers.dense(opts));
    });
    net.add(this.tf.layers.dense({units: this.actionSize, activation: 'linear'}));
    net.compile({optimizer: this.tf.train.adam(0.001), loss: 'meanSquaredError'});
    return net;
  }

  syncTarget() {
    this.target.setWeights(this.online.getWeights());
  }
}

module.exports = DQNAgent;
