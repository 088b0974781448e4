// reglint's language server with a second, independent LSP client: Debian's Neovim
// (0.7+) headless, driven by lsp-client.lua. Diagnostics must arrive, and a quick fix
// must apply and clear its diagnostic, exactly as in VS Code; choosing a model's training
// data works through the server's own prompts (training-data.lua).
//
//   mocha --no-config --timeout 60000 test/neovim/neovim.nvim.mjs   (after npm run build)
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { NVIM, REPO_ROOT } from '../../scripts/editors/paths.mjs';
import { removeOnExit, startProcess, stopProcess } from '../../scripts/editors/processes.mjs';

const SERVER = join(REPO_ROOT, 'bin', 'reglint-language-server.js');
const CLIENT = join(REPO_ROOT, 'test', 'neovim', 'lsp-client.lua');
const TRAINING_DATA_CLIENT = join(REPO_ROOT, 'test', 'neovim', 'training-data.lua');
const RUN_TIMEOUT_MS = 60_000;

/** Runs Neovim on a scratch copy of `fixture` (and `alongside` files); resolves with the Lua script's result. */
async function runNeovim(fixture, code, { script = CLIENT, alongside = [] } = {}) {
  const dir = removeOnExit(mkdtempSync(join(tmpdir(), 'reglint-nvim-')));
  const file = join(dir, basename(fixture));
  copyFileSync(fixture, file);
  for (const other of alongside) copyFileSync(other, join(dir, basename(other)));
  const resultPath = join(dir, 'result.json');
  const child = startProcess('nvim', NVIM, ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], {
    cwd: dir,
    env: {
      ...process.env,
      REGLINT_SERVER: SERVER,
      REGLINT_NODE: process.execPath,
      REGLINT_FILE: file,
      REGLINT_CODE: code,
      REGLINT_RESULT: resultPath,
      XDG_STATE_HOME: join(dir, 'state'),
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_CACHE_HOME: join(dir, 'cache'),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', chunk => (output += chunk));
  child.stderr?.on('data', chunk => (output += chunk));
  const started = Date.now();
  try {
    const exitCode = await new Promise(resolve => {
      const timer = setTimeout(() => resolve('timeout'), RUN_TIMEOUT_MS);
      child.on('exit', code => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    const result = existsSync(resultPath) ? JSON.parse(readFileSync(resultPath, 'utf8')) : undefined;
    return { exitCode, result, output, ms: Date.now() - started, text: readFileSync(file, 'utf8') };
  } finally {
    // Neovim stops its LSP client on exit; a timeout (or a hang) is ended here, by PID.
    await stopProcess(/** @type {number} */ (child.pid), 2000);
    rmSync(dir, { recursive: true, force: true });
  }
}

function explain(run) {
  return `nvim exit ${run.exitCode} after ${run.ms} ms\nresult: ${JSON.stringify(run.result, null, 2)}\noutput: ${run.output}`;
}

describe('Neovim as the LSP client (bin/reglint-language-server.js --stdio)', function () {
  this.timeout(RUN_TIMEOUT_MS + 10_000);

  before(function () {
    const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
    if (version.error) throw new Error(`${NVIM} not found: run \`bash scripts/editors/setup.sh\` (apt neovim)`);
    if (!existsSync(join(REPO_ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run `npm run build`');
  });

  const cases = [
    { fixture: join(REPO_ROOT, 'test', 'integration', 'workspace', 'dense-model.ts'), code: 'dense-unregularized', count: 2, fixed: /dropout\(|kernelRegularizer/g },
    { fixture: join(REPO_ROOT, 'test', 'neovim', 'fixtures', 'text-model.js'), code: 'recurrent-unregularized', count: 1, fixed: /dropout|Regularizer/gi },
  ];

  for (const { fixture, code, count, fixed } of cases) {
    it(`${basename(fixture)}: ${code} diagnostics arrive; the quick fix applies and clears one`, async () => {
      const run = await runNeovim(fixture, code);
      assert.ok(run.result, `lsp-client.lua wrote no result\n${explain(run)}`);
      const before = run.result.diagnostics_before ?? [];
      const ours = before.filter(d => d.code === code);
      assert.equal(ours.length, count, `expected ${count} ${code} diagnostic(s)\n${explain(run)}`);
      for (const d of ours) assert.equal(d.source, 'reglint', `diagnostic without source "reglint"\n${explain(run)}`);
      assert.equal(run.result.error, undefined, `Neovim run failed: ${run.result.error}\n${explain(run)}`);
      assert.equal(run.exitCode, 0, explain(run));
      const after = run.result.text_after;
      assert.notEqual(after, run.result.text_before, `the buffer did not change\n${explain(run)}`);
      assert.ok(
        (after.match(fixed) ?? []).length > (run.result.text_before.match(fixed) ?? []).length,
        `"${run.result.applied}" should add dropout or a regularizer:\n${after}`,
      );
      assert.equal((run.result.diagnostics_after ?? []).filter(d => d.code === code).length, count - 1, explain(run));
    });
  }

  it('cars-model.ts: the "Choose data…" CodeLens asks with window/showMessageRequest; the file the code reads comes first', async () => {
    const dataDir = join(REPO_ROOT, 'test', 'integration', 'workspace', 'training-data');
    const run = await runNeovim(join(dataDir, 'cars-model.ts'), '', { script: TRAINING_DATA_CLIENT, alongside: [join(dataDir, 'cars.csv')] });
    assert.ok(run.result, `training-data.lua wrote no result\n${explain(run)}`);
    assert.equal(run.result.error, undefined, `Neovim run failed: ${run.result.error}\n${explain(run)}`);
    assert.deepEqual(run.result.lenses_before, ['Sanity-train', 'Choose data…'], explain(run));
    assert.equal(run.result.prompts.length, 3, explain(run));
    assert.equal(run.result.prompts[0].actions[0], 'cars.csv (read by the code)', explain(run));
    assert.equal(run.result.prompts[1].actions[0], 'mpg (default)', 'the label the code marks');
    assert.equal(run.result.chosen.data.label, 'mpg');
    assert.deepEqual(run.result.lenses_after, ['Sanity-train', 'Data: cars.csv'], explain(run));
    assert.equal(run.exitCode, 0, explain(run));
  });
});
