// A two-tower recommender: user and item ids, embeddings sized by the catalogue (known
// only at run time), a dot product and a sigmoid. Two inputs; trainable with assumptions.
import * as tf from '@tensorflow/tfjs';

export function buildRecommender(numUsers, numItems, embeddingDim = 16) {
  const user = tf.input({ shape: [1], dtype: 'int32', name: 'user' });
  const item = tf.input({ shape: [1], dtype: 'int32', name: 'item' });
  const u = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: numUsers, outputDim: embeddingDim }).apply(user));
  const v = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: numItems, outputDim: embeddingDim }).apply(item));
  const score = tf.layers.dot({ axes: 1 }).apply([u, v]);
  const out = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(score);
  const model = tf.model({ inputs: [user, item], outputs: out });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
  return model;
}
