// Every import style and model style the analyzer promises to recognise, with the graph
// it must produce. A case fails if detection, data flow or output marking breaks.
export interface GraphCase {
  name: string;
  file?: string;
  code: string;
  models: string[];
  layers: string[];
}

export const importStyleCases: GraphCase[] = [
  ...['@tensorflow/tfjs', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-layers'].map((mod) => ({
    name: `import * as tf from '${mod}'`,
    code: `import * as tf from '${mod}';
const model = tf.sequential();
model.add(tf.layers.dense({units: 8, inputShape: [4]}));
model.add(tf.layers.dense({units: 1}));`,
    models: ['model:sequential-add:2'],
    layers: ['dense@3 model=model next=[dense@4] out=false', 'dense@4 model=model next=[] out=true'],
  })),
  {
    name: 'default import',
    code: `import tf from '@tensorflow/tfjs';
const m = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [2]}), tf.layers.dense({units: 1})]});`,
    models: ['m:sequential-array:2'],
    layers: ['dense@2 model=m next=[dense@2] out=false', 'dense@2 model=m next=[] out=true'],
  },
  {
    name: 'named imports with alias',
    code: `import {sequential, layers as L, regularizers} from '@tensorflow/tfjs';
const model = sequential();
model.add(L.dense({units: 8, inputShape: [4], kernelRegularizer: regularizers.l2({l2: 0.01})}));
model.add(L.dense({units: 1}));`,
    models: ['model:sequential-add:2'],
    layers: ['dense@3 model=model next=[dense@4] out=false', 'dense@4 model=model next=[] out=true'],
  },
  {
    name: 'require and destructured factories',
    file: 'model.js',
    code: `const tf = require('@tensorflow/tfjs-node');
const {dense, dropout} = tf.layers;
const model = tf.sequential();
model.add(dense({units: 8, inputShape: [4]}));
model.add(dropout({rate: 0.2}));
model.add(dense({units: 1}));`,
    models: ['model:sequential-add:3'],
    layers: [
      'dense@4 model=model next=[dropout@5] out=false',
      'dropout@5 model=model next=[dense@6] out=false',
      'dense@6 model=model next=[] out=true',
    ],
  },
  {
    name: 'destructured require of layers and sequential',
    file: 'model.cjs',
    code: `const {layers, sequential} = require('@tensorflow/tfjs');
const net = sequential();
net.add(layers.dense({units: 2, inputShape: [2]}));`,
    models: ['net:sequential-add:1'],
    layers: ['dense@3 model=net next=[] out=true'],
  },
  {
    name: 'namespace alias chain',
    code: `import * as tfjs from '@tensorflow/tfjs';
const tf = tfjs;
const L = tf.layers;
const model = tf.sequential();
model.add(L.conv2d({filters: 4, kernelSize: 3, inputShape: [8, 8, 1]}));
model.add(L.flatten());
model.add(L.dense({units: 2}));`,
    models: ['model:sequential-add:3'],
    layers: [
      'conv2d@5 model=model next=[flatten@6] out=false',
      'flatten@6 model=model next=[dense@7] out=false',
      'dense@7 model=model next=[] out=true',
    ],
  },
  {
    name: 'this.tf namespace in a class',
    file: 'agent.js',
    code: `const tf = require('@tensorflow/tfjs');
class Agent {
  constructor() {
    this.tf = tf;
    this.net = this.tf.sequential();
    this.net.add(this.tf.layers.dense({units: 16, inputShape: [4]}));
    this.net.add(this.tf.layers.dense({units: 2}));
  }
}`,
    models: ['this.net:sequential-add:2'],
    layers: ['dense@6 model=this.net next=[dense@7] out=false', 'dense@7 model=this.net next=[] out=true'],
  },
  {
    name: 'no tfjs import: nothing',
    code: `const tf = require('./my-tf-wrapper');
const model = tf.sequential();
model.add(tf.layers.dense({units: 8}));`,
    models: [],
    layers: [],
  },
  {
    name: 'the page\'s global tf (a script tag loaded tf.min.js)',
    file: 'app.js',
    code: `const model = tf.sequential();
model.add(tf.layers.dense({units: 8, inputShape: [4]}));
model.add(tf.layers.dense({units: 1}));`,
    models: ['model:sequential-add:2'],
    layers: ['dense@2 model=model next=[dense@3] out=false', 'dense@3 model=model next=[] out=true'],
  },
  {
    name: 'a web worker: importScripts and self.tf',
    file: 'worker.js',
    code: `importScripts('https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/dist/tf.min.js');
let model;
self.onmessage = (e) => {
  model = self.tf.sequential({layers: [self.tf.layers.dense({units: 4, inputShape: [2]}), self.tf.layers.dense({units: 1})]});
};`,
    models: ['model:sequential-array:2'],
    layers: ['dense@4 model=model next=[dense@4] out=false', 'dense@4 model=model next=[] out=true'],
  },
  {
    name: 'a p5.js sketch: the model built in setup()',
    file: 'sketch.js',
    code: `let model;
function setup() {
  createCanvas(400, 400);
  model = tf.sequential();
  model.add(tf.layers.dense({units: 16, inputShape: [2], activation: 'sigmoid'}));
  model.add(tf.layers.dense({units: 1}));
}
function draw() { background(0); }`,
    models: ['model:sequential-add:2'],
    layers: ['dense@5 model=model next=[dense@6] out=false', 'dense@6 model=model next=[] out=true'],
  },
  {
    name: 'window.tf destructured',
    file: 'page.js',
    code: `const {layers, sequential} = window.tf;
const net = sequential();
net.add(layers.dense({units: 3, inputShape: [3]}));`,
    models: ['net:sequential-add:1'],
    layers: ['dense@3 model=net next=[] out=true'],
  },
  {
    name: 'declare const tf (TypeScript naming the global)',
    code: `declare const tf: any;
const model = tf.sequential();
model.add(tf.layers.dense({units: 1, inputShape: [1]}));`,
    models: ['model:sequential-add:1'],
    layers: ['dense@3 model=model next=[] out=true'],
  },
  {
    name: 'tfjs passed in as a parameter',
    file: 'model.js',
    code: `export function createModel(tf, inputShape) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 32, inputShape}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}`,
    models: ['model:sequential-add:2'],
    layers: ['dense@3 model=model next=[dense@4] out=false', 'dense@4 model=model next=[] out=true'],
  },
  {
    name: 'this.tf set in the constructor from a parameter',
    file: 'agent.js',
    code: `export class Agent {
  constructor(tfjs, numActions) {
    this.tf = tfjs;
    this.numActions = numActions;
  }
  build() {
    this.net = this.tf.sequential();
    this.net.add(this.tf.layers.dense({units: 24, inputShape: [4]}));
    this.net.add(this.tf.layers.dense({units: this.numActions}));
  }
}`,
    models: ['this.net:sequential-add:2'],
    layers: ['dense@8 model=this.net next=[dense@9] out=false', 'dense@9 model=this.net next=[] out=true'],
  },
  {
    name: 'a tf of the file\'s own: nothing',
    file: 'shim.js',
    code: `const tf = createTransformFeedback();
const model = tf.sequential();
model.add(tf.layers.dense({units: 8}));`,
    models: [],
    layers: [],
  },
  {
    name: 'a parameter named tf used otherwise: nothing',
    file: 'geo.js',
    code: `export function apply(tf, point) {
  return tf.transform(point).layers;
}`,
    models: [],
    layers: [],
  },
];

export const modelStyleCases: GraphCase[] = [
  {
    name: 'functional chain with reassignment into tf.model',
    code: `import * as tf from '@tensorflow/tfjs';
const input = tf.input({shape: [16]});
let x = tf.layers.dense({units: 32, activation: 'relu'}).apply(input) as tf.SymbolicTensor;
x = tf.layers.dropout({rate: 0.5}).apply(x) as tf.SymbolicTensor;
x = tf.layers.dense({units: 16}).apply(x) as tf.SymbolicTensor;
const output = tf.layers.dense({units: 1}).apply(x) as tf.SymbolicTensor;
export const model = tf.model({inputs: input, outputs: output});`,
    models: ['model:functional:4'],
    layers: [
      'dense@3 model=model next=[dropout@4] out=false',
      'dropout@4 model=model next=[dense@5] out=false',
      'dense@5 model=model next=[dense@6] out=false',
      'dense@6 model=model next=[] out=true',
    ],
  },
  {
    name: 'functional with layers bound first and concatenate',
    code: `import * as tf from '@tensorflow/tfjs';
const a = tf.input({shape: [4]});
const b = tf.input({shape: [4]});
const da = tf.layers.dense({units: 8});
const db = tf.layers.dense({units: 8});
const merged = tf.layers.concatenate().apply([da.apply(a), db.apply(b)] as tf.SymbolicTensor[]);
const out = tf.layers.dense({units: 1}).apply(merged) as tf.SymbolicTensor;
const model = tf.model({inputs: [a, b], outputs: out});`,
    models: ['model:functional:4'],
    layers: [
      'dense@4 model=model next=[concatenate@6] out=false',
      'dense@5 model=model next=[concatenate@6] out=false',
      'concatenate@6 model=model next=[dense@7] out=false',
      'dense@7 model=model next=[] out=true',
    ],
  },
  {
    name: 'layers added in a loop over a known list: one node per iteration',
    code: `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential();
model.add(tf.layers.dense({units: 64, inputShape: [10]}));
for (const units of [32, 16]) {
  model.add(tf.layers.dense({units}));
  model.add(tf.layers.dropout({rate: 0.2}));
}
model.add(tf.layers.dense({units: 1}));`,
    models: ['model:sequential-add:6'],
    layers: [
      'dense@3 model=model next=[dense@5] out=false',
      'dense@5 model=model next=[dropout@6] out=false',
      'dense@5 model=model next=[dropout@6] out=false',
      'dropout@6 model=model next=[dense@5] out=false',
      'dropout@6 model=model next=[dense@8] out=false',
      'dense@8 model=model next=[] out=true',
    ],
  },
  {
    name: 'layers added in a loop over an unknown list: zero or more times',
    code: `import * as tf from '@tensorflow/tfjs';
export function build(sizes: number[]) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 64, inputShape: [10]}));
  for (const units of sizes) {
    model.add(tf.layers.dense({units}));
    model.add(tf.layers.dropout({rate: 0.2}));
  }
  model.add(tf.layers.dense({units: 1}));
  return model;
}`,
    models: ['model:sequential-add:4'],
    layers: [
      'dense@4 model=model next=[dense@6,dense@9] out=false',
      'dense@6 model=model next=[dropout@7] out=false',
      'dropout@7 model=model next=[dense@6,dense@9] out=false',
      'dense@9 model=model next=[] out=true',
    ],
  },
  {
    name: 'conditional add makes two paths',
    code: `import * as tf from '@tensorflow/tfjs';
export function build(useDropout: boolean) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 64, inputShape: [10]}));
  if (useDropout) model.add(tf.layers.dropout({rate: 0.5}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}`,
    models: ['model:sequential-add:3'],
    layers: [
      'dense@4 model=model next=[dropout@5,dense@6] out=false',
      'dropout@5 model=model next=[dense@6] out=false',
      'dense@6 model=model next=[] out=true',
    ],
  },
  {
    name: 'helper returning a layer',
    code: `import * as tf from '@tensorflow/tfjs';
function hidden(units: number) {
  return tf.layers.dense({units, activation: 'relu'});
}
const model = tf.sequential();
model.add(tf.layers.flatten({inputShape: [4, 4]}));
model.add(hidden(32));
model.add(tf.layers.dense({units: 1}));`,
    models: ['model:sequential-add:3'],
    layers: [
      'dense@3 model=model next=[dense@8] out=false',
      'flatten@6 model=model next=[dense@3] out=false',
      'dense@8 model=model next=[] out=true',
    ],
  },
  {
    name: 'helper applying layers, called twice: its layers twice',
    code: `import * as tf from '@tensorflow/tfjs';
function block(x: tf.SymbolicTensor, units: number): tf.SymbolicTensor {
  const h = tf.layers.dense({units}).apply(x) as tf.SymbolicTensor;
  return tf.layers.batchNormalization().apply(h) as tf.SymbolicTensor;
}
const input = tf.input({shape: [8]});
const h = block(block(input, 16), 8);
const model = tf.model({inputs: input, outputs: tf.layers.dense({units: 1}).apply(h) as tf.SymbolicTensor});`,
    models: ['model:functional:5'],
    layers: [
      'dense@3 model=model next=[batchNormalization@4] out=false',
      'dense@3 model=model next=[batchNormalization@4] out=false',
      'batchNormalization@4 model=model next=[dense@3] out=false',
      'batchNormalization@4 model=model next=[dense@8] out=false',
      'dense@8 model=model next=[] out=true',
    ],
  },
  {
    name: 'helper adding to a model parameter never called here',
    code: `import * as tf from '@tensorflow/tfjs';
export function addHead(model: tf.Sequential) {
  model.add(tf.layers.dense({units: 64}));
  model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
}`,
    models: ['model:sequential-add:2:incomplete'],
    layers: ['dense@3 model=model next=[dense@4] out=false', 'dense@4 model=model next=[] out=unknown'],
  },
  {
    name: 'bidirectional and timeDistributed wrappers',
    code: `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential({
  layers: [
    tf.layers.embedding({inputDim: 1000, outputDim: 16, inputLength: 20}),
    tf.layers.bidirectional({layer: tf.layers.lstm({units: 8, returnSequences: true}) as tf.RNN}),
    tf.layers.timeDistributed({layer: tf.layers.dense({units: 4})}),
    tf.layers.flatten(),
    tf.layers.dense({units: 1, activation: 'sigmoid'}),
  ],
});`,
    models: ['model:sequential-array:5'],
    layers: [
      'embedding@4 model=model next=[bidirectional@5] out=false',
      'bidirectional@5 model=model next=[timeDistributed@6] out=false',
      'lstm@5 model=model next=[timeDistributed@6] out=false in=bidirectional@5',
      'timeDistributed@6 model=model next=[flatten@7] out=false',
      'dense@6 model=model next=[flatten@7] out=false in=timeDistributed@6',
      'flatten@7 model=model next=[dense@8] out=false',
      'dense@8 model=model next=[] out=true',
    ],
  },
  {
    name: 'class that builds a model across methods',
    code: `import * as tf from '@tensorflow/tfjs';
export class Classifier {
  private model = tf.sequential();
  constructor(private readonly classes: number) {
    this.addBody();
  }
  private addBody() {
    this.model.add(tf.layers.dense({units: 128, inputShape: [784]}));
    this.model.add(tf.layers.dense({units: 10}));
  }
}`,
    models: ['model:sequential-add:2'],
    layers: ['dense@8 model=model next=[dense@9] out=false', 'dense@9 model=model next=[] out=true'],
  },
  {
    name: 'class extending tf.Sequential',
    code: `import * as tf from '@tensorflow/tfjs';
export class Net extends tf.Sequential {
  constructor() {
    super();
    this.add(tf.layers.dense({units: 32, inputShape: [8]}));
    this.add(tf.layers.dense({units: 1}));
  }
}`,
    models: ['Net:sequential-add:2'],
    layers: ['dense@5 model=Net next=[dense@6] out=false', 'dense@6 model=Net next=[] out=true'],
  },
  {
    name: 'layers array built by map',
    code: `import * as tf from '@tensorflow/tfjs';
const hidden = [64, 32].map((units) => tf.layers.dense({units, activation: 'relu'}));
const model = tf.sequential({layers: [tf.layers.flatten({inputShape: [2, 2]}), ...hidden, tf.layers.dense({units: 1})]});`,
    models: ['model:sequential-array:4'],
    layers: [
      'dense@2 model=model next=[dense@2] out=false',
      'dense@2 model=model next=[dense@3] out=false',
      'flatten@3 model=model next=[dense@2] out=false',
      'dense@3 model=model next=[] out=true',
    ],
  },
  {
    name: 'layers pushed into an array in a loop',
    code: `import * as tf from '@tensorflow/tfjs';
const layers: tf.layers.Layer[] = [];
for (let i = 0; i < 3; i++) {
  layers.push(tf.layers.dense({units: 16}));
}
const model = tf.sequential({layers});`,
    models: ['model:sequential-array:3'],
    layers: [
      'dense@4 model=model next=[dense@4] out=false',
      'dense@4 model=model next=[dense@4] out=false',
      'dense@4 model=model next=[] out=true',
    ],
  },
  {
    name: 'layers pushed into an array in a loop of unknown length',
    code: `import * as tf from '@tensorflow/tfjs';
export function build(n: number) {
  const layers: tf.layers.Layer[] = [];
  for (let i = 0; i < n; i++) {
    layers.push(tf.layers.dense({units: 16}));
  }
  return tf.sequential({layers});
}`,
    models: ['build:sequential-array:1'],
    layers: ['dense@5 model=build next=[dense@5] out=unknown'],
  },
  {
    name: 'layer passed to an unknown function is unknown',
    code: `import * as tf from '@tensorflow/tfjs';
import {register} from './registry';
const d = tf.layers.dense({units: 8});
register(d);`,
    models: [],
    layers: ['dense@3 model=- next=unknown out=unknown'],
  },
  {
    name: 'syntax errors: the parts that parse still count',
    code: `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential();
model.add(tf.layers.dense({units: 8, inputShape: [4]}));
model.add(tf.layers.dense({units: 1}));
const broken = ;
const stray = tf.layers.dense({units: 3}`,
    models: ['model:sequential-add:2'],
    layers: [
      'dense@3 model=model next=[dense@4] out=false',
      'dense@4 model=model next=[] out=true',
      'dense@6 model=- next=unknown out=unknown',
    ],
  },
];
