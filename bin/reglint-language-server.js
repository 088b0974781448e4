#!/usr/bin/env node
// The reglint language server for any LSP client: `reglint-language-server --stdio`
// (stdio is also the default when no transport flag is given).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'server.js');
if (!fs.existsSync(bundle)) {
  // stderr only: stdout belongs to the protocol.
  process.stderr.write('reglint-language-server: dist/server.js is missing. Run `npm run build` first.\n');
  process.exit(2);
}
require(bundle);
