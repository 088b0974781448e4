// Suppression comments: what they hide, when they are reported as unused, and the
// "Disable <rule> for this line / file" fixes that write them.
import * as assert from 'node:assert/strict';
import { applyEdits, fixesFor, suppressionFix } from '../../server/src/fixes';
import { lintText } from '../../server/src/lint/lintText';
import { parseDirectives, UNUSED_DIRECTIVE_RULE_ID } from '../../server/src/lint/suppressions';
import { code } from '../../server/src/rules/ruleCases';
import { crlf, tabs } from './fixTester';

const UNREGULARIZED = code`
  import * as tf from '@tensorflow/tfjs';
  export function build() {
    const model = tf.sequential();
    model.add(tf.layers.dense({units: 64, inputShape: [8]}));
    model.add(tf.layers.dense({units: 32}));
    model.add(tf.layers.dense({units: 1}));
    return model;
  }
`;

const ruleIds = (text: string, file = 'case.ts') => lintText(text, file).messages.map((m) => m.ruleId);

describe('suppressions: directives', () => {
  it('without directives, both hidden dense layers are reported', () => {
    assert.deepEqual(ruleIds(UNREGULARIZED), ['dense-unregularized', 'dense-unregularized']);
  });

  it('disable-next-line hides the finding on the next line only', () => {
    const text = UNREGULARIZED.replace(
      '  model.add(tf.layers.dense({units: 32}));',
      '  // reglint-disable-next-line dense-unregularized\n  model.add(tf.layers.dense({units: 32}));',
    );
    const { messages } = lintText(text, 'case.ts');
    assert.deepEqual(messages.map((m) => m.ruleId), ['dense-unregularized']);
    assert.ok(text.slice(messages[0].span.start).startsWith('dense({units: 64'));
  });

  it('disable-next-line with no rule id hides every rule', () => {
    const text = UNREGULARIZED.replace('  model.add(tf.layers.dense({units: 64', '  // reglint-disable-next-line\n  model.add(tf.layers.dense({units: 64');
    assert.deepEqual(ruleIds(text), ['dense-unregularized']);
  });

  it('several ids, comma separated, and a -- description', () => {
    const text = UNREGULARIZED.replace(
      '  model.add(tf.layers.dense({units: 64',
      '  // reglint-disable-next-line conv-unregularized, dense-unregularized -- tuned elsewhere\n  model.add(tf.layers.dense({units: 64',
    );
    // conv-unregularized suppressed nothing: reported as unused, naming it.
    const { messages } = lintText(text, 'case.ts');
    assert.deepEqual(messages.map((m) => m.ruleId), [UNUSED_DIRECTIVE_RULE_ID, 'dense-unregularized']);
    assert.match(messages[0].message, /no conv-unregularized finding on its line/);
    assert.equal(messages[0].severity, 'hint');
  });

  it('a file directive /* reglint-disable <id> */ hides the rule everywhere', () => {
    assert.deepEqual(ruleIds(`/* reglint-disable dense-unregularized */\n${UNREGULARIZED}`), []);
  });

  it('disable-line hides a finding on its own line', () => {
    const text = UNREGULARIZED.replace('{units: 32}));', '{units: 32})); // reglint-disable-line dense-unregularized');
    assert.deepEqual(ruleIds(text), ['dense-unregularized']);
  });

  it('a directive that suppresses nothing is reported (hint) on the comment', () => {
    const text = UNREGULARIZED.replace('  return model;', '  // reglint-disable-next-line dense-unregularized\n  return model;');
    const { messages } = lintText(text, 'case.ts');
    const unused = messages.filter((m) => m.ruleId === UNUSED_DIRECTIVE_RULE_ID);
    assert.equal(unused.length, 1);
    assert.equal(unused[0].severity, 'hint');
    assert.equal(text.slice(unused[0].span.start, unused[0].span.end), '// reglint-disable-next-line dense-unregularized');
  });

  it('an unknown rule id is reported as such', () => {
    const text = `/* reglint-disable dense-unregularised */\n${UNREGULARIZED}`;
    const unused = lintText(text, 'case.ts').messages.filter((m) => m.ruleId === UNUSED_DIRECTIVE_RULE_ID);
    assert.match(unused[0].message, /reglint has no rule 'dense-unregularised'/);
  });

  it('a directive for a rule switched off in the settings is not stale', () => {
    const text = `/* reglint-disable dense-unregularized */\n${UNREGULARIZED}`;
    assert.deepEqual(lintText(text, 'case.ts', { rules: { 'dense-unregularized': 'off' } }).messages, []);
  });

  it('unused-disable-directive can be turned off or re-levelled like a rule', () => {
    const text = `/* reglint-disable conv-unregularized */\n${UNREGULARIZED}`;
    assert.deepEqual(ruleIds(text).filter((id) => id === UNUSED_DIRECTIVE_RULE_ID).length, 1);
    const off = lintText(text, 'case.ts', { rules: { [UNUSED_DIRECTIVE_RULE_ID]: 'off' } }).messages;
    assert.equal(off.filter((m) => m.ruleId === UNUSED_DIRECTIVE_RULE_ID).length, 0);
    const warn = lintText(text, 'case.ts', { rules: { [UNUSED_DIRECTIVE_RULE_ID]: 'warning' } }).messages;
    assert.equal(warn.find((m) => m.ruleId === UNUSED_DIRECTIVE_RULE_ID)?.severity, 'warning');
  });

  it('directive-like text in strings and templates is not a directive', () => {
    const text = `const a = '// reglint-disable dense-unregularized';\nconst b = \`/* reglint-disable */ \${a}\`;\n${UNREGULARIZED}`;
    assert.deepEqual(parseDirectives(text, 'case.ts'), []);
    assert.equal(ruleIds(text).length, 2);
  });

  it('works with CRLF line endings', () => {
    const text = crlf(UNREGULARIZED.replace('  model.add(tf.layers.dense({units: 32', '  // reglint-disable-next-line dense-unregularized\n  model.add(tf.layers.dense({units: 32'));
    assert.deepEqual(ruleIds(text), ['dense-unregularized']);
  });

  it('a block-comment next-line directive counts from the line the comment ends on', () => {
    const text = UNREGULARIZED.replace(
      '  model.add(tf.layers.dense({units: 32',
      '  /* reglint-disable-next-line\n     dense-unregularized */\n  model.add(tf.layers.dense({units: 32',
    );
    assert.deepEqual(ruleIds(text), ['dense-unregularized']);
  });
});

describe('suppressions: "Disable <rule>" fixes', () => {
  const finding = (text: string, n = 0) => lintText(text, 'case.ts').messages.filter((m) => m.ruleId === 'dense-unregularized')[n];

  it('for this line: a comment line above, same indentation', () => {
    const fixes = suppressionFix(UNREGULARIZED, finding(UNREGULARIZED, 1));
    assert.deepEqual(fixes.map((f) => f.title), ['Disable dense-unregularized for this line', 'Disable dense-unregularized for this file']);
    const output = applyEdits(UNREGULARIZED, fixes[0].edits);
    assert.equal(output, UNREGULARIZED.replace(
      '  model.add(tf.layers.dense({units: 32',
      '  // reglint-disable-next-line dense-unregularized\n  model.add(tf.layers.dense({units: 32'));
    assert.deepEqual(ruleIds(output), ['dense-unregularized']);
  });

  it('for this line, in a CRLF file with tabs', () => {
    const text = crlf(tabs(UNREGULARIZED));
    const output = applyEdits(text, suppressionFix(text, finding(text, 0))[0].edits);
    assert.equal(output, crlf(tabs(UNREGULARIZED.replace(
      '  model.add(tf.layers.dense({units: 64',
      '  // reglint-disable-next-line dense-unregularized\n  model.add(tf.layers.dense({units: 64'))));
  });

  it('for this line, extending a directive already on the line above', () => {
    const text = UNREGULARIZED.replace(
      '  model.add(tf.layers.dense({units: 32',
      '  // reglint-disable-next-line conv-unregularized\n  model.add(tf.layers.dense({units: 32');
    const target = lintText(text, 'case.ts').messages.filter((m) => m.ruleId === 'dense-unregularized')[1];
    const output = applyEdits(text, suppressionFix(text, target)[0].edits);
    assert.ok(output.includes('  // reglint-disable-next-line conv-unregularized, dense-unregularized\n  model.add(tf.layers.dense({units: 32'));
    // (conv-unregularized was and stays unused there)
    assert.deepEqual(ruleIds(output), ['dense-unregularized', UNUSED_DIRECTIVE_RULE_ID]);
  });

  it('for this file: a block comment at the top', () => {
    const output = applyEdits(UNREGULARIZED, suppressionFix(UNREGULARIZED, finding(UNREGULARIZED))[1].edits);
    assert.equal(output, `/* reglint-disable dense-unregularized */\n${UNREGULARIZED}`);
    assert.deepEqual(ruleIds(output), []);
  });

  it('for this file: after a shebang and a BOM', () => {
    const text = `\uFEFF#!/usr/bin/env node\r\n${crlf(UNREGULARIZED)}`;
    const output = applyEdits(text, suppressionFix(text, finding(text))[1].edits);
    assert.equal(output, `\uFEFF#!/usr/bin/env node\r\n/* reglint-disable dense-unregularized */\r\n${crlf(UNREGULARIZED)}`);
  });

  it('for this file: joins an existing file directive', () => {
    const text = `/* reglint-disable conv-unregularized */\n${UNREGULARIZED}`;
    const output = applyEdits(text, suppressionFix(text, finding(text))[1].edits);
    assert.ok(output.startsWith('/* reglint-disable conv-unregularized, dense-unregularized */\n'));
    assert.deepEqual(ruleIds(output), [UNUSED_DIRECTIVE_RULE_ID]);
  });

  it('no suppression fix for the unused-directive finding itself', () => {
    const text = `/* reglint-disable conv-unregularized */\n${UNREGULARIZED}`;
    const unused = lintText(text, 'case.ts').messages.find((m) => m.ruleId === UNUSED_DIRECTIVE_RULE_ID)!;
    assert.deepEqual(suppressionFix(text, unused), []);
  });
});

describe('suppressions: removing unused directives', () => {
  it('a wholly unused directive goes with its line', () => {
    const text = UNREGULARIZED.replace('  return model;', '  // reglint-disable-next-line dense-unregularized\n  return model;');
    const { graph, messages } = lintText(text, 'case.ts');
    const unused = messages.find((m) => m.ruleId === UNUSED_DIRECTIVE_RULE_ID)!;
    const [fix] = fixesFor(text, graph, unused);
    assert.equal(fix.title, 'Remove unused reglint directive');
    assert.equal(applyEdits(text, fix.edits), UNREGULARIZED);
  });

  it('only the stale ids are removed from a partly used directive', () => {
    const text = UNREGULARIZED.replace(
      '  model.add(tf.layers.dense({units: 32',
      '  // reglint-disable-next-line conv-unregularized, dense-unregularized\n  model.add(tf.layers.dense({units: 32');
    const { graph, messages } = lintText(text, 'case.ts');
    const unused = messages.find((m) => m.ruleId === UNUSED_DIRECTIVE_RULE_ID)!;
    const output = applyEdits(text, fixesFor(text, graph, unused)[0].edits);
    assert.ok(output.includes('  // reglint-disable-next-line dense-unregularized\n'));
    assert.equal(lintText(output, 'case.ts').messages.filter((m) => m.ruleId === UNUSED_DIRECTIVE_RULE_ID).length, 0);
  });

  it('a trailing disable-line comment is removed without its code', () => {
    const text = UNREGULARIZED.replace('  return model;', '  return model; // reglint-disable-line');
    const { graph, messages } = lintText(text, 'case.ts');
    const unused = messages.find((m) => m.ruleId === UNUSED_DIRECTIVE_RULE_ID)!;
    assert.equal(applyEdits(text, fixesFor(text, graph, unused)[0].edits), UNREGULARIZED);
  });
});
