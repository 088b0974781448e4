// Regenerates package.json's `reglint.rules.<id>` settings from the rules themselves
// (id, default severity, description, doc link), so the settings UI never drifts from
// the code. Run after `npm run compile`: `npm run sync:settings`. The test
// test/lsp/packageManifest.test.ts fails when package.json is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { allRules } = require(join(root, 'out/server/src/rules/index.js'));
const { ruleDocUrl } = require(join(root, 'out/server/src/docs/docLinks.js'));
const { ruleSettingProperty, RULE_SETTING_PREFIX } = require(join(root, 'out/server/src/lsp/ruleSettingsManifest.js'));

const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const properties = manifest.contributes.configuration.properties;

// Keep every non-rule setting where it is; put the rules, in table order, before trace.
const entries = Object.entries(properties).filter(([key]) => !key.startsWith(RULE_SETTING_PREFIX));
const traceIndex = entries.findIndex(([key]) => key === 'reglint.trace.server');
const ruleEntries = allRules.map(rule => [`${RULE_SETTING_PREFIX}${rule.meta.id}`, ruleSettingProperty(rule.meta, ruleDocUrl(rule.meta.id))]);
entries.splice(traceIndex < 0 ? entries.length : traceIndex, 0, ...ruleEntries);
manifest.contributes.configuration.properties = Object.fromEntries(entries);

writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`package.json: ${ruleEntries.length} rule settings written.`);
