// Typed reads of a layer's resolved config. A key that is surely absent (or written as
// null/undefined, which tfjs treats alike) takes tfjs's default; a value we could not
// resolve, or one tfjs would reject, reads as 'unknown'.
import { configGet } from '../analysis/configValues';
import type { ConfigValue, LayerNode } from '../analysis/modelGraph';
import { UNKNOWN, type Dim, type Unknown } from './types';

export class LayerConfig {
  constructor(private readonly config: LayerNode['config']) {}

  /** The value as resolved: undefined when surely absent, UNKNOWN when it may be set but is not known. */
  get(key: string): ConfigValue {
    return configGet(this.config, key);
  }

  /** Whether the key is set to something other than null/undefined. */
  isSet(key: string): boolean | Unknown {
    const v = this.get(key);
    return v === UNKNOWN ? UNKNOWN : v !== undefined && v !== null;
  }

  /** An integer >= min; `fallback` when unset (UNKNOWN if there is no default). */
  int(key: string, fallback?: number, min = 1): number | Unknown {
    const v = this.get(key);
    if (v === undefined || v === null) return fallback ?? UNKNOWN;
    return isInt(v, min) ? v : UNKNOWN;
  }

  string(key: string, fallback: string): string | Unknown {
    const v = this.get(key);
    if (v === undefined || v === null) return fallback;
    return typeof v === 'string' ? v : UNKNOWN;
  }

  boolean(key: string, fallback: boolean): boolean | Unknown {
    const v = this.get(key);
    if (v === undefined || v === null) return fallback;
    return typeof v === 'boolean' ? v : UNKNOWN;
  }

  /** tfjs normalizeArray: a number repeated n times, or an array of exactly n integers. */
  tuple(key: string, n: number, fallback?: number | number[], min = 1): number[] | Unknown {
    const v = this.get(key);
    if (v === undefined || v === null) return fallback === undefined ? UNKNOWN : normalizeTuple(fallback, n, min);
    return normalizeTuple(v, n, min);
  }

  /** A list of integers (any length), e.g. `dims`, `axis` lists. */
  intList(key: string, min = 0): number[] | Unknown | undefined {
    const v = this.get(key);
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || !v.every((x) => isInt(x, min))) return UNKNOWN;
    return v as number[];
  }

  /** A shape as written (`inputShape: [28, 28, 1]`): sizes, nulls, or per-element unknowns. */
  shape(key: string): Dim[] | Unknown | undefined {
    const v = this.get(key);
    if (v === undefined || v === null) return undefined;
    return toShape(v);
  }
}

export function isInt(v: ConfigValue, min = 0): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min;
}

export function normalizeTuple(v: ConfigValue, n: number, min = 1): number[] | Unknown {
  if (isInt(v, min)) return Array<number>(n).fill(v);
  if (Array.isArray(v) && v.length === n && v.every((x) => isInt(x, min))) return v as number[];
  return UNKNOWN;
}

export function toShape(v: ConfigValue): Dim[] | Unknown {
  if (!Array.isArray(v)) return UNKNOWN;
  return v.map((d): Dim => (d === null ? null : isInt(d, 0) ? d : UNKNOWN));
}
