// The trainable share (issue 12): of the models the analysis finds in real-world-shaped
// files, how many the sanity-train builds without running the file (with its assumptions
// stated), and does every other one say exactly why (a line, and the layer or expression).
// Each buildable model is really built with tfjs and prepared for training (its task and
// seeded data); a sample of them trains one epoch.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/analysis';
import type { ModelGraph } from '../../server/src/analysis/modelGraph';
import { WorkspaceModules } from '../../server/src/project/workspaceModules';
import { initBackend } from '../../server/src/training/backend';
import { buildModel } from '../../server/src/training/buildModel';
import { specFromGraph } from '../../server/src/training/specFromGraph';
import { prepare, runJob } from '../../server/src/training/suite';
import { loadTf } from '../../server/src/training/tf';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Where real-world-shaped models live: ours, the analysis corpora, the examples. */
const DIRS = ['test/trainable', 'test/corpus', 'examples', 'test/corpus-wild'];
/** test/corpus-wild's ground truth (the analysis helper's): `trainable` per model, by file and line. */
const WILD = 'test/corpus-wild';
const TARGET_SHARE = 0.6;

interface Outcome {
  file: string;
  model: string;
  /** 1-based line of the call that builds the model, in `file`. */
  line: number;
  trainable: boolean;
  reason?: string;
  assumptions: number;
}

/** The model files of a directory, its subdirectories included (test/corpus-wild has projects). */
function modelFiles(abs: string, rel = ''): string[] {
  return fs.readdirSync(path.join(abs, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => {
    const name = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return modelFiles(abs, name);
    return /\.(m?[jt]sx?|html)$/.test(e.name) ? [name] : [];
  });
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Each model the analysis finds in the file: built with tfjs and prepared for training, or why not. */
function outcomesOf(tf: ReturnType<typeof loadTf>, file: string, text: string, graph: ModelGraph): Outcome[] {
  return graph.models.filter((m) => !m.origin).map((m) => {
    const base = { file, model: m.name, line: lineOf(text, m.span.start), assumptions: 0 };
    const spec = specFromGraph(graph, m.index, { text });
    if (!spec.ok) return { ...base, trainable: false, reason: spec.reason };
    try {
      // Built with tfjs and prepared for training: its outputs give a task and the data is made.
      prepare(tf, spec.spec, 1);
      return { ...base, trainable: true, assumptions: (spec.spec.assumptions ?? []).length };
    } catch (e) {
      return { ...base, trainable: false, reason: (e as Error).message };
    }
  });
}

/** A reason is specific when it names a line and a layer label, a model, a key or an expression. */
export function isSpecificReason(reason: string): boolean {
  return /line \d+/.test(reason) && (/`[^`]+`/.test(reason) || /\b[A-Za-z0-9]+_\d+\b/.test(reason) || /model \S+/.test(reason));
}

describe('trainable share: models the sanity-train builds without running the file', function () {
  this.timeout(600_000);
  const tf = loadTf();
  const outcomes: Outcome[] = [];

  /** test/corpus-wild again, analysed with the workspace's imports followed (one hop), as the analysis corpus test does. */
  const crossFile: Outcome[] = [];

  before(async () => {
    await initBackend(tf, { prefer: 'cpu' });
    for (const dir of DIRS) {
      const abs = path.join(ROOT, dir);
      if (!fs.existsSync(abs)) continue;
      const modules = dir === WILD ? new WorkspaceModules({ roots: [abs], depth: 1 }) : undefined;
      for (const name of modelFiles(abs)) {
        const file = path.join(abs, name);
        const text = fs.readFileSync(file, 'utf8');
        outcomes.push(...outcomesOf(tf, `${dir}/${name}`, text, analyzeText(text, file)));
        if (modules) crossFile.push(...outcomesOf(tf, `${dir}/${name}`, text, analyzeText(text, file, { modules })));
      }
    }
  });

  it(`builds at least ${TARGET_SHARE * 100}% of the models found, and says exactly why for every other one`, () => {
    const trainable = outcomes.filter((o) => o.trainable);
    const share = trainable.length / outcomes.length;
    const byDir = DIRS.map((d) => {
      const mine = outcomes.filter((o) => o.file.startsWith(`${d}/`));
      return mine.length ? `${d} ${mine.filter((o) => o.trainable).length}/${mine.length}` : undefined;
    }).filter(Boolean);
    console.log(`      trainable share: ${trainable.length}/${outcomes.length} = ${(share * 100).toFixed(1)}% (${byDir.join(', ')}); ` +
      `${trainable.filter((o) => o.assumptions > 0).length} of them with stated assumptions`);
    for (const o of outcomes.filter((x) => !x.trainable)) console.log(`        not trainable: ${o.file} ${o.model}: ${o.reason}`);
    assert.ok(outcomes.length >= 80, `only ${outcomes.length} models found`);
    assert.ok(share >= TARGET_SHARE, `trainable share ${(share * 100).toFixed(1)}% is below ${TARGET_SHARE * 100}%`);
    const vague = outcomes.filter((o) => !o.trainable && !isSpecificReason(o.reason ?? ''));
    assert.deepEqual(vague.map((o) => `${o.file} ${o.model}: ${o.reason}`), [], 'reasons without a line and a layer, model or expression');
  });

  it('each of the real-world-shaped files of test/trainable gets the outcome its header promises', () => {
    const expect: Record<string, boolean> = {
      'tabular-classifier.js': true, 'residual-mlp.ts': true, 'recommender.js': true, 'config-array.js': true,
      'text-cnn.ts': true, 'class-model.ts': true, 'vae-like.js': true, 'dynamic-regularizer.ts': false,
    };
    const got = Object.fromEntries(Object.keys(expect).map((f) => {
      const mine = outcomes.filter((o) => o.file === `test/trainable/${f}`);
      return [f, mine.length > 0 && mine.every((o) => o.trainable)];
    }));
    assert.deepEqual(got, expect);
  });

  it(`test/corpus-wild: at least ${TARGET_SHARE * 100}% of its models train without running the file, single-file and with imports followed; the share against its ground truth`, () => {
    const truth = JSON.parse(fs.readFileSync(path.join(ROOT, WILD, 'expected.json'), 'utf8')) as
      Record<string, { models: { name: string; line: number; trainable: boolean }[] }>;
    const truthAt = new Map(Object.entries(truth).flatMap(([file, t]) => t.models.map((m) => [`${WILD}/${file}:${m.line}`, m.trainable] as const)));
    const failures: string[] = [];
    for (const [mode, list] of [['single-file', outcomes], ['imports followed', crossFile]] as const) {
      const mine = list.filter((o) => o.file.startsWith(`${WILD}/`));
      const trainable = mine.filter((o) => o.trainable);
      const share = trainable.length / mine.length;
      const shouldTrain = [...truthAt].filter(([, t]) => t).map(([k]) => k);
      const trainsAsTruthSays = shouldTrain.filter((k) => trainable.some((o) => `${o.file}:${o.line}` === k));
      console.log(`      corpus-wild, ${mode}: trainable share ${trainable.length}/${mine.length} = ${(share * 100).toFixed(1)}% of the models found; ` +
        `${trainsAsTruthSays.length}/${shouldTrain.length} of the models ground truth calls trainable`);
      for (const o of mine.filter((x) => !x.trainable)) console.log(`        not trainable (${mode}): ${o.file}:${o.line} ${o.model}: ${o.reason}`);
      if (mine.length < 30) failures.push(`${mode}: only ${mine.length} models found in ${WILD}`);
      if (share < TARGET_SHARE) failures.push(`${mode}: trainable share ${(share * 100).toFixed(1)}% is below ${TARGET_SHARE * 100}%`);
      const vague = mine.filter((o) => !o.trainable && !isSpecificReason(o.reason ?? ''));
      failures.push(...vague.map((o) => `${mode}: a reason without a line and a layer, model or expression: ${o.file} ${o.model}: ${o.reason}`));
    }
    assert.deepEqual(failures, []);
  });

  it('a sample of the buildable models trains an epoch on their seeded data (real tfjs)', async () => {
    const sample = outcomes.filter((o) => o.trainable && o.file.startsWith('test/trainable/'));
    for (const o of sample) {
      const file = path.join(ROOT, o.file);
      const text = fs.readFileSync(file, 'utf8');
      const graph = analyzeText(text, file);
      const spec = specFromGraph(graph, graph.models.findIndex((m) => m.name === o.model), { text });
      assert.ok(spec.ok);
      const built = buildModel(tf, spec.spec);
      assert.ok(built.model.countParams() > 0);
      built.model.dispose();
      const run = await runJob(tf, prepare(tf, spec.spec, 1), { name: 'fit-one-batch', seedIndex: 0 }, { seed: 1, deadline: Date.now() + 20_000 });
      assert.ok(!('curves' in run) && run.steps > 0 && run.error === undefined, `${o.file} ${o.model}: ${JSON.stringify(run).slice(0, 300)}`);
    }
  });
});
