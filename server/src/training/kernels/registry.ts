// Thin typed access to tfjs's kernel registry.
import type { Tf } from '../tf';
import type { KernelConfig } from './kernelTypes';

export function getKernel(tf: Tf, name: string, backend: string): KernelConfig | undefined {
  return (tf.getKernel(name, backend) as unknown as KernelConfig | undefined) ?? undefined;
}

const originals = new Map<string, KernelConfig>();

/** The kernel tfjs shipped before we replaced it (for tests and fallbacks). */
export function originalKernel(name: string, backend: string): KernelConfig | undefined {
  return originals.get(`${backend}/${name}`);
}

/** Registers `config`, replacing a kernel of the same name on that backend. */
export function replaceKernel(tf: Tf, config: KernelConfig): void {
  const old = getKernel(tf, config.kernelName, config.backendName);
  if (old) {
    const key = `${config.backendName}/${config.kernelName}`;
    if (!isOurs(old) && !originals.has(key)) originals.set(key, old);
    tf.unregisterKernel(config.kernelName, config.backendName);
  }
  tf.registerKernel(config as unknown as Parameters<Tf['registerKernel']>[0]);
}

/** Marks kernels we installed, so a second install does not wrap a wrapper. */
export const OURS = Symbol.for('reglint.kernel');
export function isOurs(k: KernelConfig | undefined): boolean {
  return !!k && (k as unknown as Record<symbol, unknown>)[OURS] === true;
}
export function markOurs<T extends KernelConfig>(k: T): T {
  (k as unknown as Record<symbol, unknown>)[OURS] = true;
  return k;
}

/**
 * Replaces kernel `name` on `backendName` with `make`'s, which may fall back on the
 * existing one; does nothing when ours is already there or `make` cannot build one.
 */
export function installWrapping(
  tf: Tf, name: string, backendName: string,
  make: (tf: Tf, backendName: string, fallback?: KernelConfig) => KernelConfig | undefined,
): void {
  const existing = getKernel(tf, name, backendName);
  if (isOurs(existing)) return;
  const k = make(tf, backendName, existing);
  if (k) replaceKernel(tf, k);
}
