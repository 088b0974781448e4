// The remedies the what-if measures: the quick fixes reglint offers for the model's
// unregularized layers (dropout or L2 after dense layers, batch norm or L2 on convs,
// dropout or L2 on RNNs), each at the strength the workspace's settings give and at a
// weaker/stronger one, so the ranking says which fix and how much. In budget order: the
// fixes as configured first (what "Fix all" would apply), then the other strengths.
import { DEFAULT_FIX_SETTINGS } from '../fixes/types';
import type { ModelSpec } from './modelSpec';
import { applyWhatIf, unregularizedLayers, type WhatIfSettings } from './whatIf';

export type RemedyKind = 'dropout' | 'l2' | 'batchNormalization' | 'rnnDropout';

export interface Remedy {
  /** Stable id, e.g. "dropout-0.5", "l2-0.0001", "batchNormalization". */
  id: string;
  kind: RemedyKind;
  /** Dropout rate or L2 factor. */
  strength?: number;
  /** What applyWhatIf needs to build it. */
  settings: WhatIfSettings;
  /** Human description, e.g. "dropout(0.5) after dense_1, dense_2". */
  description: string;
  /** True for the fix the quick fixes apply as configured (the preferred one before any measurement). */
  configured: boolean;
}

/** Extra strengths tried besides the configured ones. */
export const DROPOUT_RATES = [0.2, 0.5];
export const L2_FACTORS = [1e-4, 1e-2];

/** The remedies for this model, configured ones first. Empty when every hidden weighted layer is regularized. */
export function remedyCandidates(spec: ModelSpec, configured: WhatIfSettings = {}): Remedy[] {
  const targets = unregularizedLayers(spec);
  if (targets.length === 0) return [];
  const kinds = new Set(targets.map((i) => weightedKind(spec, i)));
  const rate = configured.dropoutRate ?? DEFAULT_FIX_SETTINGS.denseDropoutRate;
  const factor = configured.l2 ?? DEFAULT_FIX_SETTINGS.l2;
  const rnn = configured.rnnDropout ?? DEFAULT_FIX_SETTINGS.recurrentDropout;
  const convFix = configured.convFix ?? 'l2';
  const out: Remedy[] = [];
  const add = (kind: RemedyKind, settings: WhatIfSettings, strength: number | undefined, isConfigured: boolean) => {
    const id = strength === undefined ? kind : `${kind}-${strength}`;
    if (out.some((r) => r.id === id)) return;
    const full: WhatIfSettings = { ...configured, ...settings };
    const changes = applyWhatIf(spec, full).changes;
    if (changes.length === 0) return;
    out.push({ id, kind, strength, settings: full, description: changes.map((c) => c.description).join(', '), configured: isConfigured });
  };
  // One remedy family per kind of layer the fixes touch; other layers keep their configured fix.
  const dropoutLike = kinds.has('dense') ? 'dropout' : kinds.has('recurrent') ? 'rnnDropout' : undefined;
  const asConfigured = (): void => {
    if (dropoutLike === 'dropout') add('dropout', { denseFix: 'dropout', dropoutRate: rate }, rate, true);
    if (dropoutLike === 'rnnDropout') add('rnnDropout', { recurrentFix: 'dropout', rnnDropout: rnn }, rnn, true);
    if (kinds.has('conv') && !dropoutLike) {
      if (convFix === 'batchNormalization') add('batchNormalization', { convFix }, undefined, true);
      else add('l2', { convFix: 'l2', l2: factor }, factor, true);
    }
  };
  asConfigured();
  add('l2', { denseFix: 'l2', recurrentFix: 'l2', convFix: 'l2', l2: factor }, factor, !dropoutLike && !kinds.has('conv'));
  if (kinds.has('conv')) add('batchNormalization', { convFix: 'batchNormalization' }, undefined, false);
  if (dropoutLike === 'dropout') for (const r of DROPOUT_RATES) add('dropout', { denseFix: 'dropout', dropoutRate: r }, r, false);
  if (dropoutLike === 'rnnDropout') for (const r of DROPOUT_RATES) add('rnnDropout', { recurrentFix: 'dropout', rnnDropout: r }, r, false);
  for (const f of L2_FACTORS) add('l2', { denseFix: 'l2', recurrentFix: 'l2', convFix: 'l2', l2: f }, f, false);
  return out;
}

function weightedKind(spec: ModelSpec, i: number): string {
  const l = spec.layers[i];
  const inner = l.config.layer;
  if (l.layerKind === 'wrapper' && inner && typeof inner === 'object' && !Array.isArray(inner) && inner.kind === 'layer') return inner.layerKind;
  return l.layerKind;
}

/** The model with the remedy applied. */
export function applyRemedy(spec: ModelSpec, remedy: Remedy): ModelSpec {
  return applyWhatIf(spec, remedy.settings).spec;
}
