// Chooses and prepares the tfjs backend for training: WASM by default (4-10x faster
// than pure-JS CPU here), CPU when WASM cannot load. A failed WASM init does not fall
// back by itself (setBackend resolves false and every op then throws), so we do it.
import * as fs from 'fs';
import * as path from 'path';
import type { Tf } from './tf';
import { installTrainingKernels } from './kernels';

export type BackendName = 'wasm' | 'cpu';

export interface BackendOptions {
  /** Preferred backend; default 'wasm'. */
  prefer?: BackendName;
  /** Directory holding the tfjs-backend-wasm*.wasm files (e.g. the bundle's dist/). */
  wasmDir?: string;
}

export interface BackendInfo {
  name: BackendName;
  /** Why the preferred backend was not used, when it was not. */
  fallbackReason?: string;
}

const WASM_FILE = 'tfjs-backend-wasm.wasm';

/** Where the .wasm files are: the override, next to this file (bundle), or node_modules. */
export function resolveWasmDir(override?: string): string | undefined {
  const candidates: string[] = [];
  if (override) candidates.push(override);
  candidates.push(__dirname);
  try {
    candidates.push(path.dirname(require.resolve(`@tensorflow/tfjs-backend-wasm/dist/${WASM_FILE}`)));
  } catch {
    // not resolvable from here (bundled): the other candidates remain
  }
  return candidates.find((d) => fs.existsSync(path.join(d, WASM_FILE)));
}

export async function initBackend(tf: Tf, opts: BackendOptions = {}): Promise<BackendInfo> {
  tf.enableProdMode();
  const prefer = opts.prefer ?? 'wasm';
  let fallbackReason: string | undefined;
  if (prefer === 'wasm') {
    try {
      if (tf.getBackend() !== 'wasm' || !tf.findBackend('wasm')) await setUpWasm(tf, opts.wasmDir);
      installTrainingKernels(tf, 'wasm');
      return { name: 'wasm' };
    } catch (e) {
      fallbackReason = `WASM backend unavailable: ${(e as Error).message}`;
    }
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('neither the WASM nor the CPU backend could be initialised');
  installTrainingKernels(tf, 'cpu');
  return { name: 'cpu', fallbackReason };
}

async function setUpWasm(tf: Tf, wasmDir?: string): Promise<void> {
  const dir = resolveWasmDir(wasmDir);
  if (!dir) throw new Error(`cannot find ${WASM_FILE}${wasmDir ? ` in ${wasmDir}` : ''}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
  // Trailing separator required: tfjs concatenates prefix + file name.
  wasm.setWasmPaths(dir.endsWith(path.sep) ? dir : dir + path.sep);
  if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") failed');
  await tf.ready();
}
