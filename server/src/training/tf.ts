// The tfjs namespace type. Training code takes the instance as a parameter so the
// builder mode, the worker and the tests all share one loaded copy of tfjs.
import type * as tfjs from '@tensorflow/tfjs';

export type Tf = typeof tfjs;
export type { LayersModel, Tensor, SymbolicTensor } from '@tensorflow/tfjs';

/** Loads the embedded tfjs (kept in one place so bundlers see a single require). */
export function loadTf(): Tf {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@tensorflow/tfjs') as Tf;
}
