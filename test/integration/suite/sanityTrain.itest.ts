// Sanity-train from the command palette: `reglint.sanityTrain` on the active editor trains
// the model briefly and reports what it saw as a reglint diagnostic on the model, with
// the numbers in the message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  STATIC_RULES,
  activateExtension,
  codeOf,
  describeDiagnostics,
  log,
  openFixture,
  reglintDiagnostics,
  revertAndCloseAll,
  sleep,
  waitFor,
  waitForCount,
} from './helpers';

const COMMAND = 'reglint.sanityTrain';

describe('sanity-train', () => {
  before(async () => {
    await activateExtension();
  });
  after(revertAndCloseAll);

  it(`${COMMAND} reports a result diagnostic with numbers on the overfitting MLP`, async function () {
    this.timeout(180_000);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(COMMAND), `command ${COMMAND} is not registered by the extension`);

    const editor = await openFixture('overfit-mlp.ts');
    const uri = editor.document.uri;
    await waitForCount(uri, 'dense-unregularized', 3);
    // Cursor inside the model's builder, as a person would have it.
    const inside = editor.document.getText().indexOf('tf.sequential()');
    editor.selection = new vscode.Selection(editor.document.positionAt(inside), editor.document.positionAt(inside));

    const started = Date.now();
    const run = Promise.resolve(vscode.commands.executeCommand(COMMAND)).catch((error: unknown) => {
      throw new Error(`${COMMAND} failed: ${(error as Error)?.stack ?? String(error)}`);
    });
    const results = await Promise.race([
      waitFor('a sanity-train result diagnostic (a reglint diagnostic whose code is not a static rule)', () => {
        const found = reglintDiagnostics(uri).filter(d => !STATIC_RULES.has(codeOf(d) ?? ''));
        return found.length > 0 ? found : undefined;
      }, { timeoutMs: 150_000, uri }),
      // A command that fails outright fails the test at once, with its error; one that
      // finishes without publishing a result fails it soon after.
      run.then(async () => {
        await new Promise(resolve => setTimeout(resolve, 20_000));
        throw new Error(`${COMMAND} finished, but no result diagnostic appeared within 20 s:\n${describeDiagnostics(uri)}`);
      }),
    ]);
    log(`    sanity-train result after ${((Date.now() - started) / 1000).toFixed(1)} s:`);
    for (const d of results) log(`      ${codeOf(d)} (${vscode.DiagnosticSeverity[d.severity]}): ${d.message}`);
    // Trained, not refused: the model's configs are all literal.
    const notTrained = results.find(d => codeOf(d) === 'sanity-train/not-trained');
    assert.equal(notTrained, undefined, `the model was not trained: ${notTrained?.message}`);
    // The wide, unregularized MLP overfits the small noisy file (train.data of the workspace's .reglintrc.json): the gap check says so, with numbers.
    const all = await waitFor('the sanity-train summary', () => {
      const found = reglintDiagnostics(uri).filter(d => !STATIC_RULES.has(codeOf(d) ?? ''));
      return found.some(d => codeOf(d) === 'sanity-train/summary') ? found : undefined;
    }, { timeoutMs: 60_000, uri });
    const gap = all.find(d => codeOf(d) === 'sanity-train/generalization-gap');
    assert.ok(gap, `no generalization-gap result:\n${describeDiagnostics(uri)}`);
    // It overfits (a Warning); on a machine too loaded for the budget the seeds may disagree,
    // and then it says so (Information, inconclusive), never "fits".
    if (gap.severity === vscode.DiagnosticSeverity.Warning) {
      assert.match(gap.message, /overfits: validation loss rose \+\d+% ± \d+% over 3 seeds/, 'the verdict should carry the rise and its spread');
    } else {
      assert.equal(gap.severity, vscode.DiagnosticSeverity.Information, `the overfitting MLP should get a warning: ${gap.message}`);
      assert.match(gap.message, /^(sanity-train generalization-gap: )?inconclusive: .*\d+\.?\d* ± \d/, `an inconclusive answer carries its numbers: ${gap.message}`);
    }
    const modelLines = new Set([4, 5, 6, 7, 8, 9, 10, 11, 12]); // buildWideMlp, 0-based lines
    assert.ok(modelLines.has(gap.range.start.line), `the result should sit on the model:\n${describeDiagnostics(uri)}`);
    await run;
  });

  it(`${COMMAND} asks for a width the code does not fix (quick input with the default), and remembers it`, async function () {
    this.timeout(240_000);
    const editor = await openFixture('param-width.ts');
    const inside = editor.document.getText().indexOf('tf.sequential()');
    editor.selection = new vscode.Selection(editor.document.positionAt(inside), editor.document.positionAt(inside));
    type Run = { built: string; reason?: string; report: { assumptions?: { layer: string; key: string; value: unknown; source: string }[] } };
    let done = false;
    const first = Promise.resolve(vscode.commands.executeCommand<Run>(COMMAND)).finally(() => (done = true));
    // Accept the quick input (its value is the default, 32) whenever one is open.
    let accepted = 0;
    while (!done) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      accepted++;
      await sleep(500);
    }
    const result = await first;
    assert.ok(result, 'the command returned no result (the quick input was cancelled?)');
    assert.equal(result.built, 'static', result.reason);
    const units = result.report.assumptions?.find(a => a.layer === 'dense_1' && a.key === 'units');
    assert.deepEqual(units && [units.value, units.source], [32, 'user'], JSON.stringify(result.report.assumptions));
    log(`    first run: trained after ${accepted} accept attempts; dense_1.units = 32 given`);

    // The second run asks nothing: the answer is remembered for this model.
    const second = await Promise.race([
      vscode.commands.executeCommand<Run>(COMMAND),
      sleep(150_000).then(() => undefined),
    ]);
    assert.ok(second, 'the second run did not finish: it is waiting for a quick input it should not show');
    const again = second.report.assumptions?.find(a => a.layer === 'dense_1' && a.key === 'units');
    assert.equal(again?.source, 'user');
    await vscode.commands.executeCommand('reglint.forgetTrainValues');
  });
});
