// The trainable share (issue 12): of the models the analysis finds in real-world-shaped
// files, how many the sanity-train builds without running the file (with its assumptions
// stated), and does every other one say exactly why (a line, and the layer or expression).
// Each buildable model is really built with tfjs and prepared for training (its task and
// seeded data); a sample of them trains one epoch.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/analysis';
import { initBackend } from '../../server/src/training/backend';
import { buildModel } from '../../server/src/training/buildModel';
import { specFromGraph } from '../../server/src/training/specFromGraph';
import { prepare, runJob } from '../../server/src/training/suite';
import { loadTf } from '../../server/src/training/tf';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Where real-world-shaped models live; test/corpus-wild joins when the analysis corpus is merged. */
const DIRS = ['test/trainable', 'test/corpus', 'examples', 'test/corpus-wild'];
const TARGET_SHARE = 0.6;

interface Outcome {
  file: string;
  model: string;
  trainable: boolean;
  reason?: string;
  assumptions: number;
}

/** A reason is specific when it names a line and a layer label, a model, a key or an expression. */
export function isSpecificReason(reason: string): boolean {
  return /line \d+/.test(reason) && (/`[^`]+`/.test(reason) || /\b[A-Za-z0-9]+_\d+\b/.test(reason) || /model \S+/.test(reason));
}

describe('trainable share: models the sanity-train builds without running the file', function () {
  this.timeout(600_000);
  const tf = loadTf();
  const outcomes: Outcome[] = [];

  before(async () => {
    await initBackend(tf, { prefer: 'cpu' });
    for (const dir of DIRS) {
      const abs = path.join(ROOT, dir);
      if (!fs.existsSync(abs)) continue;
      for (const name of fs.readdirSync(abs).filter((f) => /\.(m?[jt]sx?|html)$/.test(f)).sort()) {
        const file = path.join(abs, name);
        const text = fs.readFileSync(file, 'utf8');
        const graph = analyzeText(text, file);
        for (const m of graph.models) {
          const spec = specFromGraph(graph, m.index, { text });
          const base = { file: `${dir}/${name}`, model: m.name };
          if (!spec.ok) {
            outcomes.push({ ...base, trainable: false, reason: spec.reason, assumptions: 0 });
            continue;
          }
          try {
            // Built with tfjs and prepared for training: its outputs give a task and the data is made.
            prepare(tf, spec.spec, 1);
            outcomes.push({ ...base, trainable: true, assumptions: (spec.spec.assumptions ?? []).length });
          } catch (e) {
            outcomes.push({ ...base, trainable: false, reason: (e as Error).message, assumptions: 0 });
          }
        }
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
      const run = await runJob(tf, prepare(tf, spec.spec, 1), 'fit-one-batch', { seed: 1, deadline: Date.now() + 20_000 });
      assert.ok('steps' in run && run.steps > 0 && run.error === undefined, `${o.file} ${o.model}: ${JSON.stringify(run).slice(0, 300)}`);
    }
  });
});
