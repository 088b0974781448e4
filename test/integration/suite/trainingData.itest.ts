// Choosing training data in a real VS Code: the "Choose data…" CodeLens beside
// "Sanity-train", `reglint.chooseTrainingData` (driven through its arguments; the quick
// picks themselves are driven by the UI test, test/e2e/), the choice remembered per model in
// the workspace state (it survives a server restart), sanity-train training on it, and
// "Save to .reglintrc.json" writing the project's config.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri, log, openFixture, revertAndCloseAll, sleep } from './helpers';

const CHOOSE = 'reglint.chooseTrainingData';
const MODEL = 'training-data/cars-model.ts';

interface ChooseResult {
  model: string;
  data: { from: string; file?: string; label?: string; features?: string[]; configFile?: string };
  savedTo?: string;
}

async function dataLens(uri: vscode.Uri): Promise<vscode.CodeLens | undefined> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.find(l => l.command?.command === CHOOSE);
}

/** Waits until the model's data lens has `title` (lenses are recomputed after a refresh). */
async function waitForLens(uri: vscode.Uri, title: string): Promise<vscode.CodeLens> {
  let last: string | undefined;
  for (const started = Date.now(); Date.now() - started < 20_000; await sleep(250)) {
    const lens = await dataLens(uri).catch(() => undefined);
    last = lens?.command?.title;
    if (lens && last === title) return lens;
  }
  throw new Error(`the data CodeLens of ${MODEL} reads ${JSON.stringify(last)}, not ${JSON.stringify(title)}`);
}

describe('training data', () => {
  const config = () => fixtureUri('training-data/.reglintrc.json').fsPath;
  const csv = () => fixtureUri('training-data/cars.csv').fsPath;
  let configBefore: string;

  before(async () => {
    await activateExtension();
    configBefore = fs.readFileSync(config(), 'utf8');
  });
  after(async () => {
    fs.writeFileSync(config(), configBefore);
    await revertAndCloseAll();
  });

  it(`${CHOOSE}: the CodeLens offers it, the choice is remembered per model (also after a restart) and sanity-train uses it`, async function () {
    this.timeout(180_000);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(CHOOSE), `command ${CHOOSE} is not registered by the extension`);
    const editor = await openFixture(MODEL);
    const uri = editor.document.uri;
    const lens = await waitForLens(uri, 'Choose data…');
    assert.equal(lens.range.start.line, 6, 'on the model, beside Sanity-train');

    const lensArgs = lens.command!.arguments![0] as { uri: string; modelIndex: number };
    const chosen = await vscode.commands.executeCommand<ChooseResult>(CHOOSE, { ...lensArgs, file: csv(), label: 'mpg', features: ['hp', 'weight', 'year'], save: 'workspace' });
    assert.ok(chosen, `${CHOOSE} returned nothing`);
    assert.deepEqual(chosen.data, { from: 'workspace', file: csv(), label: 'mpg', features: ['hp', 'weight', 'year'] });
    await waitForLens(uri, 'Data: cars.csv');

    // Kept in the workspace state: a restarted server gets it back.
    await vscode.commands.executeCommand('reglint.restartServer');
    await waitForLens(uri, 'Data: cars.csv');

    const started = Date.now();
    const trained = await vscode.commands.executeCommand<{ built: string; reason?: string; report: { data?: { file: string; label: string; rows: number } } }>(
      'reglint.sanityTrain', lensArgs);
    log(`    sanity-train on the chosen data: ${((Date.now() - started) / 1000).toFixed(1)} s, data ${JSON.stringify(trained?.report.data)}`);
    assert.equal(trained?.built, 'static', trained?.reason);
    assert.equal(trained.report.data?.file, csv());
    assert.equal(trained.report.data?.label, 'mpg');
    assert.equal(trained.report.data?.rows, 80);
  });

  it(`${CHOOSE} with save "reglintrc" writes the entry into .reglintrc.json, which then applies`, async function () {
    this.timeout(60_000);
    const editor = await openFixture(MODEL);
    const uri = editor.document.uri;
    const chosen = await vscode.commands.executeCommand<ChooseResult>(CHOOSE, { uri: uri.toString(), modelIndex: 0, file: csv(), label: 'mpg', features: ['hp', 'weight', 'year'], save: 'reglintrc' });
    assert.equal(chosen?.savedTo, config());
    assert.equal(chosen.data.from, 'reglintrc');
    const written = fs.readFileSync(config(), 'utf8');
    assert.match(written, /\/\/ the training-data test writes train\.data here/, 'the comment is kept');
    assert.match(written, /"files": "cars-model\.ts",\s+"model": "mpgModel",\s+"file": "cars\.csv",\s+"label": "mpg",\s+"features": \[/);
    await waitForLens(uri, 'Data: cars.csv (.reglintrc.json)');
  });
});
