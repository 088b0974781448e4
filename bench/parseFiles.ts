// Baseline process for the CLI throughput benchmark: finds the same files the CLI finds,
// reads each and parses it with ts.createSourceFile (as the analyzer parses), nothing else.
// `node out/bench/parseFiles.js <dir>`.
import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { ts } from 'ts-morph';

async function main(): Promise<void> {
  const files = (await glob('**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}', { cwd: process.argv[2]!, absolute: true, ignore: ['**/node_modules/**'] })).sort();
  let statements = 0;
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    statements += source.statements.length;
  }
  process.stdout.write(`${files.length} files, ${statements} statements\n`);
}

void main();
