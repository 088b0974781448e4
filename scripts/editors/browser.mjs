// Debian Chromium driven by playwright-core, with the flags this machine needs (no
// network but the package registries: background networking would hammer closed ports).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, assertEditorsInstalled } from './paths.mjs';
import { removeOnExit } from './processes.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * A fresh persistent Chromium context (Playwright refuses `--user-data-dir` in args).
 * `close()` closes the browser (Playwright kills it by its PID) and removes the profile.
 * @param {{viewport?: {width: number, height: number}}} [options]
 */
export async function launchBrowser(options = {}) {
  assertEditorsInstalled({ codeServer: false });
  const { chromium } = await import('playwright-core');
  const profileDir = removeOnExit(mkdtempSync(join(tmpdir(), 'reglint-chromium-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    // Ctrl+C is handled by the caller (it stops code-server first, then the browser).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  // Allow the clipboard for the workbench (copy in the Problems panel etc.); harmless.
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
