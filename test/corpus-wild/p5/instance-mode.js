// p5 in instance mode, tfjs from the page's script tag.
const sketch = (p) => {
  let brain;

  p.setup = () => {
    p.createCanvas(400, 400);
    brain = tf.sequential({
      layers: [
        tf.layers.dense({inputShape: [2], units: 12, activation: 'tanh'}),
        tf.layers.dense({units: 12, activation: 'tanh'}),
        tf.layers.dense({units: 1, activation: 'sigmoid'}),
      ],
    });
    brain.compile({optimizer: tf.train.sgd(0.5), loss: 'binaryCrossentropy'});
  };

  p.draw = () => {
    p.background(220);
  };
};

new p5(sketch);
