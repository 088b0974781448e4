// Start and stop code-server (VS Code 1.139 on Node 24, from setup.sh) for the editor
// tests and the playground: an isolated profile (user data, extensions, XDG dirs) in a
// temporary directory, 127.0.0.1 on a free port, `--reconnection-grace-time 5` (else
// every closed page leaves an extension host running for hours), the smoke-test driver
// (so the workbench accepts test payloads), and a stop by PID that always happens.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_BIN, NODE24_BIN, assertEditorsInstalled } from './paths.mjs';
import { delay, removeOnExit, startProcess, stopProcess } from './processes.mjs';

/**
 * A fresh, isolated code-server profile under a new temporary directory.
 * @param {{prefix?: string, settings?: Record<string, unknown>}} [options]
 */
export function createProfile(options = {}) {
  const root = removeOnExit(mkdtempSync(join(tmpdir(), options.prefix ?? 'reglint-cs-')));
  const profile = {
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    xdg: { config: join(root, 'xdg', 'config'), data: join(root, 'xdg', 'data'), cache: join(root, 'xdg', 'cache') },
    logFile: join(root, 'code-server.log'),
  };
  for (const dir of [profile.userDataDir, profile.extensionsDir, ...Object.values(profile.xdg)]) {
    mkdirSync(dir, { recursive: true });
  }
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'files.autoSave': 'off',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...options.settings,
  };
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return profile;
}

export function removeProfile(profile) {
  if (process.env.REGLINT_KEEP_PROFILE) {
    console.log(`[code-server] keeping profile ${profile.root}`);
    return;
  }
  rmSync(profile.root, { recursive: true, force: true, maxRetries: 3 });
}

function codeServerEnv(profile) {
  const env = { ...process.env };
  // Keep code-server and the extension host away from the caller's own editor state.
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.NODE_OPTIONS;
  return {
    ...env,
    PATH: `${NODE24_BIN}:${env.PATH ?? ''}`,
    XDG_CONFIG_HOME: profile.xdg.config,
    XDG_DATA_HOME: profile.xdg.data,
    XDG_CACHE_HOME: profile.xdg.cache,
  };
}

function baseArgs(profile) {
  return ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** `code-server --install-extension <vsix>` into the profile. */
export function installExtension(profile, vsixPath) {
  assertEditorsInstalled({ chromium: false });
  const result = spawnSync(CODE_SERVER_BIN, [...baseArgs(profile), '--install-extension', vsixPath, '--force'], {
    env: codeServerEnv(profile),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsixPath} failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${output}`);
  }
  return output.trim();
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server and waits until it serves. The returned `stop()` kills it by PID
 * (and its process group); it is also killed when this process exits.
 * @param {{profile: ReturnType<typeof createProfile>, folder?: string, smokeTestDriver?: boolean,
 *          port?: number, timeoutMs?: number, echo?: boolean}} options
 */
export async function startCodeServer(options) {
  assertEditorsInstalled({ chromium: false });
  const { profile } = options;
  const port = options.port ?? (await freePort());
  const args = [
    ...baseArgs(profile),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time', '5',
    '--ignore-last-opened',
  ];
  if (options.smokeTestDriver !== false) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (options.folder) args.push(options.folder);

  const log = createWriteStream(profile.logFile, { flags: 'a' });
  const child = startProcess('code-server', CODE_SERVER_BIN, args, {
    env: codeServerEnv(profile),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = /** @type {number} */ (child.pid);
  let output = '';
  const collect = chunk => {
    const text = String(chunk);
    output = (output + text).slice(-20_000);
    log.write(text);
    if (options.echo) process.stderr.write(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = null;
  child.on('exit', (code, sig) => (exited = { code, sig }));

  const url = `http://127.0.0.1:${port}`;
  const server = {
    pid,
    port,
    url,
    profile,
    get output() {
      return output;
    },
    async stop() {
      await stopProcess(pid);
      log.end();
    },
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (true) {
    if (exited) {
      await server.stop();
      throw new Error(`code-server exited before serving (${JSON.stringify(exited)}):\n${output}`);
    }
    if (await serves(`${url}/healthz`)) break;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not serve ${url} within ${options.timeoutMs ?? 60_000} ms:\n${output}`);
    }
    await delay(200);
  }
  return server;
}

async function serves(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}
