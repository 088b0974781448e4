// reglint on HTML pages (the binary): a directory's pages are linted with the findings at
// their line and column in the page, and --fix edits the inline script in place, keeping the markup.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { makeProject, runReglint } from './runCli';

interface JsonFile { filePath: string; messages: { ruleId: string; line: number; column: number }[] }

describe('reglint on HTML pages (binary)', function () {
  this.timeout(60_000);
  const PAGE = [
    '<!DOCTYPE html>',
    '<html><head><title>tfjs</title>',
    '<script src="https://cdn.jsdelivr.net/npm/@tensorflow/tfjs"></script>',
    '</head><body>',
    '<script>',
    'const model = tf.sequential();',
    "model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [4]}));",
    "model.add(tf.layers.dense({units: 3, activation: 'softmax'}));",
    '</script>',
    '</body></html>',
    '',
  ].join('\n');
  let project: string;
  beforeEach(() => { project = makeProject({ 'site/index.html': PAGE, 'site/notes.html': '<p>no scripts</p>\n' }); });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('finds pages in a directory and reports at the line and column of the page; --fix edits the script in place', () => {
    const lint = runReglint(['--format', 'json', 'site'], project);
    assert.ok(lint.status === 0 || lint.status === 1, lint.stderr);
    const files = JSON.parse(lint.stdout) as JsonFile[];
    const page = files.find((f) => f.filePath.endsWith('index.html'));
    assert.ok(page, lint.stdout);
    const dense = page.messages.find((m) => m.ruleId === 'dense-unregularized');
    assert.deepEqual(dense && [dense.line, dense.column], [7, 21], JSON.stringify(page.messages));

    const fixed = runReglint(['--fix', 'site/index.html'], project);
    assert.ok(fixed.status === 0 || fixed.status === 1, fixed.stderr);
    const text = readFileSync(path.join(project, 'site/index.html'), 'utf8');
    assert.match(text, /tf\.layers\.dropout\(\{rate: 0\.5\}\)/, text);
    assert.ok(text.startsWith('<!DOCTYPE html>\n<html><head><title>tfjs</title>'), 'the markup is kept');
    assert.ok(text.endsWith('</script>\n</body></html>\n'), 'the markup is kept');
  });
});
