#!/usr/bin/env node
// The `reglint` command: a thin shell around the bundled CLI (dist/cli.js).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('reglint: dist/cli.js is missing. Run `npm run build` first.\n');
  process.exit(2);
}

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
};

require(bundle)
  .runCli(process.argv.slice(2), io)
  .then(
    code => {
      process.exitCode = code;
    },
    error => {
      process.stderr.write(`reglint: internal error: ${(error && error.stack) || error}\n`);
      process.exitCode = 2;
    },
  );
