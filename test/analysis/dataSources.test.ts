// Data files the code reads (graph.dataSources, server/src/analysis/dataSources.ts): every
// way the issue names, the path forms Node and browser code use, and what is left out
// (remote URLs, paths not known statically, files that are not data).
import * as assert from 'node:assert/strict';
import { analyzeText, type DataSource } from '../../server/src/analysis';

const TF = `import * as tf from '@tensorflow/tfjs-node';\n`;

interface Case {
  name: string;
  code: string;
  /** [path, base, how, label?] in source order. */
  sources: [string, DataSource['base'], DataSource['how'], string?][];
}

const cases: Case[] = [
  {
    name: "tf.data.csv('file://…') with an absolute path, and its isLabel column",
    code: `${TF}const ds = tf.data.csv('file:///data/boston.csv', {columnConfigs: {medv: {isLabel: true}}});\n`,
    sources: [['/data/boston.csv', 'cwd', 'tf.data.csv', 'medv']],
  },
  {
    name: "tf.data.csv('file://' + path.join(__dirname, …)): relative to the file",
    code: `${TF}import * as path from 'path';\nconst ds = tf.data.csv('file://' + path.join(__dirname, 'data', 'cars.csv'));\n`,
    sources: [['data/cars.csv', 'file', 'tf.data.csv']],
  },
  {
    name: 'tf.data.csv with a template over __dirname and a const',
    code: `${TF}const NAME = 'iris.csv';\nconst ds = tf.data.csv(\`file://\${__dirname}/../data/\${NAME}\`, {columnConfigs: {'species': {isLabel: true}}});\n`,
    sources: [['../data/iris.csv', 'file', 'tf.data.csv', 'species']],
  },
  {
    name: 'tf.data.csv(url) with a relative URL: the page that fetches it',
    code: `${TF}const csvUrl = 'data/penguins.csv';\nexport const ds = tf.data.csv(csvUrl);\n`,
    sources: [['data/penguins.csv', 'page', 'tf.data.csv']],
  },
  {
    name: 'tf.data.csv with a remote URL is not local data',
    code: `${TF}const ds = tf.data.csv('https://storage.googleapis.com/tfjs-examples/boston-housing-train.csv');\n`,
    sources: [],
  },
  {
    name: "named import {data}: data.csv('file://./x.csv'), relative to the working directory",
    code: `import {data, sequential} from '@tensorflow/tfjs-node';\nconst ds = data.csv('file://./train.csv');\n`,
    sources: [['./train.csv', 'cwd', 'tf.data.csv']],
  },
  {
    name: "fs.readFileSync('….csv'), readFile and createReadStream; not a .ts file",
    code: `${TF}import * as fs from 'fs';\nconst a = fs.readFileSync('data/a.csv', 'utf8');\nfs.readFile('b.json', () => {});\nfs.createReadStream('./c.tsv');\nfs.readFileSync('src/model.ts');\n`,
    sources: [['data/a.csv', 'cwd', 'fs'], ['b.json', 'cwd', 'fs'], ['./c.tsv', 'cwd', 'fs']],
  },
  {
    name: 'readFileSync(path.resolve(...)), destructured, and path.join(process.cwd(), ...)',
    code: `${TF}const {readFileSync} = require('node:fs');\nconst path = require('path');\nreadFileSync(path.resolve('data', 'x.csv'));\nreadFileSync(path.join(process.cwd(), 'y.json'));\n`,
    sources: [['data/x.csv', 'cwd', 'fs'], ['y.json', 'cwd', 'fs']],
  },
  {
    name: "fs.readFileSync(new URL('./z.csv', import.meta.url)) (ESM): relative to the file",
    code: `${TF}import {readFileSync} from 'node:fs';\nreadFileSync(new URL('./z.csv', import.meta.url), 'utf8');\n`,
    sources: [['./z.csv', 'file', 'fs']],
  },
  {
    name: "require('./data.json') and import data from './data.json'; not './helpers'",
    code: `${TF}import data from './data.json';\nimport raw from '../shared/points.csv?raw';\nimport {build} from './helpers';\nconst more = require('./more.json');\nconst lazy = await import('./lazy.json');\n`,
    sources: [['./data.json', 'file', 'import'], ['../shared/points.csv', 'file', 'import'], ['./more.json', 'file', 'require'], ['./lazy.json', 'file', 'import']],
  },
  {
    name: "fetch('data.csv') in browser code; fetch of an API or a remote file is not data",
    code: `${TF}async function load() {\n  const r = await fetch('data/cars.json?v=2');\n  await fetch('/api/predict');\n  await fetch('https://example.com/x.csv');\n  return r.json();\n}\n`,
    sources: [['data/cars.json', 'page', 'fetch']],
  },
  {
    name: "fetch(new URL('./x.json', import.meta.url)) (bundlers): relative to the file",
    code: `${TF}const rows = await (await fetch(new URL('./rows.json', import.meta.url))).json();\n`,
    sources: [['./rows.json', 'file', 'fetch']],
  },
  {
    name: 'paths not known statically are left out (a let, a parameter, a call)',
    code: `${TF}import * as fs from 'fs';\nlet p = 'a.csv';\nfunction read(file: string) { return fs.readFileSync(file); }\nfs.readFileSync(p);\nfs.readFileSync(pick() + '.csv');\ntf.data.csv(process.argv[2]);\n`,
    sources: [],
  },
  {
    name: 'the same file read twice is listed once',
    code: `${TF}import * as fs from 'fs';\nfs.readFileSync('d.csv');\nfs.readFileSync('d.csv', 'utf8');\n`,
    sources: [['d.csv', 'cwd', 'fs']],
  },
];

describe('analysis: data files the code reads (graph.dataSources)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const graph = analyzeText(c.code, '/project/src/model.ts');
      assert.equal(graph.fatal, undefined);
      const got = graph.dataSources.map(s => (s.label === undefined ? [s.path, s.base, s.how] : [s.path, s.base, s.how, s.label]));
      assert.deepEqual(got, c.sources);
    });
  }

  it('spans point at the path argument', () => {
    const code = `${TF}const ds = tf.data.csv('file:///d/x.csv');\n`;
    const [source] = analyzeText(code, 'm.ts').dataSources;
    assert.equal(code.slice(source.span.start, source.span.end), `'file:///d/x.csv'`);
  });

  it('a file without tfjs has no data sources (nothing to train)', () => {
    const graph = analyzeText(`import * as fs from 'fs';\nfs.readFileSync('a.csv');\n`, 'm.ts');
    assert.deepEqual(graph.dataSources, []);
  });

  it('a const chain that refers to itself ends', () => {
    const code = `${TF}import * as fs from 'fs';\nconst a: string = b + '.csv';\nconst b: string = a;\nfs.readFileSync(a);\n`;
    assert.deepEqual(analyzeText(code, 'm.ts').dataSources, []);
  });
});
