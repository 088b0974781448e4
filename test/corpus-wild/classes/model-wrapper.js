import * as tf from '@tensorflow/tfjs';

export default class SpamClassifier {
  constructor(vocabSize = 5000, embeddingDim = 16) {
    this.vocabSize = vocabSize;
    this.embeddingDim = embeddingDim;
    this.model = null;
  }

  build(sequenceLength) {
    this.model = tf.sequential();
    this.model.add(tf.layers.embedding({
      inputDim: this.vocabSize,
      outputDim: this.embeddingDim,
      inputLength: sequenceLength,
    }));
    this.model.add(tf.layers.globalAveragePooling1d());
    this.model.add(tf.layers.dense({units: 24, activation: 'relu'}));
    this.model.add(tf.layers.dropout({rate: 0.5}));
    this.model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
    this.model.compile({loss: 'binaryCrossentropy', optimizer: 'adam', metrics: ['accuracy']});
    return this.model;
  }
}
