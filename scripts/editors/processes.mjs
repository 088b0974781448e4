// Every process the editor tests and the playground start is recorded here by its PID and
// stopped by that PID: on a normal stop, on failure, on a timeout, on Ctrl+C, and (as a
// last resort, synchronously) when this Node process exits. Children are started as the
// leaders of their own process groups, so a stop also reaches what they forked (the
// code-server server process, its extension hosts, the language server) without ever
// matching processes by name.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

/** @type {Map<number, {name: string, child: import('node:child_process').ChildProcess}>} */
const running = new Map();
/** Temporary directories to remove when this process exits, however it exits. */
const tempDirs = new Set();
let handlersInstalled = false;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid, sig, group) {
  try {
    process.kill(group ? -pid : pid, sig);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure recorded processes die with this one. Called by startProcess; standalone
 * scripts (not mocha, which has its own) also pass `fatalErrors` to stop everything on an
 * uncaught exception or unhandled rejection.
 */
export function installExitHandlers({ fatalErrors = false } = {}) {
  if (fatalErrors && !fatalHandlersInstalled) {
    fatalHandlersInstalled = true;
    process.on('uncaughtException', error => {
      console.error(error);
      void stopAll().finally(() => process.exit(1));
    });
    process.on('unhandledRejection', error => {
      console.error('unhandled rejection:', error);
      void stopAll().finally(() => process.exit(1));
    });
  }
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Synchronous last resort: 'exit' handlers cannot wait, so send SIGKILL to each group.
  process.on('exit', () => {
    for (const pid of running.keys()) {
      signal(pid, 'SIGKILL', true);
      signal(pid, 'SIGKILL', false);
    }
    if (!process.env.REGLINT_KEEP_PROFILE) {
      for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (process.env.REGLINT_DEBUG_SIGNALS) console.error(`[processes] ${sig} in ${process.pid}; stopping ${[...running.keys()].join(', ')}`);
      // A second Ctrl+C while stopping exits at once (the 'exit' handler still kills).
      if (stoppingAll) process.exit(130);
      void stopAll().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
    });
  }
}

let fatalHandlersInstalled = false;
let stoppingAll = false;

/**
 * Removes `dir` when this process exits (also on Ctrl+C or a fatal error), unless
 * REGLINT_KEEP_PROFILE is set. Returns `dir`.
 */
export function removeOnExit(dir) {
  installExitHandlers();
  tempDirs.add(dir);
  return dir;
}

/**
 * Spawns a command as the leader of a new process group and records its PID.
 * @param {string} name  for messages
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 */
export function startProcess(name, command, args, options = {}) {
  installExitHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;
  running.set(pid, { name, child });
  child.on('exit', () => {
    // The leader is gone; keep the entry while its group lives so stop() still reaches it.
    if (!groupAlive(pid)) running.delete(pid);
  });
  return child;
}

/**
 * Stops a process started by startProcess and everything in its group: SIGTERM, then
 * SIGKILL after `graceMs`. Resolves once the group is gone (or after the SIGKILL).
 */
export async function stopProcess(pid, graceMs = 5000) {
  if (!running.has(pid) && !alive(pid) && !groupAlive(pid)) return;
  signal(pid, 'SIGTERM', false);
  signal(pid, 'SIGTERM', true);
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (alive(pid) || groupAlive(pid))) await delay(100);
  if (alive(pid) || groupAlive(pid)) {
    signal(pid, 'SIGKILL', true);
    signal(pid, 'SIGKILL', false);
    await delay(200);
  }
  running.delete(pid);
}

export async function stopAll() {
  stoppingAll = true;
  await Promise.all([...running.keys()].map(pid => stopProcess(pid)));
  stoppingAll = false;
}

/** PIDs still recorded as running (for tests of the cleanup itself). */
export function runningPids() {
  return [...running.keys()].filter(pid => alive(pid) || groupAlive(pid));
}

export function delay(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** Runs `fn` and rejects with a clear message if it takes longer than `ms`. */
export async function withTimeout(what, ms, fn) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([fn(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
