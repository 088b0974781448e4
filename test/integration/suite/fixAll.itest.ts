// Fix-all: the `source.fixAll.reglint` code action kind (what editor.codeActionsOnSave uses).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  activateExtension,
  applyCodeAction,
  codeActions,
  codeOf,
  describeActions,
  describeDiagnostics,
  openFixture,
  reglintDiagnostics,
  revertAndCloseAll,
  waitFor,
  waitForCount,
  workspaceFolder,
} from './helpers';

const FIX_ALL = 'source.fixAll.reglint';

describe('fix-all', () => {
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await vscode.workspace
      .getConfiguration('editor', workspaceFolder().uri)
      .update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    await revertAndCloseAll();
  });

  it(`${FIX_ALL} fixes every conv, dense and recurrent finding in one edit, and a second run changes nothing`, async () => {
    const editor = await openFixture('mixed-model.ts');
    const uri = editor.document.uri;
    const fixable = ['conv-unregularized', 'dense-unregularized', 'recurrent-unregularized'];
    await waitFor('conv, dense and recurrent findings', () => fixable.every(code => reglintDiagnostics(uri, code).length === 1), { uri });

    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = (await codeActions(uri, whole, FIX_ALL)).filter(a => a.kind?.value === FIX_ALL);
    assert.equal(actions.length, 1, `expected one ${FIX_ALL} action:\n${describeActions(await codeActions(uri, whole))}`);
    await applyCodeAction(actions[0]);

    await waitFor('no conv/dense/recurrent findings after fix-all', () => fixable.every(code => reglintDiagnostics(uri, code).length === 0), { uri });
    assert.deepEqual(reglintDiagnostics(uri).map(codeOf), [], `fix-all left or introduced findings:\n${describeDiagnostics(uri)}`);

    const fixedText = editor.document.getText();
    const again = (await codeActions(uri, new vscode.Range(0, 0, editor.document.lineCount, 0), FIX_ALL)).filter(a => a.kind?.value === FIX_ALL);
    for (const action of again) {
      if (action.edit && action.edit.size > 0) await applyCodeAction(action);
    }
    assert.equal(editor.document.getText(), fixedText, 'a second fix-all changed the file');
  });

  it(`editor.codeActionsOnSave {"${FIX_ALL}": "explicit"} fixes the file when it is saved`, async () => {
    await vscode.workspace
      .getConfiguration('editor', workspaceFolder().uri)
      .update('codeActionsOnSave', { [FIX_ALL]: 'explicit' }, vscode.ConfigurationTarget.Workspace);
    const editor = await openFixture('save-fix.ts');
    const uri = editor.document.uri;
    await waitForCount(uri, 'dense-unregularized', 1);
    const before = readFileSync(uri.fsPath, 'utf8');
    // An edit, so there is something to save (a space at the end of the first comment line).
    const end = editor.document.lineAt(0).range.end;
    assert.ok(await editor.edit(edit => edit.insert(end, ' ')));
    assert.ok(await editor.document.save(), 'save failed');
    const after = readFileSync(uri.fsPath, 'utf8');
    assert.notEqual(after.replace(' \n', '\n'), before, 'saving did not apply the fix-all');
    assert.match(after, /dropout\(|kernelRegularizer/);
    await waitForCount(uri, 'dense-unregularized', 0);
  });
});
