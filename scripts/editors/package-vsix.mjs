#!/usr/bin/env node
// Packages the extension the way users get it (`vsce package`, honouring package.json's
// `files`, the npm package's list too) and checks the .vsix: the bundles, the WASM binaries,
// everything the manifest points to, every documentation page a diagnostic links to, and
// nothing that should not ship. Used by the E2E test and the playground; prints the
// path of the .vsix as its last line.
//
//   node scripts/editors/package-vsix.mjs [--out <file.vsix>]   (after `npm run build`)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, VSIX_DIR, distIsBuilt } from './paths.mjs';

const MAX_VSIX_BYTES = 40 * 1024 * 1024;

/** Builds the .vsix (dist/ must be built) and returns its path and entries. */
export async function packageVsix({ out, quiet = false } = {}) {
  if (!distIsBuilt()) throw new Error('dist/ is not built: run `npm run build` first.');
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const vsix = out ?? join(VSIX_DIR, `${manifest.name}-${manifest.version}.vsix`);
  mkdirSync(join(vsix, '..'), { recursive: true });

  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!existsSync(vsce)) throw new Error('@vscode/vsce is not installed: run `npm ci`.');
  // The bundles already contain the dependencies (esbuild), so no `npm list` of them.
  const args = [vsce, 'package', '--no-dependencies', '--out', vsix];
  const hasLicense = readdirSync(REPO_ROOT).some(name => /^licen[cs]e(\.|$)/i.test(name));
  if (!hasLicense) {
    // vsce would stop and ask; say it here instead.
    args.push('--skip-license');
    if (!quiet) console.warn('[vsix] note: no LICENSE file in the repository; packaging with --skip-license');
  }
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  if (result.status !== 0) {
    throw new Error(`vsce package failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${result.stdout}${result.stderr}`);
  }
  const entries = await listZip(vsix);
  const problems = checkContents(entries, manifest, statSync(vsix).size);
  if (problems.length > 0) {
    throw new Error(`the .vsix is not what users should get:\n  ${problems.join('\n  ')}\n(${entries.length} files: ${entries.slice(0, 40).join(', ')})`);
  }
  if (!quiet) {
    console.log(`[vsix] ${relative(REPO_ROOT, vsix)}: ${(statSync(vsix).size / 1024 / 1024).toFixed(1)} MB, ${entries.length} files, packaged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { vsix, entries };
}

function checkContents(entries, manifest, size) {
  const files = new Set(entries.filter(e => e.startsWith('extension/')).map(e => e.slice('extension/'.length)));
  const problems = [];
  const need = (path, why) => {
    const normal = path.replace(/^\.\//, '');
    if (!files.has(normal)) problems.push(`missing ${normal} (${why})`);
  };
  need('package.json', 'the manifest');
  need(manifest.main ?? 'dist/extension.js', 'package.json "main"');
  need('dist/server.js', 'the language server');
  const dist = join(REPO_ROOT, 'dist');
  for (const name of readdirSync(dist)) {
    if (name.endsWith('.wasm')) need(`dist/${name}`, 'tfjs WASM backend binary');
    if (name === 'trainWorker.js') need('dist/trainWorker.js', 'the sanity-train worker');
  }
  const contributes = manifest.contributes ?? {};
  for (const grammar of contributes.grammars ?? []) need(grammar.path, 'contributes.grammars');
  for (const language of contributes.languages ?? []) {
    if (language.configuration) need(language.configuration, 'contributes.languages');
  }
  for (const validation of contributes.jsonValidation ?? []) {
    if (validation.url && !/^https?:/.test(validation.url)) need(validation.url, 'contributes.jsonValidation');
  }
  for (const snippet of contributes.snippets ?? []) need(snippet.path, 'contributes.snippets');
  if (manifest.icon) need(manifest.icon, 'package.json "icon"');
  need('dist/ts-morph.js', 'TypeScript, shared by the bundles');
  // The rule pages the extension opens from a diagnostic's link (client/src/ruleDocs.ts).
  for (const page of linkedDocPaths()) need(page, 'a documentation page diagnostics link to');
  for (const file of files) {
    if (/^server\/src\/rules\/[^/]+\/README\.md$/.test(file)) continue; // the rule pages, kept beside their rules
    if (/^(node_modules|\.cache|test|test-artifacts|out|server\/src|client\/src|bench)\//.test(file) || file.endsWith('.map')) {
      problems.push(`ships ${file} (should be left out of package.json "files")`);
      break;
    }
  }
  if (size > MAX_VSIX_BYTES) problems.push(`${(size / 1024 / 1024).toFixed(1)} MB is over ${MAX_VSIX_BYTES / 1024 / 1024} MB`);
  return problems;
}

/** The pages reglint links to (server/src/docs/docLinks.ts, compiled by `npm run compile`). */
function linkedDocPaths() {
  const compiled = join(REPO_ROOT, 'out', 'server', 'src', 'docs', 'docLinks.js');
  if (!existsSync(compiled)) throw new Error('out/ is not compiled: run `npm run compile` first.');
  return createRequire(import.meta.url)(compiled).linkedDocPaths();
}

/** Entry names of a zip file, read with yauzl (a dependency of vsce). */
async function listZip(file) {
  const require = createRequire(join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'package.json'));
  const yauzl = require('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names = [];
      zip.on('entry', entry => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outIndex = process.argv.indexOf('--out');
  packageVsix({ out: outIndex > 0 ? process.argv[outIndex + 1] : undefined }).then(
    ({ vsix }) => console.log(vsix),
    error => {
      console.error(`[vsix] ${error.message}`);
      process.exit(1);
    },
  );
}
