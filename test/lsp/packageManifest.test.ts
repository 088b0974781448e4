// package.json is what VS Code reads: the settings it offers must be the ones the server
// understands, one per rule, with the rule's own default.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { ruleSettingProperty, RULE_SETTING_PREFIX } from '../../server/src/lsp/ruleSettingsManifest';
import { allRules } from '../../server/src/rules';
import { ruleDocUrl } from '../../server/src/docs/docLinks';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const properties: Record<string, { default?: unknown }> = manifest.contributes.configuration.properties;

describe('package.json contributes', () => {
  it('offers one setting per rule, in sync with the rule (npm run sync:settings)', () => {
    const ruleKeys = Object.keys(properties).filter(key => key.startsWith(RULE_SETTING_PREFIX));
    assert.deepEqual(ruleKeys, allRules.map(rule => `${RULE_SETTING_PREFIX}${rule.meta.id}`));
    for (const rule of allRules) {
      assert.deepEqual(
        properties[`${RULE_SETTING_PREFIX}${rule.meta.id}`],
        ruleSettingProperty(rule.meta, ruleDocUrl(rule.meta.id)),
        `${rule.meta.id} is stale: run npm run sync:settings`,
      );
    }
  });

  it("uses the server's defaults for the other settings", () => {
    assert.equal(properties['reglint.enable']?.default, DEFAULT_SETTINGS.enable);
    assert.equal(properties['reglint.debounceMs']?.default, DEFAULT_SETTINGS.debounceMs);
    assert.equal(properties['reglint.trace.server']?.default, 'off');
  });

  it('activates on the four languages and declares the restart command', () => {
    for (const language of ['typescript', 'typescriptreact', 'javascript', 'javascriptreact']) {
      assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
    }
    const commands = manifest.contributes.commands as { command: string; title: string; category: string }[];
    const restart = commands.find(c => c.command === 'reglint.restartServer');
    assert.deepEqual(restart, { command: 'reglint.restartServer', title: 'Restart Server', category: 'Reglint' });
    assert.equal(manifest.main, './dist/extension.js');
    assert.deepEqual(manifest.bin, { reglint: 'bin/reglint.js', 'reglint-language-server': 'bin/reglint-language-server.js' });
  });
});

describe('README', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

  it('opens with the two commands that work on a fresh clone', () => {
    const commands = readme.split('\n').slice(1, 6).filter(line => line.startsWith('    npm'));
    assert.deepEqual(commands.map(line => line.trim().split(/\s+#/)[0]!.trim()), ['npm ci && npm start', 'npm test']);
    // `npm test` = compile, build, then scripts/runAllTests.mjs: mocha and the editor stages.
    assert.match(manifest.scripts.test, /node scripts\/runAllTests\.mjs$/);
    const runner = readFileSync(path.join(REPO_ROOT, 'scripts', 'runAllTests.mjs'), 'utf8');
    assert.match(runner, /mocha/);
    assert.match(runner, /scripts\/editors\/run-tests\.mjs/);
  });

  it('lists every rule with its default severity', () => {
    for (const rule of allRules) {
      assert.match(readme, new RegExp(`\\| \`${rule.meta.id}\` \\| ${rule.meta.defaultSeverity} \\|`), rule.meta.id);
    }
  });
});
