// Entry point of dist/server.js. The transport comes from the command line:
// `--node-ipc` when VS Code's client forks it, `--stdio` (the default when no transport
// flag is given) or `--socket=<port>` from other editors.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './logger';
import { startServer } from './server';

const TRANSPORT_FLAGS = ['--node-ipc', '--stdio', '--socket', '--pipe'];
if (!process.argv.some(arg => TRANSPORT_FLAGS.some(flag => arg === flag || arg.startsWith(`${flag}=`)))) {
  process.argv.push('--stdio');
}

// In stdio mode createConnection redirects console.* to the connection, so nothing but
// protocol messages reaches stdout.
const connection = createConnection(ProposedFeatures.all);

// Last line of defence: log and keep serving rather than drop the editor's diagnostics.
process.on('uncaughtException', error => connection.console.error(`Uncaught exception:\n${describeError(error)}`));
process.on('unhandledRejection', reason => connection.console.error(`Unhandled rejection:\n${describeError(reason)}`));

startServer(connection);
