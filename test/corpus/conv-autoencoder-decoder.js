var tf = require('@tensorflow/tfjs-node')

// Denoising conv autoencoder for 64x64 grayscale scans.
// encoder: conv/stride-2 downsampling; decoder: conv2dTranspose upsampling.

var IMG = 64

function encoder(latentDim) {
  var m = tf.sequential({ name: 'enc' })
  m.add(tf.layers.gaussianNoise({ stddev: 0.15, inputShape: [IMG, IMG, 1] }))
  m.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }))
  m.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }))
  m.add(tf.layers.batchNormalization())
  m.add(tf.layers.flatten())
  m.add(tf.layers.dense({ units: latentDim }))
  return m
}

function decoder(latentDim) {
  var m = tf.sequential({ name: 'dec' })
  m.add(tf.layers.dense({ units: 16 * 16 * 64, activation: 'relu', inputShape: [latentDim] }))
  m.add(tf.layers.reshape({ targetShape: [16, 16, 64] }))
  m.add(tf.layers.conv2dTranspose({
    filters: 64,
    kernelSize: 3,
    strides: 2,
    padding: 'same',
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 })
  }))
  m.add(tf.layers.conv2dTranspose({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }))
  m.add(tf.layers.upSampling2d({ size: [1, 1] }))
  m.add(tf.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'same', activation: 'sigmoid' }))
  return m
}

function autoencoder(latentDim) {
  var enc = encoder(latentDim)
  var dec = decoder(latentDim)
  var input = tf.input({ shape: [IMG, IMG, 1] })
  var out = dec.apply(enc.apply(input))
  var model = tf.model({ inputs: input, outputs: out })
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' })
  return { enc: enc, dec: dec, model: model }
}

async function fitDenoiser(images, epochs) {
  var parts = autoencoder(128)
  await parts.model.fit(images, images, {
    epochs: epochs || 15,
    batchSize: 32,
    validationSplit: 0.1,
    callbacks: tf.node.tensorBoard('/tmp/denoise_logs')
  })
  return parts
}

module.exports = { encoder: encoder, decoder: decoder, autoencoder: autoencoder, fitDenoiser: fitDenoiser }
