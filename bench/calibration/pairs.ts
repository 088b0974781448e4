// The calibration pairs: (model, data set) combinations for `npm run bench:verdicts`,
// reusable by other checks' measurements (issue 14 plugs its per-check rates in here).
// Each pair says how to make its data (a real vega-datasets table or a generated one,
// optionally a smaller sample, optionally left at its raw scale), and the model as a
// ModelSpec a user's file would give (plain tfjs MLPs from tiny to wide and deep). The
// ground truth (training each to convergence, bench/calibration/groundTruth.ts) is in
// groundTruth.json beside this file.
import { labelLayers, l2, layer, type LayerSpec, type ModelSpec, type SpecValue } from '../../server/src/training/modelSpec';
import { GENERATED_TABLES, REAL_TABLES, sample, split, type Preprocess, type Split, type Table } from './datasets';

export interface MlpShape {
  /** Hidden layer widths (ReLU). */
  hidden: number[];
  /** A dropout layer of this rate after every hidden layer. */
  dropout?: number;
  /** kernelRegularizer l2 of this factor on every hidden layer. */
  l2?: number;
}

export interface Pair {
  id: string;
  /** A REAL_TABLES or GENERATED_TABLES name. */
  table: string;
  /** Use a seeded sample of this many rows (before the dev/test split). */
  rows?: number;
  preprocess?: Preprocess;
  mlp: MlpShape;
  /** Why the pair is in the set. */
  why: string;
}

/** Seed of every split and sample: the data the product sees never changes between runs. */
export const DATA_SEED = 11;

export const PAIRS: Pair[] = [
  // 100-300 rows
  { id: 'cars120-mlp64x2', table: 'cars-mpg', rows: 120, mlp: { hidden: [64, 64] }, why: 'the issue\'s 84-row file: minimum late in epochs' },
  { id: 'cars120-tiny4', table: 'cars-mpg', rows: 120, mlp: { hidden: [4] }, why: 'tiny model, tiny data' },
  { id: 'cars-wide256x2', table: 'cars-mpg', mlp: { hidden: [256, 256] }, why: 'wide MLP, noisy regression, 274 rows' },
  { id: 'cars-small16', table: 'cars-mpg', mlp: { hidden: [16] }, why: 'small MLP, noisy regression' },
  { id: 'cars-raw-mlp32', table: 'cars-mpg', preprocess: { standardizeFeatures: false, standardizeLabel: false }, mlp: { hidden: [32] }, why: 'unstandardized features and label, as given' },
  { id: 'carsorigin-mlp128x2', table: 'cars-origin', mlp: { hidden: [128, 128] }, why: 'noisy 3-class, moderate MLP' },
  { id: 'carsorigin-tiny8', table: 'cars-origin', mlp: { hidden: [8] }, why: 'noisy 3-class, tiny MLP' },
  { id: 'penguins-mlp64x2', table: 'penguins-species', mlp: { hidden: [64, 64] }, why: 'nearly separable classes' },
  { id: 'penguins-tiny4', table: 'penguins-species', mlp: { hidden: [4] }, why: 'nearly separable classes, tiny MLP' },
  { id: 'penguinmass-deep256x3', table: 'penguins-mass', mlp: { hidden: [256, 256, 256] }, why: 'deep wide MLP on 233 rows' },
  { id: 'penguinmass-small8-l2', table: 'penguins-mass', mlp: { hidden: [8], l2: 1e-3 }, why: 'small regularized MLP' },
  { id: 'moons-small16', table: 'two-moons', mlp: { hidden: [16] }, why: 'issue 14\'s healthy model' },
  { id: 'moons-wide512x2', table: 'two-moons', mlp: { hidden: [512, 512] }, why: 'wide MLP on 210 noisy points' },
  { id: 'teacher-mlp128x2', table: 'noisy-teacher', mlp: { hidden: [128, 128] }, why: 'noisy regression (SNR 1), 140 rows' },
  { id: 'teacher-mlp128x2-drop', table: 'noisy-teacher', mlp: { hidden: [128, 128], dropout: 0.5 }, why: 'the same with dropout 0.5' },
  { id: 'noise-mlp64x2', table: 'pure-noise', mlp: { hidden: [64, 64] }, why: 'nothing to learn, capacity to memorize' },
  { id: 'noise-tiny2', table: 'pure-noise', mlp: { hidden: [2] }, why: 'nothing to learn, no capacity' },
  // 300-1,000 rows
  { id: 'gapminder-mlp64x2', table: 'gapminder-life', mlp: { hidden: [64, 64] }, why: 'smooth real regression, 477 rows' },
  { id: 'gapminder-wide512x3', table: 'gapminder-life', mlp: { hidden: [512, 512, 512] }, why: 'wide deep MLP, 477 rows' },
  { id: 'population-mlp64x2', table: 'population', mlp: { hidden: [64, 64] }, why: 'smooth, low-noise table' },
  { id: 'movies-wide256x2', table: 'movies-imdb', mlp: { hidden: [256, 256] }, why: 'noisy regression, 684 rows, 20 features' },
  { id: 'movies-small8', table: 'movies-imdb', mlp: { hidden: [8] }, why: 'noisy regression, small MLP' },
  // 1,000+ rows
  { id: 'seattle-wide256x2', table: 'seattle-weather', mlp: { hidden: [256, 256] }, why: 'noisy 5-class, 1,023 rows' },
  { id: 'seattle-small16', table: 'seattle-weather', mlp: { hidden: [16] }, why: 'noisy 5-class, small MLP' },
  { id: 'seattletemp-deep128x5', table: 'seattle-temp', mlp: { hidden: [128, 128, 128, 128, 128] }, why: 'deep MLP, regression, 1,023 rows' },
  { id: 'seattletemp-mlp32', table: 'seattle-temp', mlp: { hidden: [32] }, why: 'small MLP, regression, 1,023 rows' },
  { id: 'city-mlp128x3', table: 'weather-city', rows: 1500, mlp: { hidden: [128, 128, 128] }, why: 'binary, 1,050 rows' },
  { id: 'city-tiny8', table: 'weather-city', rows: 1500, mlp: { hidden: [8] }, why: 'binary, tiny MLP' },
  { id: 'flights-mlp64x2', table: 'flights-delay', rows: 1500, mlp: { hidden: [64, 64] }, why: 'delays barely predictable' },
  { id: 'flights-tiny8', table: 'flights-delay', rows: 1500, mlp: { hidden: [8] }, why: 'delays barely predictable, tiny MLP' },
  { id: 'wind-mlp64x2', table: 'wind-speed', rows: 1500, mlp: { hidden: [64, 64] }, why: 'smooth field, 1,050 rows' },
  { id: 'clean-mlp32x2', table: 'clean-teacher', mlp: { hidden: [32, 32] }, why: 'little noise, 1,400 rows' },
];

/** The pair's table, split once (DATA_SEED) into the product's file (dev) and the held-out test split. */
export function pairData(pair: Pair): Split {
  const make = REAL_TABLES[pair.table] ?? (GENERATED_TABLES[pair.table] && (() => GENERATED_TABLES[pair.table](DATA_SEED)));
  if (!make) throw new Error(`unknown table ${pair.table}`);
  let table: Table = make();
  if (pair.rows) table = sample(table, pair.rows, DATA_SEED);
  return split(table, DATA_SEED, pair.preprocess);
}

/** The pair's model as the analysis would hand it to the trainer (compiled with Adam 1e-3). */
export function pairSpec(pair: Pair, data: Table): ModelSpec {
  const layers: LayerSpec[] = [];
  pair.mlp.hidden.forEach((units, i) => {
    const config: LayerSpec['config'] = { units, activation: 'relu' };
    if (i === 0) config.inputShape = [data.features.length];
    if (pair.mlp.l2) config.kernelRegularizer = l2(pair.mlp.l2);
    layers.push(layer('dense', config));
    if (pair.mlp.dropout) layers.push(layer('dropout', { rate: pair.mlp.dropout }));
  });
  const k = data.classes?.length ?? 1;
  const out: Record<string, SpecValue> = data.task === 'regression' ? { units: 1 } : data.task === 'binary' ? { units: 1, activation: 'sigmoid' } : { units: k, activation: 'softmax' };
  layers.push(layer('dense', out));
  const loss = data.task === 'regression' ? 'meanSquaredError' : data.task === 'binary' ? 'binaryCrossentropy' : 'categoricalCrossentropy';
  return {
    name: pair.id.replace(/[^A-Za-z0-9]/g, '_'), style: 'sequential-add', inputShape: [data.features.length], inputDtype: 'float32',
    layers: labelLayers(layers), compile: { optimizer: 'adam', learningRate: 0.001, loss },
  };
}
