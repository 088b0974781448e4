// Generates realistic tfjs model files (~300 lines) for the benchmark: imports in one of
// the supported styles, data helpers, several model builders (sequential .add, layers
// array, functional .apply chains, a helper that adds blocks in a loop, a bidirectional
// LSTM), a training loop and evaluation code. Seeded, so every run measures the same text.

/** mulberry32: small, fast, good enough to vary generated code. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Gen {
  random: () => number;
  pick<T>(items: readonly T[]): T;
  int(min: number, max: number): number;
  chance(p: number): boolean;
}

function gen(seed: number): Gen {
  const random = seededRandom(seed);
  return {
    random,
    pick: items => items[Math.floor(random() * items.length)]!,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    chance: p => random() < p,
  };
}

type ImportStyle = 'namespace' | 'named' | 'require';

interface Names {
  /** Expression for a layer factory, e.g. `tf.layers.dense`. */
  layer(factory: string): string;
  regularizer(kind: 'l1' | 'l2' | 'l1l2'): string;
  sequential: string;
  model: string;
  input: string;
  tf: string;
}

function namesFor(style: ImportStyle): Names {
  if (style === 'named') {
    return {
      layer: f => `layers.${f}`,
      regularizer: k => `regularizers.${k}`,
      sequential: 'sequential',
      model: 'model',
      input: 'input',
      tf: 'tfcore',
    };
  }
  return {
    layer: f => `tf.layers.${f}`,
    regularizer: k => `tf.regularizers.${k}`,
    sequential: 'tf.sequential',
    model: 'tf.model',
    input: 'tf.input',
    tf: 'tf',
  };
}

function importBlock(style: ImportStyle, module: string): string {
  switch (style) {
    case 'namespace':
      return `import * as tf from '${module}';`;
    case 'named':
      return [
        `import {layers, regularizers, sequential, model, input} from '${module}';`,
        `import * as tfcore from '${module}';`,
      ].join('\n');
    case 'require':
      return `const tf = require('${module}');`;
  }
}

function regularizerArg(g: Gen, n: Names): string {
  const kind = g.pick(['l1', 'l2', 'l2', 'l1l2'] as const);
  const factor = g.pick(['1e-4', '0.001', '5e-4', 'WEIGHT_DECAY']);
  if (kind === 'l1l2') return `${n.regularizer('l1l2')}({l1: ${factor}, l2: ${factor}})`;
  return `${n.regularizer(kind)}({${kind}: ${factor}})`;
}

/** A dense/conv layer config, sometimes with a kernel regularizer. */
function denseLayer(g: Gen, n: Names, units: number, extra = ''): string {
  const reg = g.chance(0.4) ? `, kernelRegularizer: ${regularizerArg(g, n)}` : '';
  const activation = g.pick(['relu', 'relu', 'elu', 'tanh', 'selu']);
  return `${n.layer('dense')}({units: ${units}, activation: '${activation}'${reg}${extra}})`;
}

function sequentialAddBuilder(g: Gen, n: Names, name: string): string[] {
  const lines = [
    `/** ${name}: a plain multilayer perceptron, built with model.add. */`,
    `export function ${name}(inputDim: number, numClasses: number) {`,
    `  const net = ${n.sequential}();`,
  ];
  const depth = g.int(3, 6);
  for (let i = 0; i < depth; i++) {
    const units = g.pick([512, 256, 128, 64, 32]);
    lines.push(`  net.add(${denseLayer(g, n, units, i === 0 ? ', inputShape: [inputDim]' : '')});`);
    if (g.chance(0.4)) lines.push(`  net.add(${n.layer('dropout')}({rate: ${g.pick(['0.2', '0.3', '0.5', 'DROPOUT_RATE'])}}));`);
    else if (g.chance(0.2)) lines.push(`  net.add(${n.layer('batchNormalization')}());`);
  }
  lines.push(`  net.add(${n.layer('dense')}({units: numClasses, activation: 'softmax'}));`);
  lines.push(`  net.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`);
  lines.push('  return net;', '}', '');
  return lines;
}

function convBuilder(g: Gen, n: Names, name: string): string[] {
  const lines = [
    `/** ${name}: a small convnet in the style of the MNIST example. */`,
    `export function ${name}() {`,
    `  const layerList = [`,
  ];
  const blocks = g.int(2, 4);
  for (let i = 0; i < blocks; i++) {
    const filters = 16 * 2 ** i;
    const reg = g.chance(0.35) ? `, kernelRegularizer: ${regularizerArg(g, n)}` : '';
    const shape = i === 0 ? ', inputShape: [IMAGE_SIZE, IMAGE_SIZE, 1]' : '';
    lines.push(`    ${n.layer('conv2d')}({filters: ${filters}, kernelSize: 3, padding: 'same', activation: 'relu'${reg}${shape}}),`);
    if (g.chance(0.5)) lines.push(`    ${n.layer('batchNormalization')}(),`);
    lines.push(`    ${n.layer('maxPooling2d')}({poolSize: 2, strides: 2}),`);
  }
  lines.push(`    ${n.layer('flatten')}(),`);
  lines.push(`    ${denseLayer(g, n, g.pick([64, 128]))},`);
  if (g.chance(0.5)) lines.push(`    ${n.layer('dropout')}({rate: 0.5}),`);
  lines.push(`    ${n.layer('dense')}({units: 10, activation: 'softmax'}),`);
  lines.push('  ];', `  return ${n.sequential}({layers: layerList});`, '}', '');
  return lines;
}

function functionalBuilder(g: Gen, n: Names, name: string): string[] {
  const lines = [
    `/** ${name}: a functional model with a skip connection. */`,
    `export function ${name}(featureCount: number) {`,
    `  const features = ${n.input}({shape: [featureCount]});`,
    `  let x = ${denseLayer(g, n, 128)}.apply(features);`,
  ];
  const hops = g.int(2, 4);
  for (let i = 0; i < hops; i++) {
    lines.push(`  x = ${denseLayer(g, n, g.pick([128, 64]))}.apply(x);`);
    if (g.chance(0.4)) lines.push(`  x = ${n.layer('dropout')}({rate: 0.3}).apply(x);`);
  }
  lines.push(`  const skip = ${n.layer('dense')}({units: 64}).apply(features);`);
  lines.push(`  const merged = ${n.layer('concatenate')}().apply([x, skip]);`);
  lines.push(`  const out = ${n.layer('dense')}({units: 1, activation: 'sigmoid'}).apply(merged);`);
  lines.push(`  return ${n.model}({inputs: features, outputs: out});`, '}', '');
  return lines;
}

function loopBuilder(g: Gen, n: Names, name: string): string[] {
  const reg = g.chance(0.5) ? `, kernelRegularizer: ${regularizerArg(g, n)}` : '';
  return [
    `/** ${name}: stacks hidden blocks in a loop, each from a helper. */`,
    `function hiddenBlockFor${name}(units: number) {`,
    `  return ${n.layer('dense')}({units, activation: 'relu'${reg}});`,
    '}',
    '',
    `export function ${name}(widths: number[]) {`,
    `  const stacked = ${n.sequential}();`,
    `  stacked.add(${n.layer('dense')}({units: widths[0], inputShape: [INPUT_DIM]}));`,
    '  for (const width of widths.slice(1)) {',
    `    stacked.add(hiddenBlockFor${name}(width));`,
    g.chance(0.5) ? `    stacked.add(${n.layer('dropout')}({rate: 0.25}));` : '    // no dropout between blocks',
    '  }',
    `  stacked.add(${n.layer('dense')}({units: 1}));`,
    '  return stacked;',
    '}',
    '',
  ];
}

function recurrentBuilder(g: Gen, n: Names, name: string): string[] {
  const dropout = g.chance(0.5) ? ', dropout: 0.2, recurrentDropout: 0.2' : '';
  const cell = g.pick(['lstm', 'gru']);
  return [
    `/** ${name}: a sentiment classifier over word embeddings. */`,
    `export function ${name}(vocabularySize: number, maxLength: number) {`,
    `  const rnn = ${n.sequential}();`,
    `  rnn.add(${n.layer('embedding')}({inputDim: vocabularySize, outputDim: EMBEDDING_SIZE, inputLength: maxLength}));`,
    `  rnn.add(${n.layer('bidirectional')}({`,
    `    layer: ${n.layer(cell)}({units: ${g.pick([32, 64])}, returnSequences: false${dropout}}),`,
    `    mergeMode: 'concat',`,
    '  }));',
    `  rnn.add(${n.layer('dense')}({units: 1, activation: 'sigmoid'}));`,
    '  return rnn;',
    '}',
    '',
  ];
}

function dataHelpers(n: Names): string[] {
  const t = n.tf;
  return [
    '/** Normalises each feature column to zero mean and unit variance. */',
    'export function normalize(rows: number[][]): number[][] {',
    '  const columns = rows[0]?.length ?? 0;',
    '  const means = new Array(columns).fill(0);',
    '  const stds = new Array(columns).fill(0);',
    '  for (const row of rows) {',
    '    row.forEach((value, j) => (means[j] += value / rows.length));',
    '  }',
    '  for (const row of rows) {',
    '    row.forEach((value, j) => (stds[j] += (value - means[j]) ** 2 / rows.length));',
    '  }',
    '  return rows.map(row => row.map((value, j) => (value - means[j]) / Math.sqrt(stds[j] + 1e-8)));',
    '}',
    '',
    '/** Splits rows into training and validation parts, shuffled with a seed. */',
    'export function split<T>(rows: T[], fraction: number, seed = 42): {train: T[]; validation: T[]} {',
    '  const shuffled = rows.slice();',
    '  let state = seed;',
    '  for (let i = shuffled.length - 1; i > 0; i--) {',
    '    state = (state * 1103515245 + 12345) % 2147483648;',
    '    const j = state % (i + 1);',
    '    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];',
    '  }',
    '  const cut = Math.floor(shuffled.length * fraction);',
    '  return {train: shuffled.slice(0, cut), validation: shuffled.slice(cut)};',
    '}',
    '',
    '/** One-hot encodes integer labels. */',
    'export function oneHot(labels: number[], numClasses: number) {',
    `  return ${t}.tidy(() => ${t}.oneHot(${t}.tensor1d(labels, 'int32'), numClasses));`,
    '}',
    '',
    '/** Builds the feature tensor from plain rows. */',
    'export function toTensor(rows: number[][]) {',
    `  return ${t}.tensor2d(rows, [rows.length, rows[0]?.length ?? 0]);`,
    '}',
    '',
  ];
}

function trainingCode(n: Names, builder: string): string[] {
  const t = n.tf;
  return [
    'interface TrainOptions {',
    '  epochs: number;',
    '  batchSize: number;',
    '  onEpoch?: (epoch: number, loss: number, valLoss: number) => void;',
    '}',
    '',
    '/** Trains the model and reports the loss of each epoch. */',
    'export async function train(rows: number[][], labels: number[], options: TrainOptions) {',
    '  const {train: trainRows, validation} = split(rows.map((row, i) => ({row, label: labels[i]})), 0.8);',
    `  const net = ${builder}(rows[0]?.length ?? 0, NUM_CLASSES);`,
    '  const xs = toTensor(normalize(trainRows.map(r => r.row)));',
    '  const ys = oneHot(trainRows.map(r => r.label), NUM_CLASSES);',
    '  const valXs = toTensor(normalize(validation.map(r => r.row)));',
    '  const valYs = oneHot(validation.map(r => r.label), NUM_CLASSES);',
    '  const history = await net.fit(xs, ys, {',
    '    epochs: options.epochs,',
    '    batchSize: options.batchSize,',
    '    validationData: [valXs, valYs],',
    '    shuffle: true,',
    '    callbacks: {',
    '      onEpochEnd: async (epoch: number, logs?: {loss?: number; val_loss?: number}) => {',
    '        options.onEpoch?.(epoch, logs?.loss ?? NaN, logs?.val_loss ?? NaN);',
    `        await ${t}.nextFrame();`,
    '      },',
    '    },',
    '  });',
    `  ${t}.dispose([xs, ys, valXs, valYs]);`,
    '  return {net, history};',
    '}',
    '',
    '/** Accuracy of the predicted classes against the labels. */',
    'export function accuracy(predictions: number[][], labels: number[]): number {',
    '  let correct = 0;',
    '  predictions.forEach((scores, i) => {',
    '    let best = 0;',
    '    for (let j = 1; j < scores.length; j++) if (scores[j]! > scores[best]!) best = j;',
    '    if (best === labels[i]) correct++;',
    '  });',
    '  return predictions.length === 0 ? 0 : correct / predictions.length;',
    '}',
    '',
    '/** A confusion matrix, rows are true classes. */',
    'export function confusion(predicted: number[], actual: number[], numClasses: number): number[][] {',
    '  const matrix = Array.from({length: numClasses}, () => new Array<number>(numClasses).fill(0));',
    '  predicted.forEach((p, i) => {',
    '    const a = actual[i];',
    '    if (a !== undefined) matrix[a]![p]!++;',
    '  });',
    '  return matrix;',
    '}',
    '',
  ];
}

const BUILDERS = [sequentialAddBuilder, convBuilder, functionalBuilder, loopBuilder, recurrentBuilder];
const MODULES = ['@tensorflow/tfjs', '@tensorflow/tfjs', '@tensorflow/tfjs-node', '@tensorflow/tfjs-layers'];

/** A ~300-line model file; `seed` picks the import style, builders and their layers. */
export function generateModelFile(seed: number, targetLines = 300): string {
  const g = gen(seed);
  const style = g.pick(['namespace', 'namespace', 'named', 'require'] as const);
  const n = namesFor(style);
  const lines: string[] = [
    '/**',
    ` * Generated benchmark model file #${seed}.`,
    ' * Several model builders, data helpers and a training loop, as a real project has them.',
    ' */',
    importBlock(style, g.pick(MODULES)),
    '',
    'const WEIGHT_DECAY = 1e-4;',
    'const DROPOUT_RATE = 0.4;',
    'const IMAGE_SIZE = 28;',
    'const INPUT_DIM = 32;',
    'const EMBEDDING_SIZE = 64;',
    'const NUM_CLASSES = 10;',
    '',
    ...dataHelpers(n),
  ];
  let first = '';
  let index = 0;
  // Builders until the file is long enough (leaving room for the training code).
  while (lines.length < targetLines - 70) {
    const builder = BUILDERS[(seed + index) % BUILDERS.length]!;
    const name = `build${builder.name.replace('Builder', '').replace(/^./, c => c.toUpperCase())}${index}`;
    if (!first && builder === sequentialAddBuilder) first = name;
    lines.push(...builder(g, n, name));
    index++;
  }
  lines.push(...trainingCode(n, first || 'buildMlp'));
  if (!first) lines.push(...sequentialAddBuilder(g, n, 'buildMlp'));
  while (lines.length < targetLines) lines.push(`// padding line ${lines.length}`);
  return `${lines.join('\n')}\n`;
}
