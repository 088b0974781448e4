// The extension's view of the server's health:
// - `LeveledOutputChannel`: the Reglint output channel as the language client writes to it,
//   dropping server log lines below `reglint.logLevel` (trace lines from
//   `reglint.trace.server` always pass);
// - `CrashRestartHandler`: restarts a crashed server (up to 4 times in 3 minutes) and says
//   so clearly, with a way to the logs; after that it stops and says how to restart.
import { commands, window, type OutputChannel, type ViewColumn } from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';
export const LOG_LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
/** How vscode-languageclient prefixes the server's window/logMessage lines. */
const PREFIX_LEVEL: [RegExp, LogLevel][] = [
  [/^\[Error - /, 'error'],
  [/^\[Warn {2}- /, 'warn'],
  [/^\[Info {2}- /, 'info'],
  [/^\[Debug - /, 'debug'],
];

export function parseLogLevel(value: unknown): LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value) ? (value as LogLevel) : 'info';
}

/** Which level a line the client writes has, or undefined for other lines (traces, data). */
export function lineLevel(line: string): LogLevel | undefined {
  return PREFIX_LEVEL.find(([prefix]) => prefix.test(line))?.[1];
}

export class LeveledOutputChannel implements OutputChannel {
  /** Whether the last message line was dropped (its data line, if any, goes too). */
  private droppedLast = false;

  constructor(
    private readonly channel: OutputChannel,
    public level: LogLevel,
  ) {}

  get name(): string {
    return this.channel.name;
  }

  appendLine(value: string): void {
    const level = lineLevel(value);
    if (level !== undefined) {
      this.droppedLast = RANK[level] > RANK[this.level];
      if (this.droppedLast) return;
    } else if (this.droppedLast) {
      // the data printed under a dropped message
      this.droppedLast = false;
      return;
    }
    this.channel.appendLine(value);
  }

  append(value: string): void {
    this.droppedLast = false;
    this.channel.append(value);
  }

  replace(value: string): void {
    this.channel.replace(value);
  }

  clear(): void {
    this.channel.clear();
  }

  show(columnOrPreserveFocus?: ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') this.channel.show(columnOrPreserveFocus);
    else this.channel.show(columnOrPreserveFocus, preserveFocus);
  }

  hide(): void {
    this.channel.hide();
  }

  dispose(): void {
    // The channel itself belongs to the extension's subscriptions.
  }
}

const RESTART_WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 4;

export class CrashRestartHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(
    private readonly output: OutputChannel,
    private readonly onCrash: (restarting: boolean) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // A few broken messages are survivable; many mean the connection is gone.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    while (this.restarts.length > 0 && now - this.restarts[0]! > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      const message = `The reglint language server crashed ${MAX_RESTARTS + 1} times in 3 minutes and was not restarted again. Its log is in the Reglint output; run "Reglint: Restart Server" to try again.`;
      this.output.appendLine(`[reglint] ${message}`);
      this.onCrash(false);
      void window.showErrorMessage(message, 'Show Output', 'Restart Server').then((choice) => {
        if (choice === 'Show Output') this.output.show(true);
        if (choice === 'Restart Server') void commands.executeCommand('reglint.restartServer');
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restarts.push(now);
    const message = `The reglint language server stopped unexpectedly and was restarted (${this.restarts.length} of ${MAX_RESTARTS} restarts allowed in 3 minutes).`;
    this.output.appendLine(`[reglint] ${message}`);
    this.onCrash(true);
    void window.showWarningMessage(`${message} Details are in the Reglint output.`, 'Show Output').then((choice) => {
      if (choice === 'Show Output') this.output.show(true);
    });
    return { action: CloseAction.Restart, handled: true };
  }

  /** A deliberate restart (the command) starts the count afresh. */
  reset(): void {
    this.restarts.length = 0;
  }
}
