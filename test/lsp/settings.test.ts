import * as assert from 'node:assert/strict';
import type { Logger } from '../../server/src/lsp/logger';
import { DEFAULT_SETTINGS, normalizeSettings, SettingsStore } from '../../server/src/lsp/settings';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, warn: m => warnings.push(m), error: m => warnings.push(m) };
}

describe('settings', () => {
  it('reads the reglint section as VS Code sends it', () => {
    const settings = normalizeSettings({
      enable: false,
      debounceMs: 40,
      rules: { 'dense-unregularized': 'off', 'conv-unregularized': 'error' },
      trace: { server: 'off' },
      crossFile: { depth: 2 },
    });
    assert.deepEqual(settings, {
      enable: false,
      debounceMs: 40,
      rules: { 'dense-unregularized': 'off', 'conv-unregularized': 'error' },
      fix: DEFAULT_SETTINGS.fix,
      crossFileDepth: 2,
    });
  });

  it('reads reglint.crossFile.depth, nested or flat; a bad value keeps the default of 1 and says so', () => {
    const logger = recordingLogger();
    assert.equal(normalizeSettings({ 'crossFile.depth': 0 }).crossFileDepth, 0);
    assert.equal(normalizeSettings({}).crossFileDepth, 1);
    assert.equal(normalizeSettings({ crossFile: { depth: 'deep' } }, logger).crossFileDepth, 1);
    assert.equal(normalizeSettings({ crossFile: { depth: 9 } }, logger).crossFileDepth, 1);
    assert.equal(logger.warnings.length, 2);
    assert.match(logger.warnings[0]!, /reglint\.crossFile\.depth must be a whole number from 0 to 3/);
  });

  it('reads reglint.fix.*, nested or flat, keeping defaults for unusable values', () => {
    const logger = recordingLogger();
    assert.deepEqual(
      normalizeSettings({ fix: { l2: 0.001, denseDropoutRate: 0.3, recurrentDropout: 0.1, convRemedy: 'l2' } }, logger).fix,
      { l2: 0.001, denseDropoutRate: 0.3, recurrentDropout: 0.1, convRemedy: 'l2' },
    );
    assert.equal(normalizeSettings({ 'fix.denseDropoutRate': 0.25 }).fix.denseDropoutRate, 0.25);
    assert.deepEqual(logger.warnings, []);
    const fix = normalizeSettings({ fix: { l2: 0, denseDropoutRate: 1, convRemedy: 'dropout' } }, logger).fix;
    assert.deepEqual(fix, DEFAULT_SETTINGS.fix);
    assert.equal(logger.warnings.length, 3);
    assert.match(logger.warnings.join('\n'), /reglint\.fix\.l2/);
  });

  it('accepts flat dotted rule keys from other clients', () => {
    assert.deepEqual(normalizeSettings({ 'rules.dropout-rate-high': 'info' }).rules, { 'dropout-rate-high': 'info' });
  });

  it('keeps defaults for malformed values and says why', () => {
    const logger = recordingLogger();
    const settings = normalizeSettings(
      { enable: 'yes', debounceMs: -5, rules: { 'dense-unregularized': 'loud', 'conv-unregularized': 'hint' } },
      logger,
    );
    assert.deepEqual(settings, { ...DEFAULT_SETTINGS, rules: { 'conv-unregularized': 'hint' } });
    assert.equal(logger.warnings.length, 3);
    assert.match(logger.warnings.join('\n'), /reglint\.rules\.dense-unregularized/);
  });

  it('uses defaults for a missing section', () => {
    assert.deepEqual(normalizeSettings(null), { ...DEFAULT_SETTINGS, rules: {} });
  });

  it('caches pulled settings per document until the configuration changes', async () => {
    let fetches = 0;
    const store = new SettingsStore(recordingLogger());
    store.usePullModel(async () => ({ debounceMs: ++fetches }));
    assert.equal((await store.get('a')).debounceMs, 1);
    assert.equal((await store.get('a')).debounceMs, 1, 'cached');
    assert.equal(store.peek('a').debounceMs, 1);
    store.configurationChanged(null);
    assert.equal(store.peek('a').debounceMs, DEFAULT_SETTINGS.debounceMs, 'forgotten');
    assert.equal((await store.get('a')).debounceMs, 2, 'fetched again');
  });

  it('falls back to defaults when the client fails to answer', async () => {
    const logger = recordingLogger();
    const store = new SettingsStore(logger);
    store.usePullModel(() => Promise.reject(new Error('no')));
    assert.deepEqual(await store.get('a'), { ...DEFAULT_SETTINGS, rules: {} });
    assert.equal(logger.warnings.length, 1);
  });
});
