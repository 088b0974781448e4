// The TextMate injection grammar for reglint directives (syntaxes/), run by the same
// engine VS Code uses (vscode-textmate + Oniguruma) and injected into a small host grammar
// with TypeScript's comment and string scopes, as package.json's `injectTo` does.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { grammars?: { scopeName: string; path: string; injectTo?: string[] }[] };
};
const contributed = manifest.contributes.grammars?.find((g) => g.scopeName === 'reglint.directives.injection');
const GRAMMAR_PATH = path.join(REPO_ROOT, contributed?.path ?? 'syntaxes/reglint-directives.injection.tmLanguage.json');

const HOST = {
  scopeName: 'source.ts',
  patterns: [
    { begin: '//', end: '$', name: 'comment.line.double-slash.ts' },
    { begin: '/\\*', end: '\\*/', name: 'comment.block.ts' },
    { begin: "'", end: "'", name: 'string.quoted.single.ts' },
  ],
};

interface Token {
  text: string;
  scopes: string[];
}

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'source.ts') return textmate.parseRawGrammar(JSON.stringify(HOST), 'host.json');
      if (scopeName === 'reglint.directives.injection') return textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
      return null;
    },
    getInjections: (scopeName) => (scopeName === 'source.ts' ? ['reglint.directives.injection'] : undefined),
  });
  const loaded = await registry.loadGrammar('source.ts');
  assert.ok(loaded);
  grammar = loaded;
});

function tokenize(line: string): Token[] {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  return tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

function scopedText(line: string, scope: string): string[] {
  return tokenize(line)
    .filter((t) => t.scopes.includes(scope))
    .map((t) => t.text);
}

const KEYWORD = 'keyword.control.directive.reglint';
const RULES = 'entity.name.tag.rule.reglint';
const REASON = 'comment.line.description.reglint';

describe('reglint directive grammar', () => {
  it('is contributed in package.json as an injection into JS/TS', () => {
    assert.ok(contributed, 'contributes.grammars has reglint.directives.injection');
    assert.deepEqual([...(contributed.injectTo ?? [])].sort(), ['source.js', 'source.js.jsx', 'source.ts', 'source.tsx']);
    const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as { injectionSelector: string; scopeName: string };
    assert.match(raw.injectionSelector, /comment\.line/);
    assert.match(raw.injectionSelector, /comment\.block/);
  });

  it('highlights a disable-next-line directive with rule ids and a reason', () => {
    const line = '  // reglint-disable-next-line dense-unregularized, conv-unregularized -- tiny model';
    assert.deepEqual(scopedText(line, KEYWORD), ['reglint-disable-next-line']);
    assert.deepEqual(scopedText(line, RULES), [' dense-unregularized, conv-unregularized']);
    assert.deepEqual(scopedText(line, REASON), [' -- tiny model']);
    // still inside the comment
    assert.ok(tokenize(line).filter((t) => t.text.includes('reglint')).every((t) => t.scopes.includes('comment.line.double-slash.ts')));
  });

  it('highlights disable-line, a bare directive, and the block form', () => {
    assert.deepEqual(scopedText('x(); // reglint-disable-line dropout-rate-high', KEYWORD), ['reglint-disable-line']);
    assert.deepEqual(scopedText('// reglint-disable', KEYWORD), ['reglint-disable']);
    const block = '/* reglint-disable dense-unregularized */';
    assert.deepEqual(scopedText(block, KEYWORD), ['reglint-disable']);
    assert.deepEqual(scopedText(block, RULES), [' dense-unregularized']);
  });

  it('leaves code, strings and look-alike words alone', () => {
    assert.deepEqual(scopedText("const s = 'reglint-disable-next-line';", KEYWORD), []);
    assert.deepEqual(scopedText('reglint-disable();', KEYWORD), []);
    assert.deepEqual(scopedText('// see the reglint-disabled docs', KEYWORD), []);
    assert.deepEqual(scopedText('// myreglint-disable x', KEYWORD), []);
  });
});
