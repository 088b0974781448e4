// Flappy-bird style neuroevolution: every bird carries its own little brain.
class NeuralNetwork {
  constructor(a, b, c, d) {
    if (a instanceof tf.Sequential) {
      this.model = a;
      this.input_nodes = b;
      this.hidden_nodes = c;
      this.output_nodes = d;
    } else {
      this.input_nodes = a;
      this.hidden_nodes = b;
      this.output_nodes = c;
      this.model = this.createModel();
    }
  }

  copy() {
    return tf.tidy(() => {
      const modelCopy = this.createModel();
      const weights = this.model.getWeights();
      modelCopy.setWeights(weights.map((w) => w.clone()));
      return new NeuralNetwork(modelCopy, this.input_nodes, this.hidden_nodes, this.output_nodes);
    });
  }

  predict(inputs) {
    return tf.tidy(() => this.model.predict(tf.tensor2d([inputs])).dataSync());
  }

  createModel() {
    const model = tf.sequential();
    const hidden = tf.layers.dense({
      units: this.hidden_nodes,
      inputShape: [this.input_nodes],
      activation: 'sigmoid'
    });
    model.add(hidden);
    const output = tf.layers.dense({
      units: this.output_nodes,
      activation: 'softmax'
    });
    model.add(output);
    return model;
  }
}

let birds = [];
function setup() {
  createCanvas(640, 480);
  tf.setBackend('cpu');
  for (let i = 0; i < 250; i++) birds.push({brain: new NeuralNetwork(5, 8, 2)});
}

function draw() {
  background(0);
}
