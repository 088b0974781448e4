// Not TensorFlow.js: "tf" here is a transform-feedback helper of a WebGL particle system.
const gl = document.querySelector('canvas').getContext('webgl2');
const tf = gl.createTransformFeedback();

const layers = {
  dense: (n) => ({kind: 'dense', n}),
};

function setupParticles(count) {
  gl.bindTransformFeedback(gl.TRANSFORM_FEEDBACK, tf);
  const particleLayers = [layers.dense(count), layers.dense(count / 2)];
  return particleLayers;
}

function mockModel() {
  const tf = {layers: {dense: () => null}, sequential: () => ({add() {}})};
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3}));
  return m;
}

setupParticles(1000);
mockModel();
