import * as tf from '@tensorflow/tfjs';

// Matrix-factorisation style recommender with side features.
// users/movies ids are 0-based ints.

export const N_USERS = 6040;
export const N_MOVIES = 3706;
export const N_GENRES = 18;

export function buildRecommender(embDim = 32) {
  const userIn = tf.input({ shape: [1], name: 'user' });
  const movieIn = tf.input({ shape: [1], name: 'movie' });
  const genreIn = tf.input({ shape: [N_GENRES], name: 'genres' });

  const userVec = tf.layers.flatten().apply(
    tf.layers.embedding({
      inputDim: N_USERS,
      outputDim: embDim,
      embeddingsRegularizer: tf.regularizers.l2({ l2: 1e-6 }),
    }).apply(userIn),
  );
  const movieVec = tf.layers.flatten().apply(
    tf.layers.embedding({ inputDim: N_MOVIES, outputDim: embDim }).apply(movieIn),
  );
  const genreVec = tf.layers.dense({ units: embDim, activation: 'relu' }).apply(genreIn);

  const itemVec = tf.layers.add().apply([movieVec, genreVec]);
  const score = tf.layers.dot({ axes: 1 }).apply([userVec, itemVec]);
  const rating = tf.layers.dense({ units: 1, activation: 'linear', name: 'rating' }).apply(score);

  return tf.model({ inputs: [userIn, movieIn, genreIn], outputs: rating });
}

// Deeper variant ("neural collaborative filtering"): concat + MLP tower.
export function buildNcf(embDim = 16, tower = [64, 32, 16]) {
  const userIn = tf.input({ shape: [1] });
  const movieIn = tf.input({ shape: [1] });
  const u = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: N_USERS, outputDim: embDim }).apply(userIn));
  const m = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: N_MOVIES, outputDim: embDim }).apply(movieIn));
  let x = tf.layers.concatenate().apply([u, m]);
  x = tf.layers.dense({ units: tower[0], activation: 'relu' }).apply(x);
  x = tf.layers.dropout({ rate: 0.2 }).apply(x);
  x = tf.layers.dense({ units: tower[1], activation: 'relu' }).apply(x);
  x = tf.layers.dropout({ rate: 0.2 }).apply(x);
  x = tf.layers.dense({ units: tower[2], activation: 'relu' }).apply(x);
  const out = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(x);
  const model = tf.model({ inputs: [userIn, movieIn], outputs: out });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  return model;
}

export async function topK(model, userId, k = 10) {
  const users = tf.fill([N_MOVIES, 1], userId);
  const movies = tf.range(0, N_MOVIES).reshape([N_MOVIES, 1]);
  const genres = tf.zeros([N_MOVIES, N_GENRES]);
  const scores = model.predict([users, movies, genres]);
  const { indices } = tf.topk(scores.reshape([N_MOVIES]), k);
  const ids = await indices.array();
  tf.dispose([users, movies, genres, scores, indices]);
  return ids;
}
