// A minimal LSP client for tests and the benchmark: spawns the real bundled server
// (`node bin/reglint-language-server.js --stdio`), speaks JSON-RPC over its stdio,
// answers workspace/configuration from `settings`, and records every
// textDocument/publishDiagnostics it receives.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BIN = path.join(REPO_ROOT, 'bin', 'reglint-language-server.js');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');

export interface SessionOptions {
  /** What the client answers for the `reglint` section. */
  settings?: Record<string, unknown>;
  /** Whether the client claims to answer workspace/configuration (VS Code does). */
  pullConfiguration?: boolean;
  /** `stdio` (other editors, the default) or `ipc` (how VS Code's client forks dist/server.js). */
  transport?: 'stdio' | 'ipc';
  /** Added to the client capabilities sent with initialize (merged one level deep). */
  capabilities?: { workspace?: Record<string, unknown>; textDocument?: Record<string, unknown> };
  /** Sent as `initializationOptions` with initialize. */
  initializationOptions?: unknown;
  /** Sent as `workspaceFolders` with initialize (file: URIs). */
  workspaceFolders?: { uri: string; name: string }[];
  /** The server script to run over stdio (default: this repository's bin/reglint-language-server.js). */
  serverBin?: string;
}

export class LspSession {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logMessages: string[] = [];
  readonly protocolErrors: unknown[] = [];
  stderr = '';
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly waiters = new Set<() => void>();
  private exited = false;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    options: SessionOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: SessionOptions = {}): Promise<LspSession> {
    const ipc = options.transport === 'ipc';
    const child = ipc
      ? fork(SERVER_BUNDLE, ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
      : spawn(process.execPath, [options.serverBin ?? SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = ipc
      ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection, options);
    child.stderr!.on('data', chunk => (session.stderr += String(chunk)));
    child.on('exit', () => {
      session.exited = true;
      session.notify();
    });
    connection.onError(error => session.protocolErrors.push(error));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      session.diagnostics.push(params);
      session.notify();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      session.logMessages.push(params.message);
      session.notify();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map(item => (item.section === 'reglint' ? session.settings : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();

    const pull = options.pullConfiguration ?? true;
    session.initializeResult = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      ...(options.workspaceFolders ? { workspaceFolders: options.workspaceFolders } : {}),
      capabilities: {
        workspace: { configuration: pull, didChangeConfiguration: { dynamicRegistration: pull }, ...options.capabilities?.workspace },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, ...options.capabilities?.textDocument },
      },
    })) as InitializeResult;
    await connection.sendNotification('initialized', {});
    return session;
  }

  get isRunning(): boolean {
    return !this.exited;
  }

  async open(uri: string, text: string, version = 1, languageId = 'typescript'): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (full-document change). */
  async replace(uri: string, version: number, text: string): Promise<void> {
    await this.change(uri, version, [{ text }]);
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /**
   * Sends several notifications in a single write to the server's stdin, so they arrive
   * together however busy the machine is (separate writes may be spread out in time).
   */
  sendNotificationsAtOnce(notifications: { method: string; params: unknown }[]): void {
    const stdin = this.process.stdin;
    if (!stdin) throw new Error('sendNotificationsAtOnce needs the stdio transport');
    const frames = notifications.map(({ method, params }) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method, params }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    stdin.write(Buffer.concat(frames));
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Changes what workspace/configuration answers and tells the server (as VS Code does). */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    const pushed = { reglint: settings };
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: pushed });
  }

  /** Resolves with the first diagnostics for `uri` (already received or coming) that satisfy `accept`. */
  waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
    from = 0,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.diagnostics.slice(from).find(p => p.uri === uri && accept(p)), timeoutMs, `diagnostics for ${uri}`);
  }

  /** Diagnostics for `uri` at exactly `version`. */
  waitForVersion(uri: string, version: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, p => p.version === version, timeoutMs);
  }

  waitForLog(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    return this.waitFor(() => this.logMessages.find(m => pattern.test(m)), timeoutMs, `a log message matching ${pattern}`);
  }

  async dispose(): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), 2_000, 'shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // the server is unresponsive: kill it below
      }
    }
    this.connection.dispose();
    if (!this.exited) {
      await withTimeout(new Promise<void>(resolve => this.process.once('exit', () => resolve())), 2_000, 'exit').catch(
        () => this.process.kill('SIGKILL'),
      );
    }
  }

  private waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = find();
        if (found !== undefined) {
          done();
          resolve(found);
          return true;
        }
        if (this.exited) {
          done();
          reject(new Error(`server exited while waiting for ${what}; stderr:\n${this.stderr}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received: ${JSON.stringify(this.diagnostics.map(d => [d.uri, d.version, d.diagnostics.map(x => x.code)]))}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = () => void check();
      if (!check()) this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms);
    promise.then(
      value => {
        clearTimeout(timer);
        resolve(value);
      },
      error => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Sleeps; for asserting that something does *not* arrive. */
export function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
