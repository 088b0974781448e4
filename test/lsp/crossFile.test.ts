// Cross-file analysis in the language server, over stdio: a value imported from the
// workspace's own module reaches the importing document's diagnostics; editing the imported
// module (open in the editor) or changing it on disk (workspace/didChangeWatchedFiles)
// re-analyses the importer; `reglint.crossFile.depth: 0` analyses each file alone.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { LspSession } from './lspSession';

const CONFIG = (rate: string) => `export const DROPOUT_RATE = ${rate};\nexport const UNITS = 32;\n`;
const MODEL = `import * as tf from '@tensorflow/tfjs';
import {DROPOUT_RATE, UNITS} from './config';

export function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: UNITS, inputShape: [8], activation: 'relu'}));
  model.add(tf.layers.dropout({rate: DROPOUT_RATE}));
  model.add(tf.layers.dense({units: 1}));
  return model;
}
`;
const CHANGED = 2;

const invalidRate = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'dropout-rate-invalid');

describe('language server: imports of the workspace\'s own modules', function () {
  this.timeout(30_000);
  let root: string;
  let session: LspSession;
  let modelUri: string;
  let configPath: string;
  let configUri: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'reglint-lsp-crossfile-'));
    configPath = path.join(root, 'config.ts');
    configUri = pathToFileURL(configPath).href;
    modelUri = pathToFileURL(path.join(root, 'model.ts')).href;
    writeFileSync(path.join(root, 'model.ts'), MODEL);
  });
  afterEach(async () => {
    assert.deepEqual(session.protocolErrors, []);
    await session.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const start = (settings: Record<string, unknown> = {}) =>
    LspSession.start({ settings, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });

  it('re-analyses the importer when the imported module is edited in the editor, then closed', async () => {
    writeFileSync(configPath, CONFIG('1.5'));
    session = await start();
    await session.open(modelUri, MODEL);
    assert.ok(invalidRate(await session.waitForVersion(modelUri, 1)), 'the rate 1.5 from config.ts is out of range');

    // The user opens config.ts and fixes the rate: model.ts is analysed again with the editor's text.
    await session.open(configUri, CONFIG('1.5'));
    let from = session.diagnostics.length;
    await session.replace(configUri, 2, CONFIG('0.25'));
    const fixed = await session.waitForDiagnostics(modelUri, () => true, 10_000, from);
    assert.ok(!invalidRate(fixed), JSON.stringify(fixed.diagnostics));

    // Closed without saving: the disk's 1.5 applies again once the importer is analysed.
    from = session.diagnostics.length;
    await session.close(configUri);
    assert.ok(invalidRate(await session.waitForDiagnostics(modelUri, () => true, 10_000, from)));
  });

  it('re-analyses the importer when the imported file changes on disk', async () => {
    writeFileSync(configPath, CONFIG('0.25'));
    session = await start();
    await session.open(modelUri, MODEL);
    assert.ok(!invalidRate(await session.waitForVersion(modelUri, 1)));

    writeFileSync(configPath, CONFIG('2'));
    const from = session.diagnostics.length;
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: CHANGED }] });
    assert.ok(invalidRate(await session.waitForDiagnostics(modelUri, () => true, 10_000, from)));
  });

  it('reglint.crossFile.depth 0: the imported value is unknown, so no finding is guessed', async () => {
    writeFileSync(configPath, CONFIG('1.5'));
    session = await start({ crossFile: { depth: 0 } });
    await session.open(modelUri, MODEL);
    const published = await session.waitForVersion(modelUri, 1);
    assert.ok(!invalidRate(published), JSON.stringify(published.diagnostics));
  });
});
