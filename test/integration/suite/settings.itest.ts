// Settings: `reglint.rules.<id>` changes a rule's severity, `off` removes its findings,
// and the other rules keep theirs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, reglintDiagnostics, revertAndCloseAll, setRuleSeverity, waitFor } from './helpers';

describe('settings', () => {
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await setRuleSeverity('dense-unregularized', undefined);
    await revertAndCloseAll();
  });

  it('reglint.rules.dense-unregularized: error, then off, then back to the default', async () => {
    const editor = await openFixture('severity-model.ts');
    const uri = editor.document.uri;
    const severities = () => ({
      dense: reglintDiagnostics(uri, 'dense-unregularized').map(d => d.severity),
      conv: reglintDiagnostics(uri, 'conv-unregularized').map(d => d.severity),
    });
    const { Warning, Error } = vscode.DiagnosticSeverity;
    await waitFor('default severities (warning)', () => {
      const s = severities();
      return s.dense.length === 1 && s.dense[0] === Warning && s.conv.length === 1 && s.conv[0] === Warning;
    }, { uri });

    await setRuleSeverity('dense-unregularized', 'error');
    await waitFor('dense-unregularized as an error, conv-unregularized still a warning', () => {
      const s = severities();
      return s.dense.length === 1 && s.dense[0] === Error && s.conv.length === 1 && s.conv[0] === Warning;
    }, { uri });

    await setRuleSeverity('dense-unregularized', 'off');
    await waitFor('no dense-unregularized finding, conv-unregularized unchanged', () => {
      const s = severities();
      return s.dense.length === 0 && s.conv.length === 1 && s.conv[0] === Warning;
    }, { uri });

    await setRuleSeverity('dense-unregularized', undefined);
    await waitFor('dense-unregularized back as a warning', () => {
      const s = severities();
      return s.dense.length === 1 && s.dense[0] === Warning;
    }, { uri });
    assert.ok(true);
  });
});
