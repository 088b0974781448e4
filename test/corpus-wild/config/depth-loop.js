const tf = require('@tensorflow/tfjs-node')

const CONFIG = {
  numLayers: 4,
  width: 256,
  shrink: 0.5,
  dropoutEvery: 2,
}

function deepNet (inputDim) {
  const model = tf.sequential()
  let width = CONFIG.width
  for (let i = 0; i < CONFIG.numLayers; i++) {
    model.add(tf.layers.dense({
      units: Math.round(width),
      activation: 'relu',
      inputShape: i === 0 ? [inputDim] : undefined
    }))
    if ((i + 1) % CONFIG.dropoutEvery === 0) {
      model.add(tf.layers.dropout({ rate: 0.3 }))
    }
    width = width * CONFIG.shrink
  }
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }))
  return model
}

module.exports = { deepNet }
