import * as tf from '@tensorflow/tfjs'

// toxic comment classifier, 6 labels (multi-label => sigmoid)
const MAX_LEN = 200
const VOCAB_SIZE = 30000
const EMB = 128

export function buildTextCnn(): tf.Sequential {
  const model = tf.sequential()
  model.add(tf.layers.embedding({ inputDim: VOCAB_SIZE, outputDim: EMB, inputLength: MAX_LEN }))
  model.add(tf.layers.spatialDropout1d({ rate: 0.2 }))
  model.add(tf.layers.conv1d({ filters: 128, kernelSize: 5, activation: 'relu', padding: 'same' }))
  model.add(tf.layers.maxPooling1d({ poolSize: 2 }))
  model.add(tf.layers.conv1d({ filters: 128, kernelSize: 5, activation: 'relu', padding: 'same' }))
  model.add(tf.layers.spatialDropout1d({ rate: 0.2 }))
  model.add(tf.layers.conv1d({ filters: 128, kernelSize: 3, activation: 'relu' }))
  model.add(tf.layers.globalMaxPooling1d())
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 0.0005 }) }))
  model.add(tf.layers.dense({ units: 6, activation: 'sigmoid' }))
  return model
}

// multi-kernel (Kim 2014) version, functional
export function buildKimCnn(): tf.LayersModel {
  const inp = tf.input({ shape: [MAX_LEN] })
  const emb = tf.layers.embedding({ inputDim: VOCAB_SIZE, outputDim: EMB }).apply(inp) as tf.SymbolicTensor
  const pooled: tf.SymbolicTensor[] = []
  for (const k of [3, 4, 5]) {
    const c = tf.layers.conv1d({ filters: 100, kernelSize: k, activation: 'relu' }).apply(emb) as tf.SymbolicTensor
    pooled.push(tf.layers.globalMaxPool1d().apply(c) as tf.SymbolicTensor)
  }
  let x = tf.layers.concatenate({ axis: -1 }).apply(pooled) as tf.SymbolicTensor
  x = tf.layers.dropout({ rate: 0.5 }).apply(x) as tf.SymbolicTensor
  const out = tf.layers.dense({ units: 6, activation: 'sigmoid' }).apply(x) as tf.SymbolicTensor
  return tf.model({ inputs: inp, outputs: out })
}

export function compile(model: tf.LayersModel) {
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy', metrics: ['binaryAccuracy'] })
}
