// TypeScript fixtures that type-check against @tensorflow/tfjs's own types before fix-all
// still type-check after it: the inserted layers, wrapped applies, spread configs and
// import specifiers are all well-typed tfjs. Runs the repo's `tsc --noEmit` (typescript@6;
// ts-morph's bundled compiler has no lib files on disk) in a temp dir whose node_modules
// links to the repo's, so '@tensorflow/tfjs' resolves.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { fixAll } from '../../server/src/fixes';

const REPO = path.resolve(__dirname, '../../..');
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
/** Our own fixtures must type-check before; elsewhere only files that do are compared. */
const OWN = 'test/fixtures/fixes/';

const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: 'ES2022',
  module: 'Node16',
  moduleResolution: 'Node16',
  lib: ['ES2022', 'DOM'],
  types: [],
  skipLibCheck: true,
  esModuleInterop: true,
};

/**
 * `tsc --noEmit` over `files` under `root`: the error lines per file (relative path).
 * tsc stops before type checking when any file has a syntax error, so files with syntax
 * errors are set aside (keeping those errors) and the rest checked again.
 */
function typeErrors(root: string, files: string[]): Map<string, string[]> {
  const errors = runTsc(root, files);
  const unparsable = files.filter((f) => errors.get(f)!.some((line) => / error TS1\d{3}:/.test(line)));
  if (unparsable.length === 0) return errors;
  const rest = runTsc(root, files.filter((f) => !unparsable.includes(f)));
  for (const f of unparsable) rest.set(f, errors.get(f)!);
  return rest;
}

function runTsc(root: string, files: string[]): Map<string, string[]> {
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files }));
  // tsc reports paths relative to its working directory.
  const run = spawnSync(process.execPath, [TSC, '-p', '.', '--pretty', 'false'], { cwd: root, encoding: 'utf8' });
  if (run.error) throw run.error;
  const errors = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const line of run.stdout.split(/\r?\n/)) {
    const match = /^(.+?)\(\d+,\d+\): error /.exec(line);
    if (!match) continue;
    const file = match[1].split(path.sep).join('/');
    if (!errors.has(file)) throw new Error(`tsc reported an error outside the checked files: ${line}`);
    errors.get(file)!.push(line);
  }
  if (run.status !== 0 && [...errors.values()].every((e) => e.length === 0)) {
    throw new Error(`tsc failed without file errors:\n${run.stdout}${run.stderr}`);
  }
  return errors;
}

describe('fixes: TypeScript still type-checks after fix-all', function () {
  this.timeout(120_000);
  let root: string;
  const sources = globSync(['test/fixtures/**/*.ts', 'examples/**/*.ts', 'test/corpus/**/*.ts'], { cwd: REPO })
    .filter((f) => !f.endsWith('.d.ts'))
    .sort();

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'reglint-typecheck-'));
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(root, 'package.json'), '{"type": "commonjs"}\n');
    for (const file of sources) {
      const text = fs.readFileSync(path.join(REPO, file), 'utf8');
      for (const [dir, content] of [['before', text], ['after', fixAll(text, file).output]]) {
        const target = path.join(root, dir, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
      }
    }
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('the fixtures type-check before, and every file that did still does after', () => {
    const beforeErrors = typeErrors(path.join(root, 'before'), sources);
    const ownBroken = sources.filter((f) => f.startsWith(OWN) && beforeErrors.get(f)!.length > 0);
    assert.deepEqual(ownBroken.flatMap((f) => beforeErrors.get(f)!), [], 'our fixtures must type-check as written');
    const clean = sources.filter((f) => beforeErrors.get(f)!.length === 0);
    assert.ok(clean.filter((f) => f.startsWith(OWN)).length >= 5, 'too few TypeScript fixtures');
    assert.ok(clean.length >= 15, `only ${clean.length} files type-check before: is the check still running?`);
    const afterErrors = typeErrors(path.join(root, 'after'), clean);
    assert.deepEqual(clean.flatMap((f) => afterErrors.get(f) ?? []), []);
  });

  it('fix-all changed most of the compared files (the check is not vacuous)', () => {
    const changed = sources.filter((f) => fs.readFileSync(path.join(root, 'before', f), 'utf8') !== fs.readFileSync(path.join(root, 'after', f), 'utf8'));
    assert.ok(changed.length >= sources.length / 2, `only ${changed.length} of ${sources.length} changed`);
  });
});
