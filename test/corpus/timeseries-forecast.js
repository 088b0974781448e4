const tf = require('@tensorflow/tfjs');

// Energy load forecasting: 48 past half-hours -> next 4 half-hours.
const WINDOW = 48;
const HORIZON = 4;
const FEATURES = 5;

const RNN_DROPOUT = 0.15;

function lstmForecaster() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 64,
    inputShape: [WINDOW, FEATURES],
    returnSequences: true,
    dropout: RNN_DROPOUT,
  }));
  model.add(tf.layers.lstm({ units: 32, recurrentDropout: 0 }));
  model.add(tf.layers.dense({ units: HORIZON }));
  return model;
}

function gruForecaster(dropout) {
  return tf.sequential({
    layers: [
      tf.layers.gru({ units: 64, inputShape: [WINDOW, FEATURES], returnSequences: true, dropout }),
      tf.layers.gru({ units: 32, recurrentRegularizer: tf.regularizers.l1l2() }),
      tf.layers.dense({ units: HORIZON }),
    ],
  });
}

function simpleRnnBaseline() {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 32, inputShape: [WINDOW, FEATURES], dropout: 0.0, recurrentDropout: 0.0 }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.alphaDropout({ rate: 0.1 }));
  model.add(tf.layers.dense({ units: HORIZON }));
  return model;
}

// seq2seq-ish: encode, repeat, decode per step
function encoderDecoder() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 64, inputShape: [WINDOW, FEATURES] }));
  model.add(tf.layers.repeatVector({ n: HORIZON }));
  model.add(tf.layers.lstm({ units: 64, returnSequences: true, dropout: 0.1, recurrentDropout: 0.1 }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }));
  return model;
}

function makeWindows(series) {
  const xs = [];
  const ys = [];
  for (let i = 0; i + WINDOW + HORIZON <= series.length; i++) {
    xs.push(series.slice(i, i + WINDOW));
    ys.push(series.slice(i + WINDOW, i + WINDOW + HORIZON).map((row) => row[0]));
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

async function fitForecaster(model, series) {
  const { xs, ys } = makeWindows(series);
  model.compile({ optimizer: tf.train.adam(5e-4), loss: 'meanSquaredError', metrics: ['mae'] });
  const history = await model.fit(xs, ys, { epochs: 40, batchSize: 64, validationSplit: 0.15, shuffle: false });
  xs.dispose();
  ys.dispose();
  return history;
}

module.exports = { lstmForecaster, gruForecaster, simpleRnnBaseline, encoderDecoder, fitForecaster };
