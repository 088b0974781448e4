import * as tf from '@tensorflow/tfjs'

export function wideAndDeep (numWide, numDeep) {
  const wideIn = tf.input({ shape: [numWide] })
  const deepIn = tf.input({ shape: [numDeep] })

  const deep = tf.layers
    .dense({ units: 128, activation: 'relu' })
    .apply(
      tf.layers
        .dense({ units: 256, activation: 'relu' })
        .apply(deepIn)
    )
  const deepOut = tf.layers
    .dropout({ rate: 0.3 })
    .apply(deep)

  const joined = tf.layers.concatenate().apply([wideIn, deepOut])
  const out = tf.layers
    .dense({ units: 1, activation: 'sigmoid' })
    .apply(joined)
  return tf.model({ inputs: [wideIn, deepIn], outputs: out })
}
