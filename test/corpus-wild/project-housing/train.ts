import * as tf from '@tensorflow/tfjs-node';
import {EPOCHS} from './config';
import {buildModel} from './model';

async function main(): Promise<void> {
  const model = buildModel(13);
  model.compile({optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError'});
  const xs = tf.randomNormal([256, 13]);
  const ys = tf.randomNormal([256, 1]);
  await model.fit(xs, ys, {epochs: EPOCHS, validationSplit: 0.2});
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
