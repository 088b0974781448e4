// Where the server's own messages go. In stdio mode stdout carries the protocol, so
// every message is sent over the connection (window/logMessage) instead: the client
// shows it in its output channel ("Reglint" in VS Code).
import type { Connection } from 'vscode-languageserver';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function connectionLogger(connection: Connection): Logger {
  return {
    info: message => connection.console.info(message),
    warn: message => connection.console.warn(message),
    error: message => connection.console.error(message),
  };
}

/** The message and, when there is one, the stack of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
