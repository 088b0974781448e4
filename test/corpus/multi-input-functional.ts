import * as tf from '@tensorflow/tfjs';

/*
 * Product-click model: a text branch (title tokens), an image embedding branch
 * and tabular features, merged with concatenate. Two heads: click probability
 * and price bucket.
 */

const TITLE_LEN = 24;
const VOCAB = 20000;

export function buildClickModel(): tf.LayersModel {
  const titleIn = tf.input({shape: [TITLE_LEN], dtype: 'int32', name: 'title'});
  const imageIn = tf.input({shape: [512], name: 'image_emb'});
  const tabIn = tf.input({shape: [18], name: 'tabular'});

  // text branch
  let t = tf.layers.embedding({inputDim: VOCAB, outputDim: 64}).apply(titleIn) as tf.SymbolicTensor;
  t = tf.layers.globalAveragePooling1d().apply(t) as tf.SymbolicTensor;
  t = tf.layers.dense({units: 64, activation: 'relu'}).apply(t) as tf.SymbolicTensor;
  t = tf.layers.dropout({rate: 0.2}).apply(t) as tf.SymbolicTensor;

  // image branch: projection with weight decay
  const imgProj = tf.layers.dense({
    units: 64,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
    name: 'img_proj',
  });
  const i = imgProj.apply(imageIn) as tf.SymbolicTensor;

  // tabular branch
  const tab = tf.layers.dense({units: 32, activation: 'relu'}).apply(tabIn) as tf.SymbolicTensor;

  const merged = tf.layers.concatenate().apply([t, i, tab]) as tf.SymbolicTensor;
  let h = tf.layers.dense({units: 128, activation: 'relu'}).apply(merged) as tf.SymbolicTensor;
  h = tf.layers.batchNormalization().apply(h) as tf.SymbolicTensor;
  const shared = tf.layers.dense({units: 64, activation: 'relu'}).apply(h) as tf.SymbolicTensor;

  const click = tf.layers.dense({units: 1, activation: 'sigmoid', name: 'click'}).apply(shared) as tf.SymbolicTensor;
  const price = tf.layers.dense({units: 10, activation: 'softmax', name: 'price'}).apply(shared) as tf.SymbolicTensor;

  return tf.model({inputs: [titleIn, imageIn, tabIn], outputs: [click, price]});
}

/** Siamese similarity: one encoder applied to both inputs. */
export function buildSiamese(dim: number): tf.LayersModel {
  const a = tf.input({shape: [dim]});
  const b = tf.input({shape: [dim]});
  const enc1 = tf.layers.dense({units: 128, activation: 'relu'});
  const encDrop = tf.layers.dropout({rate: 0.1});
  const enc2 = tf.layers.dense({units: 32});

  const ea = enc2.apply(encDrop.apply(enc1.apply(a))) as tf.SymbolicTensor;
  const eb = enc2.apply(encDrop.apply(enc1.apply(b))) as tf.SymbolicTensor;
  const dist = tf.layers.dot({axes: -1, normalize: true}).apply([ea, eb]) as tf.SymbolicTensor;
  const out = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(dist) as tf.SymbolicTensor;
  return tf.model({inputs: [a, b], outputs: out});
}

export function compileClick(model: tf.LayersModel) {
  model.compile({
    optimizer: tf.train.adam(3e-4),
    loss: {click: 'binaryCrossentropy', price: 'categoricalCrossentropy'},
    metrics: {click: 'accuracy', price: 'accuracy'},
  });
}
