import * as tf from '@tensorflow/tfjs';

async function loadVocabularySize(): Promise<number> {
  const res = await fetch('/vocab.json');
  return (await res.json()).length;
}

async function createEncoder(vocabSize: number) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({inputDim: vocabSize, outputDim: 64, inputLength: 20}));
  model.add(tf.layers.conv1d({filters: 64, kernelSize: 5, activation: 'relu'}));
  model.add(tf.layers.globalMaxPooling1d({}));
  model.add(tf.layers.dense({units: 32, activation: 'relu'}));
  return model;
}

export async function createClassifier(): Promise<tf.Sequential> {
  const vocabSize = await loadVocabularySize();
  const model = await createEncoder(vocabSize);
  model.add(tf.layers.dropout({rate: 0.5}));
  model.add(tf.layers.dense({units: 4, activation: 'softmax'}));
  return model;
}
