// Seeded randomness. tfjs draws weight inits, dropout masks and fit()'s shuffle from
// Math.random when no seed is given, so inside a training job we swap Math.random for
// a seeded generator: the whole run is then a function of the seed.

/** mulberry32: small, fast, good enough for synthetic data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  private spare: number | undefined;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  uniform(): number {
    return this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** A random permutation of 0..n-1 (Fisher-Yates, drawing int(i + 1) for i = n-1 down to 1). */
  permutation(n: number): number[] {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    return perm;
  }
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

/** Derives independent sub-seeds (data, init, shuffle) from one user seed. */
export function subSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream + 1, 0xc2b2ae35)) >>> 0;
}

/** Runs `f` with Math.random replaced by a seeded generator; restores it afterwards. */
export async function withSeededMathRandom<T>(seed: number, f: () => Promise<T>): Promise<T> {
  const saved = Math.random;
  Math.random = mulberry32(seed);
  try {
    return await f();
  } finally {
    Math.random = saved;
  }
}
