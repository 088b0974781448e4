/**
 * Sequence tagger (NER / POS) -- BiLSTM + per-token softmax.
 * Uses the layers package directly, core ops come from tfjs-core.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';

export interface TaggerConfig {
  vocabSize: number;
  numTags: number;
  maxLen: number;
  embDim?: number;
  rnnUnits?: number;
}

export function buildTagger(cfg: TaggerConfig): tfl.Sequential {
  const {vocabSize, numTags, maxLen, embDim = 100, rnnUnits = 64} = cfg;
  const model = tfl.sequential();
  model.add(tfl.layers.embedding({inputDim: vocabSize, outputDim: embDim, inputLength: maxLen, maskZero: true}));
  model.add(tfl.layers.bidirectional({
    layer: tfl.layers.lstm({units: rnnUnits, returnSequences: true, recurrentDropout: 0.25}) as tfl.RNN,
    mergeMode: 'concat',
  }));
  model.add(tfl.layers.bidirectional({
    layer: tfl.layers.lstm({units: rnnUnits, returnSequences: true}) as tfl.RNN,
  }));
  model.add(tfl.layers.timeDistributed({
    layer: tfl.layers.dense({units: numTags, activation: 'softmax'}),
  }));
  return model;
}

/** Character-aware variant: a GRU with weight penalties, dense projection per step. */
export function buildCharTagger(cfg: TaggerConfig): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.embedding({inputDim: cfg.vocabSize, outputDim: 32, inputLength: cfg.maxLen}));
  model.add(tfl.layers.bidirectional({
    layer: tfl.layers.gru({
      units: 48,
      returnSequences: true,
      kernelRegularizer: tfl.regularizers.l2({l2: 1e-5}),
      recurrentRegularizer: tfl.regularizers.l2({l2: 1e-5}),
    }) as tfl.RNN,
    mergeMode: 'sum',
  }));
  model.add(tfl.layers.timeDistributed({layer: tfl.layers.dense({units: 64, activation: 'relu'})}));
  model.add(tfl.layers.dropout({rate: 0.4}));
  model.add(tfl.layers.timeDistributed({layer: tfl.layers.dense({units: cfg.numTags, activation: 'softmax'})}));
  return model;
}

export function tagAccuracy(yTrue: tfc.Tensor3D, yPred: tfc.Tensor3D, mask: tfc.Tensor2D): number {
  return tfc.tidy(() => {
    const hits = tfc.equal(yTrue.argMax(-1), yPred.argMax(-1)).toFloat().mul(mask);
    return hits.sum().div(mask.sum()).dataSync()[0];
  });
}
