// Sanity-train through the bundled language server over stdio: the reglint/sanityTrain
// request on an overfitting model and its data file publishes a result diagnostic (with
// the lint findings, related information at the layers the what-if changed, progress),
// the quick fixes then follow the measured ranking of remedies, the server answers other
// requests while the model trains, results go stale when the model's text changes,
// CodeLenses mark every model, an untrusted request never runs a builder-only file, and
// without data the overfitting verdict says it needs data.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProgressType } from 'vscode-jsonrpc/node';
import type { CodeLens, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { GENERATED_TABLES, toCsv } from '../../bench/calibration/datasets';
import { LspSession } from './lspSession';

/** Small enough to train in a few seconds, wide enough to overfit 200 noisy rows (noisyRows). */
const OVERFITTING_MODEL = `import * as tf from '@tensorflow/tfjs';

export const wide = tf.sequential();
wide.add(tf.layers.dense({units: 128, activation: 'relu', inputShape: [8]}));
wide.add(tf.layers.dense({units: 128, activation: 'relu'}));
wide.add(tf.layers.dense({units: 1}));
wide.compile({optimizer: 'adam', loss: 'meanSquaredError'});
`;
const WIDE_DEFINITION_LINE = 2;
const DENSE_2_LINE = 4;

const TWO_MODELS = `import * as tf from '@tensorflow/tfjs';

const a = tf.sequential();
a.add(tf.layers.dense({units: 8, activation: 'relu', inputShape: [4]}));
a.add(tf.layers.dense({units: 1}));

function build() {
  const b = tf.sequential({layers: [tf.layers.dense({units: 2, inputShape: [3]})]});
  return b;
}
`;

const sanity = (d: Diagnostic) => String(d.code).startsWith('sanity-train/');
type Result = { built: string; reason?: string; report: { checks: { id: string; verdict: string; outcome?: string }[]; data?: { rows: number } }; diagnostics: Diagnostic[] };

describe('sanity-train in the language server', function () {
  this.timeout(120_000);
  let dir: string;
  let session: LspSession;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-sanity-lsp-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    assert.deepEqual(session.protocolErrors, [], 'nothing but protocol messages on stdout');
    await session.dispose();
  });

  it('trains on request: result diagnostic merged with lint, progress, responsive meanwhile, stale after an edit', async () => {
    fs.writeFileSync(path.join(dir, 'noisy.csv'), toCsv(GENERATED_TABLES['noisy-teacher'](11)));
    session = await LspSession.start({ settings: { train: { budgetSeconds: 120, data: 'noisy.csv' } }});
    const uri = pathToFileURL(path.join(dir, 'wide.ts')).href;
    const other = pathToFileURL(path.join(dir, 'other.ts')).href;
    await session.open(uri, OVERFITTING_MODEL);
    await session.open(other, TWO_MODELS);
    const lint = await session.waitForVersion(uri, 1);
    assert.ok(lint.diagnostics.some(d => d.code === 'dense-unregularized'));
    await session.waitForVersion(other, 1);

    const progress: { kind: string; message?: string; percentage?: number }[] = [];
    let firstEpoch!: () => void;
    const sawEpoch = new Promise<void>(resolve => (firstEpoch = resolve));
    session.connection.onProgress(new ProgressType<{ kind: string; message?: string }>(), 'train-1', value => {
      progress.push(value);
      if (value.kind === 'report' && /epoch/.test(value.message ?? '')) firstEpoch();
    });
    let finished = false;
    const from = session.diagnostics.length;
    const training = session.connection.sendRequest('reglint/sanityTrain', { uri, modelIndex: 0, trusted: false, workDoneToken: 'train-1' })
      .finally(() => (finished = true)) as Promise<Result>;

    // While the model trains: an edit to another document is linted and published, and a hover is answered.
    await sawEpoch;
    assert.ok(!finished, 'still training');
    let started = Date.now();
    await session.change(other, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '// edited\n' }]);
    await session.waitForVersion(other, 2, 5_000);
    const editLatency = Date.now() - started;
    started = Date.now();
    await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: other }, position: { line: 3, character: 18 } });
    const hoverLatency = Date.now() - started;
    assert.ok(!finished, 'the measurements were taken during training');
    assert.ok(editLatency < 500, `diagnostics for an edit took ${editLatency} ms during training`);
    assert.ok(hoverLatency < 500, `hover took ${hoverLatency} ms during training`);

    const result = await training;
    assert.equal(result.built, 'static', result.reason);
    const gap = result.report.checks.find(c => c.id === 'generalization-gap');
    assert.equal(gap?.verdict, 'warn', JSON.stringify(result.report.checks));
    assert.equal(gap?.outcome, 'overfits');
    assert.deepEqual(progress[0]?.kind, 'begin');
    assert.equal(progress.at(-1)?.kind, 'end');

    // Published together with the lint findings.
    const published = await session.waitForDiagnostics(uri, p => p.diagnostics.some(sanity), 5_000, from);
    assert.ok(published.diagnostics.some(d => d.code === 'dense-unregularized'), 'lint findings kept');
    const warning = published.diagnostics.find(d => d.code === 'sanity-train/generalization-gap')!;
    assert.ok(warning, JSON.stringify(published.diagnostics.map(d => d.code)));
    assert.equal(warning.source, 'reglint');
    assert.equal(warning.severity, 2);
    assert.equal(warning.range.start.line, WIDE_DEFINITION_LINE);
    assert.match(warning.message, /^sanity-train generalization-gap: overfits: validation loss rose \+\d+% ± \d+% over 3 seeds/);
    assert.match(warning.message, /(best remedy measured|no remedy clearly lowered validation loss)/);
    assert.deepEqual(warning.relatedInformation?.map(r => r.location.range.start.line), [3, 4]);
    assert.ok(warning.relatedInformation?.every(r => /dropout\(0\.5\) after dense_\d/.test(r.message)));
    assert.ok(published.diagnostics.some(d => d.code === 'sanity-train/summary'));
    assert.ok(published.diagnostics.filter(sanity).every(d => d.severity !== 1), 'an Error only for a fail, and nothing here fails');

    // The quick fixes on an unregularized layer now follow the measured ranking, and say what was measured.
    const whatIf = result.report.checks.find(c => c.id === 'what-if') as { remedies?: { id: string; kind: string; strength?: number; rank?: number }[] };
    const best = whatIf.remedies!.find(e => e.rank === 1)!;
    const finding = published.diagnostics.find(d => d.code === 'dense-unregularized' && d.range.start.line === 3)!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] },
    })) as { title: string; isPreferred?: boolean }[];
    const preferred = actions.find(a => a.isPreferred)!;
    assert.match(preferred.title, /\(measured on your data: val loss [−+]\d+% ± \d+% over 3 seeds(, no clear change)?; best of \d\)$/);
    assert.match(preferred.title, best.kind === 'dropout' ? new RegExp(`^Insert dropout \\(rate ${best.strength}\\)`) : new RegExp(`^Add L2 kernelRegularizer \\(${best.strength}\\)`));

    // A re-lint (edit elsewhere) keeps them; a change to the model marks them stale; undoing it clears that.
    let n = session.diagnostics.length;
    await session.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n' }]);
    let p: PublishDiagnosticsParams = await session.waitForVersion(uri, 2);
    const moved = p.diagnostics.filter(sanity);
    assert.ok(moved.length >= 2, 'kept after a re-lint');
    assert.ok(moved.every(d => d.range.start.line === WIDE_DEFINITION_LINE + 1 && !d.message.startsWith('(stale)')), JSON.stringify(moved));

    const unitsAt = OVERFITTING_MODEL.split('\n')[DENSE_2_LINE]!.indexOf('128');
    const unitsRange = { start: { line: DENSE_2_LINE + 1, character: unitsAt }, end: { line: DENSE_2_LINE + 1, character: unitsAt + 3 } };
    await session.change(uri, 3, [{ range: unitsRange, text: '064' }]);
    p = await session.waitForVersion(uri, 3);
    assert.ok(p.diagnostics.filter(sanity).every(d => d.message.startsWith('(stale) ')), JSON.stringify(p.diagnostics.map(d => d.message)));
    assert.ok(p.diagnostics.filter(sanity).length >= 2);

    n = session.diagnostics.length;
    await session.change(uri, 4, [{ range: { ...unitsRange, end: { line: DENSE_2_LINE + 1, character: unitsAt + 3 } }, text: '128' }]);
    p = await session.waitForDiagnostics(uri, d => d.version === 4, 10_000, n);
    assert.ok(p.diagnostics.filter(sanity).every(d => !d.message.startsWith('(stale)')));
  });

  it('a broken model is an Error on its definition; reglint.train.samples sizes the memorization probe', async () => {
    session = await LspSession.start({ settings: { train: { budgetSeconds: 60, samples: 100 } } });
    const uri = pathToFileURL(path.join(dir, 'sigmoid10.ts')).href;
    await session.open(uri, [
      `import * as tf from '@tensorflow/tfjs';`,
      `export const multiLabel = tf.sequential();`,
      `multiLabel.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [16]}));`,
      `multiLabel.add(tf.layers.dense({units: 10, activation: 'sigmoid'}));`,
      `multiLabel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      '',
    ].join('\n'));
    await session.waitForVersion(uri, 1);
    const r = (await session.connection.sendRequest('reglint/sanityTrain', { uri, modelIndex: 0 })) as Result;
    assert.equal(r.built, 'static', r.reason);
    const error = r.diagnostics.find(d => d.code === 'sanity-train/fit-one-batch')!;
    assert.equal(error?.severity, 1, JSON.stringify(r.diagnostics));
    assert.equal(error.range.start.line, 1);
    assert.match(error.message, /sigmoid gives 10 independent probabilities: use softmax/);
    assert.deepEqual(r.diagnostics.filter(d => d.severity === 1).map(d => d.code), ['sanity-train/fit-one-batch'], 'only the fail is an Error');
    const memorization = r.report.checks.find(c => c.id === 'memorization') as { message: string } | undefined;
    assert.match(memorization?.message ?? '', /memorize 100 shuffled labels/);
  });

  it('offers a Sanity-train CodeLens above each model', async () => {
    session = await LspSession.start();
    assert.ok(session.initializeResult.capabilities.codeLensProvider);
    assert.ok(session.initializeResult.capabilities.executeCommandProvider?.commands.includes('reglint.sanityTrain'));
    const uri = 'file:///work/two-models.ts';
    await session.open(uri, TWO_MODELS);
    const lenses = (await session.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.deepEqual(lenses.map(l => [l.range.start.line, l.command?.title, l.command?.command]), [
      [2, 'Sanity-train', 'reglint.sanityTrain'],
      [2, 'Choose data…', 'reglint.chooseTrainingData'],
      [7, 'Sanity-train', 'reglint.sanityTrain'],
      [7, 'Choose data…', 'reglint.chooseTrainingData'],
    ]);
    assert.deepEqual(lenses.map(l => (l.command?.arguments?.[0] as { modelIndex: number }).modelIndex), [0, 0, 1, 1]);
  });

  it('leaves the command to a client that implements it (initializationOptions.clientCommands)', async () => {
    session = await LspSession.start({ initializationOptions: { clientCommands: ['reglint.sanityTrain'] } });
    assert.ok(!session.initializeResult.capabilities.executeCommandProvider?.commands.includes('reglint.sanityTrain'));
  });

  it('in an untrusted workspace never runs a file it cannot build statically, and says why', async () => {
    session = await LspSession.start();
    const marker = path.join(dir, 'executed.marker');
    const file = path.join(dir, 'builderOnly.ts');
    const text = [
      `import * as tf from '@tensorflow/tfjs';`,
      `import * as fs from 'fs';`,
      `fs.writeFileSync(${JSON.stringify(marker)}, 'the workspace code ran');`,
      `const reg = Math.random() > 0.5 ? tf.regularizers.l2() : undefined;`,
      `export const dynamic = tf.sequential();`,
      `dynamic.add(tf.layers.dense({units: 8, activation: 'relu', inputShape: [8], kernelRegularizer: reg}));`,
      `dynamic.add(tf.layers.dense({units: 1}));`,
      '',
    ].join('\n');
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    await session.open(uri, text);
    await session.waitForVersion(uri, 1);
    // Both ways in: the request (VS Code's client) and the command (other editors); neither says trusted.
    const viaRequest = (await session.connection.sendRequest('reglint/sanityTrain', { uri, line: 5, trusted: false })) as Result;
    const viaCommand = (await session.connection.sendRequest('workspace/executeCommand', { command: 'reglint.sanityTrain', arguments: [{ uri, modelIndex: 0 }] })) as Result;
    for (const r of [viaRequest, viaCommand]) {
      assert.equal(r.built, 'failed');
      assert.match(r.reason!, /dense_1 \(tf\.layers\.dense, line 6\): `kernelRegularizer` is `reg`/);
      assert.match(r.reason!, /not trusted, so nothing was executed/);
      assert.deepEqual(r.report.checks, []);
    }
    const published = await session.waitForDiagnostics(uri, p => p.diagnostics.some(d => d.code === 'sanity-train/not-trained'));
    assert.match(published.diagnostics.find(d => d.code === 'sanity-train/not-trained')!.message, /trusted workspace/);
    assert.ok(!fs.existsSync(marker), 'the file was executed');
  });

  it('asks for the values the code does not fix, trains with the answers, and lists every assumption', async () => {
    session = await LspSession.start({ settings: { train: { budgetSeconds: 60 } } });
    const uri = pathToFileURL(path.join(dir, 'params.ts')).href;
    await session.open(uri, [
      `import * as tf from '@tensorflow/tfjs';`,
      `export function build(numFeatures: number, hidden: number, reg: tf.Regularizer) {`,
      `  const model = tf.sequential();`,
      `  model.add(tf.layers.dense({units: hidden, activation: 'relu', inputShape: [numFeatures], kernelRegularizer: reg}));`,
      `  model.add(tf.layers.dense({units: 1}));`,
      `  return model;`,
      `}`,
      '',
    ].join('\n'));
    await session.waitForVersion(uri, 1);
    type Asked = Result & { model: string; needsValues?: { id: string; default?: string; line?: number; expression?: string }[]; report: Result['report'] & { assumptions?: { layer: string; key: string; value: unknown; source: string }[] } };
    const ask = (values: Record<string, string>) =>
      session.connection.sendRequest('reglint/sanityTrain', { uri, modelIndex: 0, ask: true, values: { model: values } }) as Promise<Asked>;

    // What cannot be built without a value comes first, with no default; nothing is trained.
    const first = await ask({});
    assert.equal(first.model, 'model', 'values are keyed by the model name the result gives');
    assert.deepEqual(first.needsValues?.map(q => [q.id, q.default, q.line, q.expression]), [['dense_1.kernelRegularizer', undefined, 4, 'reg']]);
    assert.deepEqual(first.report.checks, []);
    // Then the defaults worth asking about (a hidden width; input widths come from data or settings).
    const second = await ask({ 'dense_1.kernelRegularizer': 'none' });
    assert.deepEqual(second.needsValues?.map(q => [q.id, q.default]), [['dense_1.units', '32']]);
    // A value that does not parse is an error that says so.
    await assert.rejects(ask({ 'dense_1.kernelRegularizer': 'l3(1)' }), /dense_1\.kernelRegularizer=l3\(1\): "l3\(1\)" is not a regularizer/);

    const done = await ask({ 'dense_1.kernelRegularizer': 'none', 'dense_1.units': '12' });
    assert.equal(done.needsValues, undefined);
    assert.equal(done.built, 'static', done.reason);
    assert.deepEqual(done.report.assumptions?.map(a => [a.layer, a.key, a.value, a.source]),
      [['dense_1', 'units', 12, 'user'], ['dense_1', 'kernelRegularizer', null, 'user'], ['input_1', 'shape', [16], 'default']]);
    const assumptions = done.diagnostics.find(d => d.code === 'sanity-train/assumptions')!;
    assert.match(assumptions.message, /built with 1 assumed value the code does not fix: input_1\.shape = \[16\]/);
    assert.deepEqual(assumptions.relatedInformation?.map(r => [r.location.range.start.line, r.message]),
      [[3, 'input_1.shape = [16] (default, line 4): `[numFeatures]` is not known without running the code (a data file, reglint.train.inputShape or --input-shape gives the real one)']]);
    assert.match(done.diagnostics.find(d => d.code === 'sanity-train/summary')!.message, /1 assumed value/);

    // Without `ask` (editors that cannot prompt), the defaults are used and listed.
    const plain = (await session.connection.sendRequest('reglint/sanityTrain', { uri, modelIndex: 0, values: { model: { 'dense_1.kernelRegularizer': 'l2(1e-3)' } } })) as Asked;
    assert.equal(plain.built, 'static', plain.reason);
    assert.ok(plain.report.assumptions?.some(a => a.layer === 'dense_1' && a.key === 'units' && a.value === 32 && a.source === 'default'));
  });

  it('trains on the CSV named by reglint.train.data', async () => {
    fs.writeFileSync(path.join(dir, 'points.csv'), csv(96));
    session = await LspSession.start({ settings: { train: { data: 'points.csv', features: ['x1', 'x2', 'x3'], label: 'cls', budgetSeconds: 60 } } });
    const file = path.join(dir, 'small.ts');
    const text = [
      `import * as tf from '@tensorflow/tfjs';`,
      `const small = tf.sequential();`,
      `small.add(tf.layers.dense({units: 8, activation: 'relu', inputShape: [3], kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));`,
      `small.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));`,
      '',
    ].join('\n');
    const uri = pathToFileURL(file).href;
    await session.open(uri, text);
    const r = (await session.connection.sendRequest('reglint/sanityTrain', { uri, modelIndex: 0 })) as Result;
    assert.equal(r.built, 'static', r.reason);
    assert.equal(r.report.data?.rows, 96);
    const summary = r.diagnostics.find(d => d.code === 'sanity-train/summary')!;
    assert.match(summary.message, /data points\.csv \(72 train \/ 24 validation rows per seed\)/);
  });

  it('without a data file says that the overfitting verdict needs data, and still reports what synthetic runs can know', async () => {
    session = await LspSession.start({ settings: { train: { budgetSeconds: 60 } } });
    const uri = pathToFileURL(path.join(dir, 'nodata.ts')).href;
    await session.open(uri, OVERFITTING_MODEL);
    const r = (await session.connection.sendRequest('reglint/sanityTrain', { uri, modelIndex: 0 })) as Result;
    assert.equal(r.built, 'static', r.reason);
    const byId = Object.fromEntries(r.report.checks.map(c => [c.id, c]));
    assert.equal(byId['generalization-gap']!.verdict, 'skipped');
    assert.ok(r.diagnostics.every(d => d.code !== 'sanity-train/generalization-gap'), 'no overfitting diagnostic without data');
    const summary = r.diagnostics.find(d => d.code === 'sanity-train/summary')!;
    assert.match(summary.message, /generalization-gap skipped/);
    assert.match(summary.message, /synthetic data: choose a data file for the overfitting verdict/);
    assert.doesNotMatch(summary.message, /no overfitting/);
    assert.equal(byId['fit-one-batch']!.verdict, 'pass');
  });
});

/** Two noisy clusters, labelled by name, with an ignored id column. */
export function csv(rows: number): string {
  const lines = ['id,x1,x2,x3,cls'];
  let s = 7;
  const rnd = () => ((s = (s * 48271) % 2147483647) / 2147483647) * 2 - 1;
  for (let i = 0; i < rows; i++) {
    const c = i % 2;
    lines.push([i, c + rnd() * 0.8, -c + rnd() * 0.8, rnd(), c ? 'yes' : 'no'].map(v => (typeof v === 'number' ? +v.toFixed(4) : v)).join(','));
  }
  return lines.join('\n') + '\n';
}
