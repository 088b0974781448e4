// Choosing a model's training data through the bundled language server over stdio: the
// picker's requests (reglint/trainingDataCandidates: the files the code reads first, then
// the workspace's tables; reglint/trainingDataColumns), reglint.setTrainingData (remembered
// per model in the workspace, or written to .reglintrc.json), the "Data:" CodeLens, the
// sanity-train request training on the choice, Workspace Trust for the project's config,
// choices handed back at start, and the server's own prompts for editors without a picker.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, ShowMessageRequestParams } from 'vscode-languageserver';
import { LspSession } from './lspSession';

const MODEL = `import * as tf from '@tensorflow/tfjs-node';
import * as path from 'path';

const cars = tf.data.csv('file://' + path.join(__dirname, 'data', 'cars.csv'), {columnConfigs: {mpg: {isLabel: true}}});

export const mlp = tf.sequential();
mlp.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [3]}));
mlp.add(tf.layers.dense({units: 1}));
mlp.compile({optimizer: 'adam', loss: 'meanSquaredError'});
`;

/** hp, weight, year → mpg (and a name column a model cannot take). */
function carsCsv(rows: number): string {
  const lines = ['name,hp,weight,mpg,year'];
  for (let i = 0; i < rows; i++) {
    const hp = 60 + ((i * 37) % 140), weight = 1.5 + ((i * 53) % 30) / 10, year = 70 + (i % 13);
    lines.push(`car ${i},${hp},${weight.toFixed(1)},${(50 - hp / 8 - weight * 3 + (year - 70) / 2).toFixed(2)},${year}`);
  }
  return lines.join('\n') + '\n';
}

interface Candidates {
  model: string;
  current: { from: string; file?: string; label?: string; configFile?: string; untrustedConfig?: { configFile: string; file: string } };
  candidates: { file: string; relativePath: string; source: string; how?: string; line?: number; label?: string }[];
  saveTarget?: { configFile: string; exists: boolean };
  inputWidth?: number;
}
interface SetResult { model: string; data: Candidates['current']; choices: { uri: string; model: string; file: string; label?: string }[]; savedTo?: string }
interface TrainResult { built: string; reason?: string; report: { data?: { file: string; label: string; features: string[]; rows: number }; budgetSeconds?: number; seed?: number } }

describe('training data in the language server', function () {
  this.timeout(120_000);
  let ws: string;
  let uri: string;
  let session: LspSession;
  const cars = () => path.join(ws, 'src', 'data', 'cars.csv');
  const start = (options: Parameters<typeof LspSession.start>[0] = {}) =>
    LspSession.start({ workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }], ...options });
  const lenses = async () => ((await session.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[])
    .map(l => [l.command?.title, l.command?.command]);
  const candidates = () => session.connection.sendRequest('reglint/trainingDataCandidates', { uri, modelIndex: 0 }) as Promise<Candidates>;
  const setData = (args: Record<string, unknown>) =>
    session.connection.sendRequest('workspace/executeCommand', { command: 'reglint.setTrainingData', arguments: [{ uri, ...args }] }) as Promise<SetResult>;
  const train = (trusted = false) =>
    session.connection.sendRequest('reglint/sanityTrain', { uri, modelIndex: 0, trusted, budgetSeconds: 5 }) as Promise<TrainResult>;

  beforeEach(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-data-lsp-'));
    const write = (relative: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(ws, relative)), { recursive: true });
      fs.writeFileSync(path.join(ws, relative), text);
    };
    write('src/model.ts', MODEL);
    write('src/data/cars.csv', carsCsv(80));
    write('data/other.tsv', 'a\tb\tc\ty\n1\t2\t3\t4\n');
    write('data/rows.json', JSON.stringify([{ a: 1, b: 2, c: 3, y: 0 }]));
    write('package.json', '{"name": "ws", "dependencies": {}}');
    write('tsconfig.json', '{"compilerOptions": {"strict": true}}');
    write('config/notes.json', '{"epochs": 10}');
    uri = pathToFileURL(path.join(ws, 'src', 'model.ts')).href;
  });
  afterEach(async () => {
    assert.deepEqual(session.protocolErrors, [], 'nothing but protocol messages on stdout');
    await session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('lists the file the code reads first, then the workspace tables (no package.json, tsconfig.json, config JSON)', async () => {
    session = await start();
    await session.open(uri, MODEL);
    const c = await candidates();
    assert.equal(c.model, 'mlp');
    assert.deepEqual(c.current, { from: 'none' });
    assert.deepEqual(c.candidates.map(x => [x.relativePath, x.source, x.how, x.line, x.label]), [
      ['src/data/cars.csv', 'code', 'tf.data.csv', 3, 'mpg'],
      ['data/other.tsv', 'workspace', undefined, undefined, undefined],
      ['data/rows.json', 'workspace', undefined, undefined, undefined],
    ]);
    assert.deepEqual(c.saveTarget, { configFile: path.join(ws, '.reglintrc.json'), exists: false });
    assert.equal(c.inputWidth, 3);
    assert.deepEqual(await lenses(), [['Sanity-train', 'reglint.sanityTrain'], ['Choose data…', 'reglint.chooseTrainingData']]);

    const columns = (await session.connection.sendRequest('reglint/trainingDataColumns', { file: cars() })) as { rows: number; defaultLabel: string; columns: { name: string; kind: string }[] };
    assert.equal(columns.rows, 80);
    assert.equal(columns.defaultLabel, 'year');
    assert.deepEqual(columns.columns.map(col => [col.name, col.kind]), [['name', 'text'], ['hp', 'number'], ['weight', 'number'], ['mpg', 'number'], ['year', 'number']]);
    await assert.rejects(session.connection.sendRequest('reglint/trainingDataColumns', { file: path.join(ws, 'missing.csv') }), /cannot read .*missing\.csv: ENOENT/);
  });

  it('remembers a choice per model: the CodeLens says so, sanity-train trains on it, and a wrong column is refused', async () => {
    session = await start();
    await session.open(uri, MODEL);
    await assert.rejects(setData({ modelIndex: 0, file: cars(), label: 'mpgg' }), /cars\.csv has no column "mpgg" \(columns: name, hp, weight, mpg, year\)/);
    await assert.rejects(setData({ modelIndex: 0, file: path.join(ws, 'nope.csv') }), /ENOENT/);

    const set = await setData({ modelIndex: 0, file: cars(), label: 'mpg', features: ['hp', 'weight', 'year'] });
    assert.equal(set.model, 'mlp');
    assert.deepEqual(set.data, { from: 'workspace', file: cars(), label: 'mpg', features: ['hp', 'weight', 'year'] });
    assert.deepEqual(set.choices, [{ uri, model: 'mlp', file: cars(), label: 'mpg', features: ['hp', 'weight', 'year'] }]);
    assert.deepEqual(await lenses(), [['Sanity-train', 'reglint.sanityTrain'], ['Data: cars.csv', 'reglint.chooseTrainingData']]);

    const r = await train();
    assert.equal(r.built, 'static', r.reason);
    assert.equal(r.report.data?.file, cars());
    assert.equal(r.report.data?.label, 'mpg');
    assert.deepEqual(r.report.data?.features, ['hp', 'weight', 'year']);

    // The choice follows the model through edits (file + model name), and `file: null` forgets it.
    await session.replace(uri, 2, `// moved down\n\n${MODEL}`);
    assert.deepEqual((await lenses())[1], ['Data: cars.csv', 'reglint.chooseTrainingData']);
    const forgotten = await setData({ model: 'mlp', file: null });
    assert.deepEqual(forgotten.choices, []);
    assert.deepEqual((await lenses())[1], ['Choose data…', 'reglint.chooseTrainingData']);
  });

  it(".reglintrc.json's train.budgetSeconds and train.seed reach the editor's sanity-train; the user's own settings win", async () => {
    fs.writeFileSync(path.join(ws, '.reglintrc.json'), '{"train": {"budgetSeconds": 3, "seed": 7}}');
    const trainAsConfigured = () => session.connection.sendRequest('reglint/sanityTrain', { uri, modelIndex: 0 }) as Promise<TrainResult>;
    session = await start();
    await session.open(uri, MODEL);
    const fromConfig = await trainAsConfigured();
    assert.equal(fromConfig.report.budgetSeconds, 3);
    assert.equal(fromConfig.report.seed, 7);
    await session.dispose();
    session = await start({ settings: { train: { seed: 9 } } });
    await session.open(uri, MODEL);
    const userWins = await trainAsConfigured();
    assert.equal(userWins.report.seed, 9, 'the editor setting the user set wins');
    assert.equal(userWins.report.budgetSeconds, 3, 'and the config file still sets what the user did not');
  });

  it('saves a choice to .reglintrc.json, which then applies (and to the next session too)', async () => {
    fs.writeFileSync(path.join(ws, '.reglintrc.json'), '{\n  // team settings\n  "rules": {"dense-unregularized": "error"}\n}\n');
    session = await start();
    await session.open(uri, MODEL);
    const set = await setData({ modelIndex: 0, file: cars(), label: 'mpg', features: ['hp', 'weight', 'year'], save: 'reglintrc' });
    assert.equal(set.savedTo, path.join(ws, '.reglintrc.json'));
    assert.deepEqual(set.choices, [], 'the config holds it, not the workspace');
    assert.deepEqual(set.data, { from: 'reglintrc', file: cars(), label: 'mpg', features: ['hp', 'weight', 'year'], configFile: path.join(ws, '.reglintrc.json') });
    const written = fs.readFileSync(path.join(ws, '.reglintrc.json'), 'utf8');
    assert.match(written, /\/\/ team settings/);
    assert.match(written, /"files": "src\/model\.ts",\s+"model": "mlp",\s+"file": "src\/data\/cars\.csv",\s+"label": "mpg"/);
    assert.deepEqual((await lenses())[1], ['Data: cars.csv (.reglintrc.json)', 'reglint.chooseTrainingData']);
    assert.equal((await train()).report.data?.file, cars());
    await session.dispose();

    session = await start();
    await session.open(uri, MODEL);
    assert.equal((await candidates()).current.from, 'reglintrc');
  });

  it("an untrusted workspace's .reglintrc.json data is not used until trust is granted; the user's own choice is", async () => {
    fs.writeFileSync(path.join(ws, '.reglintrc.json'), '{"train": {"data": [{"file": "src/data/cars.csv", "label": "mpg"}]}}');
    session = await start({ initializationOptions: { workspaceTrusted: false } });
    await session.open(uri, MODEL);
    const c = await candidates();
    assert.deepEqual(c.current, { from: 'none', untrustedConfig: { configFile: path.join(ws, '.reglintrc.json'), file: cars() } });
    assert.equal(c.candidates[0].file, cars(), 'still offered first: choosing it is the user\'s decision');
    assert.deepEqual((await lenses())[1], ['Choose data… (.reglintrc.json data needs a trusted workspace)', 'reglint.chooseTrainingData']);
    assert.equal((await train()).report.data, undefined);

    // Reading a data file is not running code: a file the user picks is used untrusted, also
    // when saved to .reglintrc.json (whose data is not used yet).
    await setData({ modelIndex: 0, file: path.join(ws, 'data', 'rows.json') });
    assert.deepEqual((await lenses())[1], ['Data: rows.json', 'reglint.chooseTrainingData']);
    const saved = await setData({ modelIndex: 0, file: cars(), label: 'mpg', features: ['hp', 'weight', 'year'], save: 'reglintrc' });
    assert.equal(saved.savedTo, path.join(ws, '.reglintrc.json'));
    assert.deepEqual(saved.data, { from: 'workspace', file: cars(), label: 'mpg', features: ['hp', 'weight', 'year'] });
    assert.equal((await train()).report.data?.file, cars());
    await setData({ modelIndex: 0, file: null });

    await session.connection.sendNotification('reglint/workspaceTrust', { trusted: true });
    assert.deepEqual((await lenses())[1], ['Data: cars.csv (.reglintrc.json)', 'reglint.chooseTrainingData']);
  });

  it('a .reglintrc.json edited on disk changes the CodeLens, and the client is asked to refresh', async () => {
    session = await start({ capabilities: { workspace: { codeLens: { refreshSupport: true } } } });
    let refreshes = 0;
    session.connection.onRequest('workspace/codeLens/refresh', () => {
      refreshes++;
      return null;
    });
    await session.open(uri, MODEL);
    assert.deepEqual((await lenses())[1], ['Choose data…', 'reglint.chooseTrainingData']);
    const config = path.join(ws, '.reglintrc.json');
    fs.writeFileSync(config, '{"train": {"data": [{"files": "src/**", "file": "src/data/cars.csv", "label": "mpg"}]}}');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 1 }] });
    assert.deepEqual((await lenses())[1], ['Data: cars.csv (.reglintrc.json)', 'reglint.chooseTrainingData']);
    for (const started = Date.now(); refreshes === 0 && Date.now() - started < 5_000;) await new Promise(resolve => setTimeout(resolve, 50));
    assert.ok(refreshes > 0, 'workspace/codeLens/refresh was not sent');
  });

  it('takes back the choices the client kept (initializationOptions.trainingDataChoices), skipping malformed ones', async () => {
    session = await start({
      initializationOptions: {
        trainingDataChoices: [{ uri, model: 'mlp', file: cars(), label: 'mpg' }, { uri, model: 'x', file: 'relative.csv' }, 'junk'],
      },
    });
    await session.open(uri, MODEL);
    const c = await candidates();
    assert.deepEqual(c.current, { from: 'workspace', file: cars(), label: 'mpg' });
  });

  it('asks with window/showMessageRequest when the client has no picker of its own (reglint.chooseTrainingData)', async () => {
    session = await start();
    const asked: ShowMessageRequestParams[] = [];
    session.connection.onRequest('window/showMessageRequest', (params: ShowMessageRequestParams) => {
      asked.push(params);
      const titles = (params.actions ?? []).map(a => a.title);
      const pick = asked.length === 1 ? titles.find(t => t.endsWith('(read by the code)'))
        : asked.length === 2 ? titles.find(t => t.endsWith('(default)'))
          : titles.find(t => t.startsWith('Save to'));
      return pick === undefined ? null : { title: pick };
    });
    assert.ok(session.initializeResult.capabilities.executeCommandProvider?.commands.includes('reglint.chooseTrainingData'));
    await session.open(uri, MODEL);
    const result = (await session.connection.sendRequest('workspace/executeCommand', {
      command: 'reglint.chooseTrainingData', arguments: [{ uri, modelIndex: 0 }],
    })) as SetResult;
    assert.equal(asked.length, 3);
    assert.match(asked[0].message, /^Training data for mlp: synthetic data \(none chosen\)\./);
    assert.deepEqual(asked[0].actions?.map(a => a.title), ['src/data/cars.csv (read by the code)', 'data/other.tsv', 'data/rows.json', 'Synthetic data']);
    assert.equal(asked[1].actions?.[0].title, 'mpg (default)', 'the label the code marks comes first');
    assert.deepEqual(result.data, { from: 'reglintrc', file: cars(), label: 'mpg', configFile: path.join(ws, '.reglintrc.json') });
  });

  it('leaves reglint.chooseTrainingData to a client that implements it', async () => {
    session = await start({ initializationOptions: { clientCommands: ['reglint.chooseTrainingData'] } });
    const commands = session.initializeResult.capabilities.executeCommandProvider?.commands ?? [];
    assert.ok(!commands.includes('reglint.chooseTrainingData'));
    assert.ok(commands.includes('reglint.setTrainingData'));
  });
});
