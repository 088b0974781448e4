// Bundles reglint for shipping (`npm run build`; `npm pack` runs it as `prepack`):
//   dist/extension.js    VS Code client (`vscode` is provided by the editor)
//   dist/server.js       language server (also bin/reglint-language-server.js)
//   dist/cli.js          command line (bin/reglint.js)
//   dist/lintWorker.js   the CLI's lint worker threads
//   dist/eslint-plugin.js  the ESLint plugin (`reglint/eslint-plugin`), with its types
//                        dist/eslint-plugin.d.ts
//   dist/trainWorker.js  trainer worker, when server/src/training/worker.ts exists
//   dist/ts-morph.js     ts-morph and its TypeScript, which every bundle but the client
//                        uses: one shared copy (7 MB) rather than one per bundle
//   dist/*.wasm          tfjs WASM backend binaries, loaded at run time by the trainer
// Minified, with source maps in separate files (not shipped). `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/src/extension.ts', out: 'extension' },
  { in: 'server/src/lsp/main.ts', out: 'server' },
  { in: 'server/src/cli/main.ts', out: 'cli' },
  // CLI lint worker threads (server/src/cli/lintPool.ts): analysis and rules only, quick to start.
  { in: 'server/src/cli/lintWorker.ts', out: 'lintWorker' },
  { in: 'server/src/eslint/plugin.ts', out: 'eslint-plugin' },
];
if (existsSync(join(root, 'server/src/training/worker.ts'))) {
  entries.push({ in: 'server/src/training/worker.ts', out: 'trainWorker' });
}

/** `ts-morph` in every bundle resolves to the shared dist/ts-morph.js beside it. */
const sharedTsMorph = {
  name: 'shared-ts-morph',
  setup(build) {
    build.onResolve({ filter: /^ts-morph$/ }, () => ({ path: './ts-morph.js', external: true }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: entries,
  outdir: dist,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  // Separate .map files (kept out of the vsix), linked so `node --enable-source-maps` finds them.
  sourcemap: 'linked',
  external: ['vscode'],
  plugins: [sharedTsMorph],
  // jsonc-parser's `main` is a UMD build whose require('./impl/...') calls esbuild cannot
  // follow; its ESM build bundles cleanly (the config loader, server/src/config/).
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // ESM dependencies (fdir, via tinyglobby) call createRequire(import.meta.url), which is
  // undefined in a CommonJS bundle: give them this file's URL.
  define: { 'import.meta.url': '__reglintImportMetaUrl' },
  banner: { js: 'var __reglintImportMetaUrl=require("url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
};

/** @type {import('esbuild').BuildOptions} */
const tsMorphOptions = {
  absWorkingDir: root,
  entryPoints: [{ in: createRequire(import.meta.url).resolve('ts-morph'), out: 'ts-morph' }],
  outdir: dist,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  logLevel: 'warning',
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
copyWasm();
copyFileSync(join(root, 'server/src/eslint/eslint-plugin.d.ts'), join(dist, 'eslint-plugin.d.ts'));

const started = Date.now();
await esbuild.build(tsMorphOptions);
if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('esbuild: watching for changes…');
} else {
  await esbuild.build(options);
  console.log(`built ${entries.map(e => `dist/${e.out}.js`).join(', ')} and dist/ts-morph.js in ${Date.now() - started} ms`);
}

function copyWasm() {
  const wasmDir = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
  if (!existsSync(wasmDir)) return;
  for (const file of readdirSync(wasmDir)) {
    if (file.endsWith('.wasm')) copyFileSync(join(wasmDir, file), join(dist, file));
  }
}
