importScripts("tf.min.js")

const CLASSES = ["cat", "dog", "bird"]

function makeClassifier() {
  const m = self.tf.sequential()
  m.add(self.tf.layers.conv2d({inputShape: [64, 64, 3], filters: 16, kernelSize: 3, activation: "relu"}))
  m.add(self.tf.layers.batchNormalization())
  m.add(self.tf.layers.maxPooling2d({poolSize: 2}))
  m.add(self.tf.layers.conv2d({filters: 32, kernelSize: 3, activation: "relu"}))
  m.add(self.tf.layers.globalAveragePooling2d({}))
  m.add(self.tf.layers.dense({units: 64, activation: "relu"}))
  m.add(self.tf.layers.dense({units: CLASSES.length, activation: "softmax"}))
  return m
}

let classifier
addEventListener("message", async ({data}) => {
  classifier = classifier || makeClassifier()
  classifier.compile({optimizer: "adam", loss: "categoricalCrossentropy"})
  postMessage(await classifier.evaluate(self.tf.tensor(data.x), self.tf.tensor(data.y)))
})
