/**
 * IMDB-style sentiment analysis, after tfjs-examples/sentiment.
 *
 * Every model here is written as `tf.sequential({layers: [...]})`. The LSTM
 * model has no dropout and no weight penalty on its recurrent layer, the CNN
 * model drops 70% of its features (more than is usually useful), and the
 * bidirectional model is regularized through the LSTM's own dropout.
 */
import * as tf from '@tensorflow/tfjs';

export type SentimentModelType = 'lstm' | 'cnn' | 'bidirectionalLSTM';

export interface SentimentConfig {
  maxLen: number;
  vocabularySize: number;
  embeddingSize: number;
}

export function buildLstmModel(cfg: SentimentConfig): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.embedding({
        inputDim: cfg.vocabularySize,
        outputDim: cfg.embeddingSize,
        inputLength: cfg.maxLen,
      }),
      tf.layers.lstm({units: 32}),
      tf.layers.dense({units: 1, activation: 'sigmoid'}),
    ],
  });
}

export function buildCnnModel(cfg: SentimentConfig): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.embedding({
        inputDim: cfg.vocabularySize,
        outputDim: cfg.embeddingSize,
        inputLength: cfg.maxLen,
      }),
      tf.layers.conv1d({
        filters: 250,
        kernelSize: 5,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
      }),
      tf.layers.globalMaxPool1d({}),
      tf.layers.dense({units: 250, activation: 'relu'}),
      tf.layers.dropout({rate: 0.7}),
      tf.layers.dense({units: 1, activation: 'sigmoid'}),
    ],
  });
}

export function buildBidirectionalModel(cfg: SentimentConfig): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.embedding({
        inputDim: cfg.vocabularySize,
        outputDim: cfg.embeddingSize,
        inputLength: cfg.maxLen,
      }),
      tf.layers.bidirectional({
        layer: tf.layers.lstm({units: 32, dropout: 0.2, recurrentDropout: 0.2}),
        mergeMode: 'concat',
      }),
      tf.layers.dense({units: 1, activation: 'sigmoid'}),
    ],
  });
}

export function buildModel(type: SentimentModelType, cfg: SentimentConfig): tf.Sequential {
  let model: tf.Sequential;
  switch (type) {
    case 'lstm':
      model = buildLstmModel(cfg);
      break;
    case 'cnn':
      model = buildCnnModel(cfg);
      break;
    case 'bidirectionalLSTM':
      model = buildBidirectionalModel(cfg);
      break;
  }
  model.compile({
    loss: 'binaryCrossentropy',
    optimizer: tf.train.adam(1e-3),
    metrics: ['acc'],
  });
  return model;
}

export async function trainSentiment(
  model: tf.Sequential,
  xTrain: tf.Tensor2D,
  yTrain: tf.Tensor2D,
  epochs = 10,
): Promise<number> {
  const history = await model.fit(xTrain, yTrain, {
    epochs,
    batchSize: 128,
    validationSplit: 0.2,
    callbacks: tf.callbacks.earlyStopping({monitor: 'val_loss', patience: 2}),
  });
  const valAcc = history.history['val_acc'];
  return Number(valAcc[valAcc.length - 1]);
}
