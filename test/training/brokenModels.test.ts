// Seeded, real training through the runner's workers, on data files as `--data` reads
// them: every model of the broken-model zoo gets a `fail` from the check that should
// catch it, and small healthy models on noisy data (issue 14's two-moons MLP among them)
// get no `fail` from any check.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BREAKAGES } from '../../server/src/training/brokenModels';
import type { JobName } from '../../server/src/training/checks/types';
import type { ModelSpec } from '../../server/src/training/modelSpec';
import { CALIBRATION } from '../../server/src/training/referenceModels';
import { runSanityTrain } from '../../server/src/training/runner';
import { GENERATED_TABLES, REAL_TABLES, sample, split, toCsv, type Table } from '../../bench/calibration/datasets';
import { pairSpec } from '../../bench/calibration/pairs';

interface Base {
  table: Table;
  hidden: number[];
}

/** The model a user would write for the table: ReLU MLP, the output and loss of its task. */
const specOf = (id: string, b: Base): ModelSpec => pairSpec({ id, table: b.table.name, mlp: { hidden: b.hidden }, why: '' }, b.table);

describe('sanity-train checks on healthy and broken models (seeded)', function () {
  this.timeout(300_000);
  let dir: string;
  let moons: Base, penguins: Base, teacher: Base;
  const files = new Map<Table, string>();
  const fileOf = (t: Table) => {
    if (!files.has(t)) {
      const file = path.join(dir, `${t.name}.csv`);
      fs.writeFileSync(file, toCsv(t));
      files.set(t, file);
    }
    return files.get(t)!;
  };
  const train = async (spec: ModelSpec, table: Table | undefined, seed: number, jobs?: JobName[]) => {
    const r = await runSanityTrain({ spec, seed, budgetSeconds: 20, jobs, ...(table ? { data: { file: fileOf(table) } } : {}) });
    assert.notEqual(r.built, 'failed', r.reason);
    return r.checks;
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-zoo-'));
    // Issue 14's example: 200 rows of two-moons with noise 0.3 and a 16-unit MLP.
    moons = { table: sample(GENERATED_TABLES['two-moons']!(14), 200, 14), hidden: [16] };
    // Standardized as a user's preprocessing would leave them (the dev split of a seeded split).
    penguins = { table: split(REAL_TABLES['penguins-species']!(), 14).dev, hidden: [8] };
    teacher = { table: GENERATED_TABLES['noisy-teacher']!(14), hidden: [16] };
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("issue 14's two-moons MLP (noise 0.3, 200 rows, 16 units) gets no fail from any check", async () => {
    for (const seed of [1, 2]) {
      const checks = await train(specOf('moons', moons), moons.table, seed);
      const failed = checks.filter((c) => c.verdict === 'fail');
      assert.deepEqual(failed.map((c) => `${c.id}: ${c.message}`), [], `seed ${seed}`);
      const fob = checks.find((c) => c.id === 'fit-one-batch')!;
      assert.ok(['pass', 'warn'].includes(fob.verdict), fob.message);
      assert.ok((fob.metrics.lossVsChance as number) < 0.9, fob.message);
    }
  });

  it('tiny models on noisy data are at most limited, never broken', async () => {
    const tiny: [string, Base][] = [
      ['moons-tiny2', { ...moons, hidden: [2] }], ['penguins-tiny2', { ...penguins, hidden: [2] }], ['teacher-tiny2', { ...teacher, hidden: [2] }],
      ['noise-tiny2', { table: GENERATED_TABLES['pure-noise']!(14), hidden: [2] }],
    ];
    for (const [id, base] of tiny) {
      const checks = await train(specOf(id, base), base.table, 3, ['fit-one-batch', 'baseline']);
      for (const c of checks) assert.notEqual(c.verdict, 'fail', `${id} ${c.id}: ${c.message}`);
    }
  });

  const synthetic10 = CALIBRATION.hugeLrClassifier();
  synthetic10.compile = { loss: 'categoricalCrossentropy' };
  // sgd(10) on a 16-unit sigmoid classifier can still get below chance in 3 epochs (only
  // unstable): the benchmark reports that rate (BENCHMARKS.md); here it is tried where it diverges.
  const skip: Record<string, string[]> = { 'sgd-lr10': ['moons'] };

  for (const b of BREAKAGES) {
    it(`${b.id} (${b.description}) gets a fail from ${b.caughtBy}`, async () => {
      const jobs: JobName[] = b.caughtBy === 'divergence' ? ['user-optimizer', 'baseline'] : ['fit-one-batch'];
      let tried = 0;
      for (const [name, base] of [['penguins', penguins], ['moons', moons], ['teacher', teacher]] as const) {
        if (skip[b.id]?.includes(name)) continue;
        const kind = base.table.task;
        const spec = b.apply(specOf(name, base), kind, base.table.classes?.length ?? 1);
        if (!spec) continue;
        tried++;
        const c = (await train(spec, base.table, 1, jobs)).find((x) => x.id === b.caughtBy)!;
        assert.equal(c.verdict, 'fail', `${b.id}@${name}: ${c.message}`);
      }
      if (!b.needsData) {
        // On synthetic data: the 10-class classifier ("sigmoid + categorical cross-entropy over 10 classes").
        const spec = b.apply(synthetic10, 'multiclass', 10);
        if (spec) {
          tried++;
          const c = (await train(spec, undefined, 1, jobs)).find((x) => x.id === b.caughtBy)!;
          assert.equal(c.verdict, 'fail', `${b.id} on synthetic data: ${c.message}`);
        }
      }
      assert.ok(tried > 0);
    });
  }
});
