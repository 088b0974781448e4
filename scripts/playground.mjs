#!/usr/bin/env node
// `npm run playground`: try reglint in a browser without installing anything.
// Builds the extension, packages the .vsix, installs it into a fresh code-server
// (VS Code 1.139 on Node 24; scripts/editors/setup.sh installs it if missing), opens a
// copy of examples/, and prints the local URL. Ctrl+C stops code-server (by its PID) and
// removes the temporary profile and copy.
//
//   npm run playground                 (REGLINT_PLAYGROUND_PORT=8080 to pick the port)
//   npm run playground -- --no-build   (use dist/ as it is)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProfile, installExtension, removeProfile, startCodeServer } from './editors/codeServer.mjs';
import { packageVsix } from './editors/package-vsix.mjs';
import { REPO_ROOT } from './editors/paths.mjs';
import { installExitHandlers, removeOnExit } from './editors/processes.mjs';

installExitHandlers({ fatalErrors: true });

function step(command, args) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

async function main() {
  if (!process.argv.includes('--no-build')) step('npm', ['run', '--silent', 'build']);
  // Only installs what is missing (the first time: apt packages, Node 24, code-server, ~3 min).
  step('bash', [join(REPO_ROOT, 'scripts', 'editors', 'setup.sh')]);
  const { vsix } = await packageVsix();

  const workspace = removeOnExit(mkdtempSync(join(tmpdir(), 'reglint-playground-')));
  const folder = join(workspace, 'examples');
  cpSync(join(REPO_ROOT, 'examples'), folder, { recursive: true });
  // So TypeScript resolves @tensorflow/tfjs as in a real project.
  if (existsSync(join(REPO_ROOT, 'node_modules', '@tensorflow'))) {
    mkdirSync(join(folder, 'node_modules'), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules', '@tensorflow'), join(folder, 'node_modules', '@tensorflow'));
  }
  const profile = createProfile({ prefix: 'reglint-playground-cs-' });
  installExtension(profile, vsix);
  const server = await startCodeServer({ profile, folder, smokeTestDriver: false, port: Number(process.env.REGLINT_PLAYGROUND_PORT) || undefined });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    removeProfile(profile);
    rmSync(workspace, { recursive: true, force: true });
    console.log('Stopped.');
    process.exit(0);
  };
  // Registered after the generic handlers (processes.mjs), which would also stop it; this
  // one also removes the temporary folders and says so.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`
reglint playground: VS Code in your browser with the extension installed from
${vsix}
and a copy of examples/ open. Your edits go to the copy, not to examples/.

  ${server.url}/?folder=${encodeURIComponent(folder)}

Open a model (e.g. mnist-convnet.ts): squiggles, Problems (Ctrl+Shift+M), hover,
Ctrl+. for quick fixes, the "Sanity-train" CodeLens. Press Ctrl+C here to stop.
`);
  // Stay up until Ctrl+C, or until code-server dies on its own.
  await new Promise(resolve => {
    const timer = setInterval(() => {
      try {
        process.kill(server.pid, 0);
      } catch {
        clearInterval(timer);
        resolve(undefined);
      }
    }, 1000);
  });
  console.error(`code-server exited unexpectedly; its log:\n${server.output.slice(-3000)}`);
  removeProfile(profile);
  rmSync(workspace, { recursive: true, force: true });
  process.exit(1);
}

main().catch(error => {
  console.error(`playground: ${error?.message ?? error}`);
  process.exit(1);
});
