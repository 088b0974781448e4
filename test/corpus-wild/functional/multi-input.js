const tf = require('@tensorflow/tfjs-node');

// Two inputs (tabular + text), two heads (price and category).
const NUM_TABULAR = 20;
const VOCAB = 8000;
const SEQ = 50;

function buildModel() {
  const tabular = tf.input({shape: [NUM_TABULAR], name: 'tabular'});
  const text = tf.input({shape: [SEQ], name: 'text'});

  const t1 = tf.layers.dense({units: 64, activation: 'relu'}).apply(tabular);
  const t2 = tf.layers.dropout({rate: 0.2}).apply(t1);

  const emb = tf.layers.embedding({inputDim: VOCAB, outputDim: 32}).apply(text);
  const pooled = tf.layers.globalAveragePooling1d().apply(emb);

  const merged = tf.layers.concatenate().apply([t2, pooled]);
  const shared = tf.layers.dense({units: 64, activation: 'relu'}).apply(merged);

  const price = tf.layers.dense({units: 1, name: 'price'}).apply(shared);
  const category = tf.layers.dense({units: 12, activation: 'softmax', name: 'category'}).apply(shared);

  return tf.model({inputs: [tabular, text], outputs: [price, category]});
}

const model = buildModel();
model.compile({
  optimizer: 'adam',
  loss: {price: 'meanSquaredError', category: 'categoricalCrossentropy'},
});
module.exports = model;
