// workspace/executeCommand: a connection takes one handler, so every server command
// registers here and this dispatches by id. `ids()` is what the server advertises in
// `executeCommandProvider.commands` (VS Code's client turns each into a VS Code command,
// so the ids must differ from the commands the extension registers itself).
import { ErrorCodes, ResponseError, type Connection, type ExecuteCommandParams } from 'vscode-languageserver';
import { describeError, type Logger } from './logger';

export type CommandHandler = (args: unknown[]) => unknown;

export class ServerCommands {
  private readonly handlers = new Map<string, CommandHandler>();

  constructor(private readonly logger: Logger) {}

  register(id: string, handler: CommandHandler): void {
    if (this.handlers.has(id)) throw new Error(`Server command ${id} registered twice.`);
    this.handlers.set(id, handler);
  }

  ids(): string[] {
    return [...this.handlers.keys()];
  }

  listen(connection: Connection): void {
    connection.onExecuteCommand(params => this.execute(params));
  }

  async execute({ command, arguments: args }: ExecuteCommandParams): Promise<unknown> {
    const handler = this.handlers.get(command);
    if (!handler) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${command}.`);
    try {
      return (await handler(args ?? [])) ?? null;
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      this.logger.error(`Command ${command} failed:\n${describeError(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, `${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
