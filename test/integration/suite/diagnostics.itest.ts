// Live diagnostics in a real VS Code: reglint's own (source "reglint", code = rule id),
// next to whatever the built-in TypeScript extension reports for the same file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  codeOf,
  describeDiagnostics,
  fixtureUri,
  openFixture,
  reglintDiagnostics,
  revertAndCloseAll,
  sleep,
  waitForCount,
} from './helpers';

describe('diagnostics', () => {
  before(async () => {
    await activateExtension();
  });
  after(revertAndCloseAll);

  it('reports each unregularized hidden dense layer, on the layer call, as a warning with a rule link', async () => {
    const editor = await openFixture('dense-model.ts');
    const uri = editor.document.uri;
    const found = await waitForCount(uri, 'dense-unregularized', 2);
    // Lines 6 and 7 hold the two hidden dense layers; line 8 is the (exempt) output layer.
    assert.deepEqual(
      found.map(d => d.range.start.line + 1),
      [6, 7],
      `diagnostics on the wrong lines:\n${describeDiagnostics(uri)}`,
    );
    for (const diagnostic of found) {
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(editor.document.getText(diagnostic.range), /dense/, 'the range should cover the layer call');
      assert.match(diagnostic.message, /dense/i);
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code.target, 'the code should link to the rule documentation (codeDescription)');
    }
    // Only these two: no other reglint finding in this file.
    assert.equal(reglintDiagnostics(uri).length, 2, describeDiagnostics(uri));
  });

  it('reports nothing for a fully regularized model', async () => {
    // Wait for another file's diagnostics first, so the server has certainly seen both.
    const editor = await openFixture('regularized.ts');
    await openFixture('dense-model.ts');
    await waitForCount(fixtureUri('dense-model.ts'), 'dense-unregularized', 2);
    await sleep(1500);
    assert.deepEqual(reglintDiagnostics(editor.document.uri).map(codeOf), [], describeDiagnostics(editor.document.uri));
  });

  it('updates as the file is edited: adding a regularizer clears the finding, removing it brings it back', async () => {
    const editor = await openFixture('live-edit.ts');
    const uri = editor.document.uri;
    const [finding] = await waitForCount(uri, 'dense-unregularized', 1);
    const line = editor.document.lineAt(finding.range.start.line).text;
    const column = line.indexOf('units: 32');
    assert.ok(column >= 0, `unexpected fixture line: ${line}`);
    const at = new vscode.Position(finding.range.start.line, column);
    const insertion = 'kernelRegularizer: tf.regularizers.l2({l2: 1e-4}), ';
    assert.ok(await editor.edit(edit => edit.insert(at, insertion)));
    await waitForCount(uri, 'dense-unregularized', 0);
    assert.ok(await editor.edit(edit => edit.delete(new vscode.Range(at, at.translate(0, insertion.length)))));
    await waitForCount(uri, 'dense-unregularized', 1);
  });
});
