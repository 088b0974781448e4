// Baseline process for the CLI throughput benchmark: finds the same files the CLI finds,
// reads each and parses it with a bare ts.createSourceFile, nothing else.
// `node out/bench/parseFiles.js <dir> [--no-jsdoc]`: --no-jsdoc parses as the analyzer does
// (server/src/analysis/parse.ts: JSDoc comments not parsed), for reference.
import { readFileSync } from 'node:fs';
import { ts } from 'ts-morph';
import { PARSE_OPTIONS } from '../server/src/analysis/parse';
import { findFiles } from '../server/src/cli/findFiles';

async function main(): Promise<void> {
  const files = await findFiles([process.argv[2]!], process.cwd());
  const options = process.argv.includes('--no-jsdoc') ? PARSE_OPTIONS : ts.ScriptTarget.Latest;
  let statements = 0;
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), options, false, ts.ScriptKind.TS);
    statements += source.statements.length;
  }
  process.stdout.write(`${files.length} files, ${statements} statements\n`);
}

void main();
