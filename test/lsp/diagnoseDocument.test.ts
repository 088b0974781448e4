// Turning one document into diagnostics never throws, whatever the analysis does.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelGraph } from '../../server/src/analysis/modelGraph';
import {
  diagnoseDocument,
  INTERNAL_ERROR_CODE,
  MAX_DOCUMENT_CHARS,
  NOT_ANALYSED_CODE,
} from '../../server/src/lsp/diagnoseDocument';
import type { Logger } from '../../server/src/lsp/logger';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import type { LintResult } from '../../server/src/lint/lintText';
import { UNREGULARIZED_MODEL } from './modelTexts';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: m => lines.push(m), warn: m => lines.push(m), error: m => lines.push(m) };
}

const settings = { ...DEFAULT_SETTINGS, rules: {} };
const doc = (text: string, uri = 'file:///m.ts', languageId = 'typescript') => TextDocument.create(uri, languageId, 1, text);

describe('diagnoseDocument', () => {
  it('turns an exception in the analysis into one diagnostic and a logged stack', () => {
    const logger = recordingLogger();
    const outcome = diagnoseDocument(doc(UNREGULARIZED_MODEL), settings, logger, () => {
      throw new TypeError('cannot read properties of undefined');
    });
    assert.equal(outcome.diagnostics.length, 1);
    const [diagnostic] = outcome.diagnostics;
    assert.equal(diagnostic!.code, INTERNAL_ERROR_CODE);
    assert.equal(diagnostic!.source, 'reglint');
    assert.match(diagnostic!.message, /cannot read properties of undefined/);
    assert.match(logger.lines.join('\n'), /TypeError: cannot read properties of undefined\n\s+at /);
  });

  it('survives a stack overflow in the analysis', () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    const outcome = diagnoseDocument(doc(UNREGULARIZED_MODEL), settings, recordingLogger(), () => {
      recurse(0);
      throw new Error('unreachable');
    });
    assert.equal(outcome.diagnostics[0]?.code, INTERNAL_ERROR_CODE);
  });

  it('reports a file it could not analyse only when it imports tfjs', () => {
    const fatal = (): LintResult => ({ graph: { fatal: 'nested too deeply' } as ModelGraph, messages: [] });
    const withTfjs = diagnoseDocument(doc(UNREGULARIZED_MODEL), settings, recordingLogger(), fatal);
    assert.deepEqual(withTfjs.diagnostics.map(d => d.code), [NOT_ANALYSED_CODE]);
    const without = diagnoseDocument(doc('const x = 1;'), settings, recordingLogger(), fatal);
    assert.deepEqual(without.diagnostics, []);
  });

  it('skips oversized documents without analysing them', () => {
    let analysed = false;
    const outcome = diagnoseDocument(doc('x'.repeat(MAX_DOCUMENT_CHARS + 1)), settings, recordingLogger(), () => {
      analysed = true;
      throw new Error('must not run');
    });
    assert.equal(outcome.kind, 'skipped-too-large');
    assert.equal(analysed, false);
  });

  it('passes a file name with the right extension, also for untitled documents', () => {
    const names: string[] = [];
    const record = (_text: string, fileName: string): LintResult => {
      names.push(fileName);
      return { graph: { fatal: undefined, layers: [], models: [] } as unknown as ModelGraph, messages: [] };
    };
    diagnoseDocument(doc('', 'file:///a%20b/model.jsx', 'javascriptreact'), settings, recordingLogger(), record);
    diagnoseDocument(doc('', 'untitled:Untitled-1', 'typescriptreact'), settings, recordingLogger(), record);
    assert.deepEqual(names, ['/a b/model.jsx', 'Untitled-1.tsx']);
  });

  it('publishes nothing when disabled', () => {
    const outcome = diagnoseDocument(doc(UNREGULARIZED_MODEL), { ...settings, enable: false }, recordingLogger(), () => {
      throw new Error('must not run');
    });
    assert.deepEqual(outcome.diagnostics, []);
  });
});
