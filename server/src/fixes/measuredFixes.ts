// Quick fixes in the order a fresh sanity-train measured them: when the what-if trained
// the remedies on the user's data, the fixes for an unregularized layer follow that
// ranking (the best measured one preferred, at the strength that was measured) and say in
// their title what was measured. Fixes that were not measured keep their usual order after.
import type { ModelGraph } from '../analysis/modelGraph';
import type { Finding } from '../rules/rule';
import { fixesFor } from './registry';
import { resolveFixSettings, type Fix, type FixSettings, type RegularizationFix } from './types';

/** One remedy's measured effect, as the what-if reports it. */
export interface MeasuredRemedy {
  kind: RegularizationFix;
  /** Dropout rate or L2 factor it was measured at. */
  strength?: number;
  /** 1 = lowest final validation loss. */
  rank: number;
  claim: 'better' | 'worse' | 'none';
  /** Relative change of the final validation loss: mean and sd over the seeds. */
  valLossChange: number;
  valLossChangeSd: number;
  seeds: number;
}

const pct = (x: number) => `${Math.round(Math.abs(100 * x))}%`;

export function measuredText(m: MeasuredRemedy, of: number): string {
  const change = `${m.valLossChange < 0 ? '−' : '+'}${pct(m.valLossChange)} ± ${pct(m.valLossChangeSd)}`;
  return `measured on your data: val loss ${change} over ${m.seeds} seeds${m.claim === 'none' ? ', no clear change' : ''}; ${ordinal(m.rank)} of ${of}`;
}

function ordinal(n: number): string {
  return n === 1 ? 'best' : `${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
}

function withStrength(settings: FixSettings, m: MeasuredRemedy): FixSettings {
  if (m.strength === undefined) return settings;
  if (m.kind === 'dropout') return { ...settings, denseDropoutRate: m.strength };
  if (m.kind === 'rnnDropout') return { ...settings, recurrentDropout: m.strength };
  if (m.kind === 'l2') return { ...settings, l2: m.strength };
  return settings;
}

export function measuredFixesFor(text: string, graph: ModelGraph, finding: Finding, settings: Partial<FixSettings>, measured: readonly MeasuredRemedy[]): Fix[] {
  const base = resolveFixSettings(settings);
  const ranked = [...measured].sort((a, b) => a.rank - b.rank);
  const out: Fix[] = [];
  const seen = new Set<string>();
  for (const m of ranked) {
    const fix = fixesFor(text, graph, finding, withStrength(base, m)).find((f) => f.remedy === m.kind);
    const key = fix && JSON.stringify(fix.edits);
    if (!fix || seen.has(key!)) continue;
    seen.add(key!);
    out.push({ ...fix, title: `${fix.title} (${measuredText(m, ranked.length)})`, isPreferred: out.length === 0 });
  }
  for (const fix of fixesFor(text, graph, finding, base)) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...fix, isPreferred: out.length === 0 });
  }
  return out;
}
