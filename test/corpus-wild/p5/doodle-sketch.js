let model
let doodles = []
const LABELS = ['cat', 'rainbow', 'train']

function preload() {
  doodles = loadJSON('doodles.json')
}

function setup() {
  createCanvas(280, 280)
  background(255)
  model = buildDoodleNet()
  model.compile({optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy']})
}

function buildDoodleNet() {
  const net = tf.sequential()
  net.add(tf.layers.conv2d({inputShape: [28, 28, 1], filters: 16, kernelSize: 3, padding: 'same', activation: 'relu'}))
  net.add(tf.layers.maxPooling2d({poolSize: 2}))
  net.add(tf.layers.conv2d({filters: 32, kernelSize: 3, padding: 'same', activation: 'relu'}))
  net.add(tf.layers.maxPooling2d({poolSize: 2}))
  net.add(tf.layers.flatten())
  net.add(tf.layers.dense({units: 128, activation: 'relu'}))
  net.add(tf.layers.dropout({rate: 0.5}))
  net.add(tf.layers.dense({units: LABELS.length, activation: 'softmax'}))
  return net
}

function draw() {
  if (mouseIsPressed) {
    strokeWeight(16)
    line(pmouseX, pmouseY, mouseX, mouseY)
  }
}
