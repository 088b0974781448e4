// Dimension arithmetic that keeps tfjs's `null` (open size) and our 'unknown' apart:
// unknown wins over everything (we cannot tell what tfjs would print), then null.
import { UNKNOWN, type Dim, type ParamCount, type Shape } from './types';

/** Apply `f` to a known size; null and unknown pass through. */
export function mapDim(d: Dim, f: (n: number) => number): Dim {
  if (d === UNKNOWN || d === null) return d;
  return f(d);
}

/** A weight count needs concrete sizes: null or unknown make it unknown. */
export function countOf(...factors: Array<Dim | ParamCount>): ParamCount {
  let n = 1;
  for (const f of factors) {
    if (typeof f !== 'number') return UNKNOWN;
    n *= f;
  }
  return n;
}

export function sumCounts(...terms: ParamCount[]): ParamCount {
  let n = 0;
  for (const t of terms) {
    if (t === UNKNOWN) return UNKNOWN;
    n += t;
  }
  return n;
}

/** tfjs conv_utils.convOutputLength: anything but 'same' uses the 'valid' formula (even 'causal'). */
export function convOutputLength(length: Dim, kernel: number, padding: string, stride: number, dilation = 1): Dim {
  return mapDim(length, (n) => {
    const dilatedKernel = kernel + (kernel - 1) * (dilation - 1);
    const out = padding === 'same' ? n : n - dilatedKernel + 1;
    return Math.floor((out + stride - 1) / stride);
  });
}

/** tfjs conv_utils.deconvLength (transposed convolutions). */
export function deconvLength(length: Dim, stride: number, kernel: number, padding: string): Dim {
  return mapDim(length, (n) => (padding === 'valid' ? n * stride + Math.max(kernel - stride, 0) : n * stride));
}

/** Shape with a known rank, or undefined (unknown shape, or another rank than expected). */
export function withRank(shape: Shape, rank?: number): Dim[] | undefined {
  if (shape === UNKNOWN) return undefined;
  if (rank !== undefined && shape.length !== rank) return undefined;
  return shape;
}

/** Resolve a possibly negative axis against a rank; undefined when out of range. */
export function normalizeAxis(axis: number, rank: number): number | undefined {
  const a = axis < 0 ? axis + rank : axis;
  return Number.isInteger(a) && a >= 0 && a < rank ? a : undefined;
}

/** What holds under either of two alternatives: equal dims stay, differing ones become unknown. */
export function joinShapes(a: Shape, b: Shape): Shape {
  if (a === UNKNOWN || b === UNKNOWN || a.length !== b.length) return UNKNOWN;
  return a.map((d, i) => (d === b[i] ? d : UNKNOWN));
}
