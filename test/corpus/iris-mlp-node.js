// iris classifier - quick and dirty, ported from my keras notebook
const tf = require('@tensorflow/tfjs-node');
const fs = require('fs');

const CLASSES = ['setosa', 'versicolor', 'virginica'];

function loadCsv(path) {
  const rows = fs.readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const xs = [];
  const ys = [];
  for (const row of rows) {
    const cols = row.split(',');
    xs.push(cols.slice(0, 4).map(Number));
    ys.push(CLASSES.indexOf(cols[4].replace(/"/g, '')));
  }
  return {
    xs: tf.tensor2d(xs),
    ys: tf.oneHot(tf.tensor1d(ys, 'int32'), CLASSES.length),
  };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 10, activation: 'sigmoid', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 10, activation: 'sigmoid' }));
  model.add(tf.layers.dropout({ rate: 0.1 }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  model.compile({
    optimizer: tf.train.adam(0.01),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

async function main() {
  const { xs, ys } = loadCsv(process.argv[2] || './iris.csv');
  const model = buildModel();
  model.summary();
  await model.fit(xs, ys, {
    epochs: 100,
    shuffle: true,
    validationSplit: 0.2,
    verbose: 0,
    callbacks: {
      onEpochEnd: (epoch, logs) => {
        if (epoch % 10 === 0) console.log(epoch, logs.loss.toFixed(4), logs.val_acc);
      },
    },
  });
  await model.save('file://./iris-model');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
