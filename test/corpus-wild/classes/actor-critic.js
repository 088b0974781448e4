const tf = require('@tensorflow/tfjs');

class ActorCritic {
  constructor(stateDim, numActions) {
    this.stateDim = stateDim;
    this.numActions = numActions;
    this.model = this.build();
  }

  build() {
    const state = tf.input({shape: [this.stateDim], name: 'state'});
    const trunk1 = tf.layers.dense({units: 128, activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2: 1e-4})});
    const trunk2 = tf.layers.dense({units: 128, activation: 'relu'});
    const shared = trunk2.apply(trunk1.apply(state));
    const policy = tf.layers.dense({units: this.numActions, activation: 'softmax', name: 'policy'}).apply(shared);
    const value = tf.layers.dense({units: 1, name: 'value'}).apply(shared);
    return tf.model({inputs: state, outputs: [policy, value]});
  }
}

module.exports = {ActorCritic};
