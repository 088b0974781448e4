import {input, model, layers as tfLayers, regularizers as reg, SymbolicTensor, LayersModel} from '@tensorflow/tfjs';

// Everything inline. Read inside-out.

export function compact(dim: number, classes: number): LayersModel {
  const x = input({shape: [dim]});
  const y = tfLayers.dense({units: classes, activation: 'softmax'}).apply(
    tfLayers.dropout({rate: 0.2}).apply(
      tfLayers.dense({units: 64, activation: 'relu'}).apply(
        tfLayers.dense({units: 128, activation: 'relu', kernelRegularizer: reg.l2({l2: 1e-4})}).apply(x),
      ),
    ),
  ) as SymbolicTensor;
  return model({inputs: x, outputs: y});
}

export function pipe(dim: number): LayersModel {
  const x = input({shape: [dim]});
  const stack = [
    tfLayers.dense({units: 256, activation: 'relu'}),
    tfLayers.batchNormalization(),
    tfLayers.dense({units: 128, activation: 'relu'}),
    tfLayers.dense({units: 64, activation: 'relu', kernelRegularizer: reg.l1({l1: 1e-5})}),
    tfLayers.dense({units: 1}),
  ];
  const out = stack.reduce((t, layer) => layer.apply(t) as SymbolicTensor, x);
  return model({inputs: x, outputs: out});
}

export function residualMlp(dim: number): LayersModel {
  const x = input({shape: [dim]});
  const h1 = tfLayers.dense({units: dim, activation: 'relu'}).apply(x) as SymbolicTensor;
  const h2 = tfLayers.dense({units: dim}).apply(tfLayers.layerNormalization().apply(h1)) as SymbolicTensor;
  const sum = tfLayers.add().apply([x, h2]) as SymbolicTensor;
  const d = tfLayers.dropout({rate: 0.1}).apply(sum) as SymbolicTensor;
  const out = tfLayers.dense({units: 1}).apply(d) as SymbolicTensor;
  return model({inputs: x, outputs: out});
}
