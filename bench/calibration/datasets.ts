// The calibration benchmark's data: real tables shipped by the npm package vega-datasets
// (cars, penguins, seattle-weather, weather, movies, gapminder, flights, windvectors,
// population) and generated sets whose answer is known by construction. Each becomes a
// numeric table (features one-hot encoded and standardized, as a user's preprocessing
// would leave them; a few keep their raw scale on purpose) split once, seeded, into the
// file the product sees (dev) and a held-out test split it never sees.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dataset } from '../../server/src/training/data';
import { Rng } from '../../server/src/training/rng';
import { parseCsv } from '../../server/src/training/userData';

export type TableTask = 'regression' | 'binary' | 'multiclass';

/** A numeric table: one row per sample, the label last. */
export interface Table {
  name: string;
  /** Where it comes from, for the report. */
  source: string;
  task: TableTask;
  features: string[];
  label: string;
  x: number[][];
  /** Regression: numbers; classification: class ids 0..k-1. */
  y: number[];
  classes?: string[];
}

export interface Split {
  dev: Table;
  test: Table;
}

/** Share of the rows held out as the test split (ground truth only). */
export const TEST_SHARE = 0.3;

// The package exports only its JS entry (build/index.js); the data files sit in data/ beside build/.
const VEGA = path.resolve(path.dirname(require.resolve('vega-datasets')), '..');
const vegaJson = (file: string): Record<string, unknown>[] => JSON.parse(fs.readFileSync(path.join(VEGA, 'data', file), 'utf8'));
function vegaCsv(file: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(fs.readFileSync(path.join(VEGA, 'data', file), 'utf8'));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
const finite = (...vs: unknown[]) => vs.every((v) => Number.isFinite(num(v)));

/** Builds a table from rows: numeric columns, one-hot categorical columns, a label. */
interface Columns<R> {
  numeric?: [string, (r: R) => number][];
  categorical?: [string, (r: R) => string][];
  label: [string, (r: R) => number | string];
}

function tableOf<R>(name: string, source: string, task: TableTask, rows: R[], cols: Columns<R>): Table {
  const cats = (cols.categorical ?? []).map(([n, f]) => ({ n, f, values: [...new Set(rows.map(f))].sort() }));
  const features = [
    ...(cols.numeric ?? []).map(([n]) => n),
    ...cats.flatMap((c) => c.values.map((v) => `${c.n}=${v}`)),
  ];
  const x = rows.map((r) => [
    ...(cols.numeric ?? []).map(([, f]) => f(r)),
    ...cats.flatMap((c) => c.values.map((v) => (c.f(r) === v ? 1 : 0))),
  ]);
  const [label, lf] = cols.label;
  const raw = rows.map(lf);
  if (task === 'regression') return { name, source, task, features, label, x, y: raw.map(Number) };
  const classes = [...new Set(raw.map(String))].sort();
  return { name, source, task, features, label, x, y: raw.map((v) => classes.indexOf(String(v))), classes };
}

const dayOfYear = (date: string) => {
  const d = new Date(date.replace(/\//g, '-').slice(0, 10) + 'T00:00:00Z');
  return (d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000;
};
type Row = Record<string, unknown>;

function cars(): Row[] {
  return vegaJson('cars.json').filter((r) => finite(r.Horsepower, r.Miles_per_Gallon));
}

const CARS_NUMERIC: [string, (r: Row) => number][] = [
  ['cylinders', (r) => num(r.Cylinders)], ['displacement', (r) => num(r.Displacement)],
  ['horsepower', (r) => num(r.Horsepower)], ['weight', (r) => num(r.Weight_in_lbs)],
  ['acceleration', (r) => num(r.Acceleration)], ['year', (r) => Number(String(r.Year).slice(0, 4))],
];

function penguins(): Row[] {
  return vegaJson('penguins.json').filter((r) => finite(r['Beak Length (mm)'], r['Body Mass (g)']) && (r.Sex === 'MALE' || r.Sex === 'FEMALE'));
}

function seattle(): Record<string, string>[] {
  return vegaCsv('seattle-weather.csv');
}

const doy = (r: Record<string, string>) => (2 * Math.PI * dayOfYear(r.date)) / 365.25;

/** The real tables, by name. Row counts are after dropping rows with missing values. */
export const REAL_TABLES: Record<string, () => Table> = {
  /** 392 cars: miles per gallon from engine, weight, year, origin (noisy regression). */
  'cars-mpg': () => tableOf('cars-mpg', 'vega-datasets cars.json', 'regression', cars(), {
    numeric: CARS_NUMERIC, categorical: [['origin', (r) => String(r.Origin)]], label: ['mpg', (r) => num(r.Miles_per_Gallon)],
  }),
  /** 392 cars: continent of origin (3 classes) from engine, weight, year, mpg. */
  'cars-origin': () => tableOf('cars-origin', 'vega-datasets cars.json', 'multiclass', cars(), {
    numeric: [...CARS_NUMERIC, ['mpg', (r) => num(r.Miles_per_Gallon)]], label: ['origin', (r) => String(r.Origin)],
  }),
  /** 333 penguins: species (3 classes) from beak, flipper, mass, sex, island: nearly separable. */
  'penguins-species': () => tableOf('penguins-species', 'vega-datasets penguins.json', 'multiclass', penguins(), {
    numeric: [
      ['beakLength', (r) => num(r['Beak Length (mm)'])], ['beakDepth', (r) => num(r['Beak Depth (mm)'])],
      ['flipper', (r) => num(r['Flipper Length (mm)'])], ['mass', (r) => num(r['Body Mass (g)'])],
    ],
    categorical: [['sex', (r) => String(r.Sex)], ['island', (r) => String(r.Island)]],
    label: ['species', (r) => String(r.Species)],
  }),
  /** 333 penguins: body mass from species, island, sex, beak and flipper (regression). */
  'penguins-mass': () => tableOf('penguins-mass', 'vega-datasets penguins.json', 'regression', penguins(), {
    numeric: [
      ['beakLength', (r) => num(r['Beak Length (mm)'])], ['beakDepth', (r) => num(r['Beak Depth (mm)'])],
      ['flipper', (r) => num(r['Flipper Length (mm)'])],
    ],
    categorical: [['sex', (r) => String(r.Sex)], ['island', (r) => String(r.Island)], ['species', (r) => String(r.Species)]],
    label: ['mass', (r) => num(r['Body Mass (g)'])],
  }),
  /** 1,461 days in Seattle: the weather (5 classes) from precipitation, temperatures, wind, season. */
  'seattle-weather': () => tableOf('seattle-weather', 'vega-datasets seattle-weather.csv', 'multiclass', seattle(), {
    numeric: [
      ['precipitation', (r) => num(r.precipitation)], ['tempMax', (r) => num(r.temp_max)], ['tempMin', (r) => num(r.temp_min)],
      ['wind', (r) => num(r.wind)], ['doySin', (r) => Math.sin(doy(r))], ['doyCos', (r) => Math.cos(doy(r))],
    ],
    label: ['weather', (r) => r.weather],
  }),
  /** 1,461 days in Seattle: the day's maximum temperature from its minimum, rain, wind, season. */
  'seattle-temp': () => tableOf('seattle-temp', 'vega-datasets seattle-weather.csv', 'regression', seattle(), {
    numeric: [
      ['precipitation', (r) => num(r.precipitation)], ['tempMin', (r) => num(r.temp_min)], ['wind', (r) => num(r.wind)],
      ['doySin', (r) => Math.sin(doy(r))], ['doyCos', (r) => Math.cos(doy(r))],
    ],
    label: ['tempMax', (r) => num(r.temp_max)],
  }),
  /** 2,922 days in Seattle and New York: which city, from the day's weather and season (binary). */
  'weather-city': () => tableOf('weather-city', 'vega-datasets weather.csv', 'binary', vegaCsv('weather.csv'), {
    numeric: [
      ['precipitation', (r) => num(r.precipitation)], ['tempMax', (r) => num(r.temp_max)], ['tempMin', (r) => num(r.temp_min)],
      ['wind', (r) => num(r.wind)], ['doySin', (r) => Math.sin(doy(r))], ['doyCos', (r) => Math.cos(doy(r))],
    ],
    label: ['location', (r) => r.location],
  }),
  /** 977 movies with every field: IMDB rating from budget, grosses, votes, running time, genre, rating (noisy). */
  'movies-imdb': () => tableOf('movies-imdb', 'vega-datasets movies.json', 'regression',
    vegaJson('movies.json').filter((r) => finite(r['Production Budget'], r['US Gross'], r['Worldwide Gross'], r['Running Time min'],
      r['Rotten Tomatoes Rating'], r['IMDB Rating'], r['IMDB Votes']) && r['Major Genre'] && r['MPAA Rating']), {
      numeric: [
        ['logBudget', (r) => Math.log1p(num(r['Production Budget']))], ['logUsGross', (r) => Math.log1p(num(r['US Gross']))],
        ['logWorldGross', (r) => Math.log1p(num(r['Worldwide Gross']))], ['runningTime', (r) => num(r['Running Time min'])],
        ['rottenTomatoes', (r) => num(r['Rotten Tomatoes Rating'])], ['logVotes', (r) => Math.log1p(num(r['IMDB Votes']))],
      ],
      categorical: [
        ['genre', (r) => (['Action', 'Comedy', 'Drama', 'Adventure', 'Horror', 'Thriller/Suspense', 'Romantic Comedy'].includes(String(r['Major Genre'])) ? String(r['Major Genre']) : 'other')],
        ['mpaa', (r) => String(r['MPAA Rating'])],
      ],
      label: ['imdb', (r) => num(r['IMDB Rating'])],
    }),
  /** 682 country-years: life expectancy from fertility, population, year, region cluster. */
  'gapminder-life': () => tableOf('gapminder-life', 'vega-datasets gapminder.json', 'regression',
    vegaJson('gapminder.json').filter((r) => finite(r.life_expect, r.fertility, r.pop)), {
      numeric: [['year', (r) => num(r.year)], ['fertility', (r) => num(r.fertility)], ['logPop', (r) => Math.log(num(r.pop))]],
      categorical: [['cluster', (r) => String(r.cluster)]],
      label: ['lifeExpect', (r) => num(r.life_expect)],
    }),
  /** 2,000 flights: arrival delay from distance, time of day, weekday, airports' longitudes... nearly unpredictable. */
  'flights-delay': () => tableOf('flights-delay', 'vega-datasets flights-2k.json', 'regression', vegaJson('flights-2k.json'), {
    numeric: [
      ['distance', (r) => num(r.distance)],
      ['hour', (r) => Number(String(r.date).slice(11, 13)) + Number(String(r.date).slice(14, 16)) / 60],
      ['weekday', (r) => new Date(String(r.date).slice(0, 10).replace(/\//g, '-') + 'T00:00:00Z').getUTCDay()],
      ['doy', (r) => dayOfYear(String(r.date))],
    ],
    label: ['delay', (r) => num(r.delay)],
  }),
  /** 4,800 grid points: wind speed from position and direction (a smooth field). */
  'wind-speed': () => tableOf('wind-speed', 'vega-datasets windvectors.csv', 'regression', vegaCsv('windvectors.csv'), {
    numeric: [
      ['longitude', (r) => num(r.longitude)], ['latitude', (r) => num(r.latitude)],
      ['dirSin', (r) => Math.sin((num(r.dir) * Math.PI) / 180)], ['dirCos', (r) => Math.cos((num(r.dir) * Math.PI) / 180)],
    ],
    label: ['speed', (r) => num(r.speed)],
  }),
  /** 570 census cells: log population by year, age group and sex (smooth, little noise). */
  'population': () => tableOf('population', 'vega-datasets population.json', 'regression', vegaJson('population.json'), {
    numeric: [['year', (r) => num(r.year)], ['age', (r) => num(r.age)]],
    categorical: [['sex', (r) => String(r.sex)]],
    label: ['logPeople', (r) => Math.log(num(r.people))],
  }),
};

/** Generated tables: the answer is known by construction. */
export const GENERATED_TABLES: Record<string, (seed: number) => Table> = {
  /** Two interleaved half-moons with Gaussian noise 0.3 (issue 14's example): 300 rows. */
  'two-moons': (seed) => {
    const rng = new Rng(seed);
    const x: number[][] = [], y: number[] = [];
    for (let i = 0; i < 300; i++) {
      const c = i % 2, t = Math.PI * rng.uniform();
      const p = c === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
      x.push([p[0] + 0.3 * rng.normal(), p[1] + 0.3 * rng.normal()]);
      y.push(c);
    }
    return { name: 'two-moons', source: 'generated (noise 0.3)', task: 'binary', features: ['x1', 'x2'], label: 'y', x, y, classes: ['0', '1'] };
  },
  /** A smooth 8-d function plus Gaussian noise with the signal's variance (SNR 1): 200 rows. */
  'noisy-teacher': (seed) => teacher(seed, 'noisy-teacher', 200, 8, 1.0),
  /** The same kind of function with little noise (SNR 25) and 2,000 rows: room to fit, little to overfit. */
  'clean-teacher': (seed) => teacher(seed, 'clean-teacher', 2000, 8, 0.2),
  /** Labels independent of the 10 features: nothing to learn. */
  'pure-noise': (seed) => {
    const rng = new Rng(seed);
    const x = Array.from({ length: 400 }, () => Array.from({ length: 10 }, () => rng.normal()));
    return {
      name: 'pure-noise', source: 'generated (labels independent of features)', task: 'binary',
      features: x[0].map((_, j) => `x${j + 1}`), label: 'y', x, y: x.map(() => (rng.uniform() < 0.5 ? 1 : 0)), classes: ['0', '1'],
    };
  },
};

/** y = sum of a few tanh ridges of the inputs (unit variance) + N(0, noise^2). */
function teacher(seed: number, name: string, n: number, d: number, noise: number): Table {
  const rng = new Rng(seed);
  const ridges = Array.from({ length: 4 }, () => Array.from({ length: d }, () => rng.normal() / Math.sqrt(d)));
  const x = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
  const f = x.map((r) => ridges.reduce((s, w, k) => s + (k % 2 ? -1 : 1) * Math.tanh(2 * w.reduce((a, wi, i) => a + wi * r[i], 0)), 0));
  const mean = f.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(f.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return {
    name, source: `generated (${d}-d tanh ridges, noise sd ${noise} x signal)`, task: 'regression',
    features: x[0].map((_, j) => `x${j + 1}`), label: 'y', x, y: f.map((v) => (v - mean) / sd + noise * rng.normal()),
  };
}

/** The first `n` rows of a seeded shuffle (a smaller sample of a table). */
export function sample(t: Table, n: number, seed: number): Table {
  const order = new Rng(seed).permutation(t.x.length).slice(0, Math.min(n, t.x.length));
  return { ...t, name: `${t.name}-${order.length}`, x: order.map((i) => t.x[i]), y: order.map((i) => t.y[i]) };
}

export interface Preprocess {
  /** Standardize feature columns with the dev split's mean and sd (one-hot columns too). Default true. */
  standardizeFeatures?: boolean;
  /** Standardize a regression label with the dev split's mean and sd. Default true. */
  standardizeLabel?: boolean;
}

/** Seeded dev/test split, then standardization fitted on dev only (no test leakage). */
export function split(t: Table, seed: number, pre: Preprocess = {}): Split {
  const n = t.x.length;
  const order = new Rng(seed).permutation(n);
  const nTest = Math.round(n * TEST_SHARE);
  const pick = (ids: number[]): Table => ({ ...t, x: ids.map((i) => [...t.x[i]]), y: ids.map((i) => t.y[i]) });
  const test = pick(order.slice(0, nTest)), dev = pick(order.slice(nTest));
  if (pre.standardizeFeatures !== false) {
    for (let j = 0; j < t.features.length; j++) {
      const { mean, sd } = moments(dev.x.map((r) => r[j]));
      for (const part of [dev, test]) for (const r of part.x) r[j] = (r[j] - mean) / sd;
    }
  }
  if (t.task === 'regression' && pre.standardizeLabel !== false) {
    const { mean, sd } = moments(dev.y);
    for (const part of [dev, test]) part.y = part.y.map((v) => (v - mean) / sd);
  }
  return { dev, test };
}

function moments(v: number[]): { mean: number; sd: number } {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return { mean, sd: sd > 1e-12 ? sd : 1 };
}

/** The table as the CSV file a user would hand to `reglint train --data` (label last, class names as written). */
export function toCsv(t: Table): string {
  const label = (v: number) => (t.classes ? t.classes[v] : String(v));
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [[...t.features, t.label].map(q).join(','), ...t.x.map((r, i) => [...r.map((v) => String(Math.fround(v))), q(label(t.y[i]))].join(','))].join('\n') + '\n';
}

/** The table as the trainer's Dataset: float features, targets encoded for the task's loss (one-hot for multiclass). */
export function toDataset(t: Table): Dataset {
  const n = t.x.length, d = t.features.length;
  const x = new Float32Array(n * d);
  t.x.forEach((r, i) => x.set(r, i * d));
  if (t.task !== 'multiclass') return { x, y: Float32Array.from(t.y), xShape: [n, d], yShape: [n, 1], n };
  const k = t.classes!.length;
  const y = new Float32Array(n * k);
  t.y.forEach((c, i) => (y[i * k + c] = 1));
  return { x, y, xShape: [n, d], yShape: [n, k], n };
}
