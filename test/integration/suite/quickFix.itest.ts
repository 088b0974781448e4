// Quick fixes through the real code-action machinery: what the light bulb offers for a
// reglint diagnostic, applied, removes that diagnostic and adds none.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  applyCodeAction,
  codeActions,
  codeOf,
  describeActions,
  describeDiagnostics,
  openFixture,
  quickFixesFor,
  reglintDiagnostics,
  revertAndCloseAll,
  waitFor,
  waitForCount,
} from './helpers';

const FIXABLE = ['dense-unregularized', 'conv-unregularized', 'recurrent-unregularized'];

describe('quick fixes', () => {
  before(async () => {
    await activateExtension();
  });
  after(revertAndCloseAll);

  it('offers fixes for a dense-unregularized finding, one preferred, and applying it removes exactly that finding', async () => {
    const editor = await openFixture('dense-model.ts');
    const uri = editor.document.uri;
    const before = await waitForCount(uri, 'dense-unregularized', 2);
    const target = before[1]; // the second hidden layer (units 32)
    const fixes = await quickFixesFor(uri, target);
    assert.ok(fixes.length >= 1, `no reglint quick fix offered for ${codeOf(target)}; code actions:\n${describeActions(await codeActions(uri, target.range))}`);
    const preferred = fixes.filter(f => f.isPreferred);
    assert.equal(preferred.length, 1, `exactly one fix should be preferred:\n${describeActions(fixes)}`);

    const textBefore = editor.document.getText();
    const othersBefore = reglintDiagnostics(uri).length;
    await applyCodeAction(preferred[0]);
    assert.notEqual(editor.document.getText(), textBefore, 'the quick fix did not change the document');
    assert.match(editor.document.getText(), /dropout|Regularizer/, 'the fix should add dropout or a regularizer');

    const after = await waitForCount(uri, 'dense-unregularized', 1);
    assert.equal(after[0].range.start.line, before[0].range.start.line, 'the other finding (units 64) should remain');
    await waitFor('no new reglint diagnostics after the fix', () => reglintDiagnostics(uri).length === othersBefore - 1, { uri });
  });

  it('the preferred quick fix of each conv, dense and recurrent finding removes that finding', async () => {
    const editor = await openFixture('mixed-model.ts');
    const uri = editor.document.uri;
    await waitFor('conv, dense and recurrent findings', () => FIXABLE.every(code => reglintDiagnostics(uri, code).length === 1), { uri });
    for (const code of FIXABLE) {
      const [diagnostic] = reglintDiagnostics(uri, code);
      const fixes = await quickFixesFor(uri, diagnostic);
      assert.ok(fixes.length >= 1, `no quick fix for ${code}`);
      const fix = fixes.find(f => f.isPreferred) ?? fixes[0];
      await applyCodeAction(fix);
      await waitForCount(uri, code, 0).catch(error => {
        throw new Error(`after "${fix.title}": ${(error as Error).message}`);
      });
    }
    assert.deepEqual(reglintDiagnostics(uri).map(codeOf), [], describeDiagnostics(uri));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"disable for this line" inserts a reglint-disable-next-line comment and the finding disappears', async () => {
    const editor = await openFixture('suppress.ts');
    const uri = editor.document.uri;
    const [finding] = await waitForCount(uri, 'dense-unregularized', 1);
    const fixes = await quickFixesFor(uri, finding);
    const disable = fixes.find(f => f.edit && f.edit.entries().some(([, edits]) => edits.some(e => e.newText.includes('reglint-disable-next-line'))));
    assert.ok(disable, `no quick fix inserts "// reglint-disable-next-line"; offered:\n${describeActions(fixes)}`);
    await applyCodeAction(disable);
    assert.match(editor.document.getText(), /\/\/ reglint-disable-next-line dense-unregularized/);
    await waitForCount(uri, 'dense-unregularized', 0);
    assert.deepEqual(reglintDiagnostics(uri).map(codeOf), [], describeDiagnostics(uri));
  });
});
