// The what-if: the model with reglint's quick fixes applied, inserted exactly as the
// fixes will write them (DESIGN.md section 3), so the numbers describe the real fix.
import { DEFAULT_FIX_SETTINGS } from '../fixes/types';
import { BATCH_NORM, DROPOUT_FAMILY, isJudgedWeightedFactory, primaryRegularizerKeys } from '../rules/layerFacts';
import { l2, layer, type LayerSpec, type ModelSpec, type SpecValue } from './modelSpec';

export interface WhatIfSettings {
  /** Dropout rate inserted after hidden dense layers (default 0.5). */
  dropoutRate?: number;
  /** L2 factor for kernel regularizers (default 1e-4). */
  l2?: number;
  /** dropout and recurrentDropout set on RNNs (default 0.2). */
  rnnDropout?: number;
  /** Conv fix: an L2 kernel regularizer (default) or a batchNormalization after. */
  convFix?: 'l2' | 'batchNormalization';
  /** Dense fix: a dropout layer after (default) or an L2 kernel regularizer (the other quick fix). */
  denseFix?: 'dropout' | 'l2';
  /** Recurrent fix: dropout/recurrentDropout (default) or L2 kernel and recurrent regularizers. */
  recurrentFix?: 'dropout' | 'l2';
}

export interface WhatIfChange {
  /** The layer that was regularized. */
  label: string;
  graphIndex?: number;
  line?: number;
  /** e.g. "dropout(0.5) after dense_1". */
  description: string;
}

export interface WhatIfResult {
  spec: ModelSpec;
  changes: WhatIfChange[];
}

const WEIGHT_REGULARIZER_KEYS = ['kernelRegularizer', 'depthwiseRegularizer', 'pointwiseRegularizer', 'recurrentRegularizer', 'activityRegularizer'];

/** The weighted layer a top-level layer stands for (the inner one for wrappers). */
function weightedOf(l: LayerSpec): LayerSpec | undefined {
  if (isJudgedWeightedFactory(l.factory)) return l;
  const inner = l.config.layer;
  if (l.layerKind === 'wrapper' && isLayerSpec(inner) && isJudgedWeightedFactory(inner.factory)) return inner;
  return undefined;
}

function isLayerSpec(v: SpecValue | undefined): v is LayerSpec {
  return !!v && typeof v === 'object' && !Array.isArray(v) && v.kind === 'layer';
}

function hasWeightRegularizer(l: LayerSpec): boolean {
  return WEIGHT_REGULARIZER_KEYS.some((k) => l.config[k] !== undefined && l.config[k] !== null);
}

function rnnDropoutOn(l: LayerSpec): boolean {
  const pos = (v: SpecValue | undefined) => typeof v === 'number' && v > 0;
  return l.layerKind === 'recurrent' && (pos(l.config.dropout) || pos(l.config.recurrentDropout));
}

/** True when a regularizing layer follows index i before the next weighted layer. */
function followedByRegularizer(layers: LayerSpec[], i: number): boolean {
  for (let j = i + 1; j < layers.length; j++) {
    const f = layers[j].factory;
    if (DROPOUT_FAMILY.has(f) || f === BATCH_NORM) return true;
    if (weightedOf(layers[j])) return false;
  }
  return false;
}

/** Indices of weighted layers that DESIGN.md's rules would report (output exempt). */
export function unregularizedLayers(spec: ModelSpec): number[] {
  const weighted = spec.layers.map((l, i) => (weightedOf(l) ? i : -1)).filter((i) => i >= 0);
  const output = weighted[weighted.length - 1];
  return weighted.filter((i) => {
    if (i === output) return false;
    const w = weightedOf(spec.layers[i])!;
    return !hasWeightRegularizer(w) && !rnnDropoutOn(w) && !followedByRegularizer(spec.layers, i);
  });
}

export function applyWhatIf(spec: ModelSpec, settings: WhatIfSettings = {}): WhatIfResult {
  const rate = settings.dropoutRate ?? DEFAULT_FIX_SETTINGS.denseDropoutRate;
  const factor = settings.l2 ?? DEFAULT_FIX_SETTINGS.l2;
  const rnn = settings.rnnDropout ?? DEFAULT_FIX_SETTINGS.recurrentDropout;
  const targets = new Set(unregularizedLayers(spec));
  const layers: LayerSpec[] = [];
  const changes: WhatIfChange[] = [];
  spec.layers.forEach((l, i) => {
    if (!targets.has(i)) return void layers.push(l);
    const w = weightedOf(l)!;
    const change = (description: string) =>
      changes.push({ label: l.label, graphIndex: l.graphIndex, line: l.line, description });
    const addL2 = (keys: readonly string[]) => {
      const config = { ...w.config };
      for (const k of keys) config[k] = l2(factor);
      layers.push(replaceWeighted(l, w, { ...w, config }));
      change(`${keys.join('/')} l2(${factor}) on ${l.label}`);
    };
    if (w.layerKind === 'dense' && settings.denseFix === 'l2') addL2(primaryRegularizerKeys(w.factory));
    else if (w.layerKind === 'recurrent' && settings.recurrentFix === 'l2') addL2(['kernelRegularizer', 'recurrentRegularizer']);
    else if (w.layerKind === 'dense') {
      layers.push(l, layer('dropout', { rate }, `dropout(${rate}) after ${l.label}`));
      change(`dropout(${rate}) after ${l.label}`);
    } else if (w.layerKind === 'conv') {
      if (settings.convFix === 'batchNormalization') {
        layers.push(l, layer('batchNormalization', {}, `batchNormalization after ${l.label}`));
        change(`batchNormalization() after ${l.label}`);
      } else addL2(primaryRegularizerKeys(w.factory));
    } else {
      layers.push(replaceWeighted(l, w, { ...w, config: { ...w.config, dropout: rnn, recurrentDropout: rnn } }));
      change(`dropout/recurrentDropout ${rnn} on ${l.label}`);
    }
  });
  return { spec: { ...spec, layers }, changes };
}

function replaceWeighted(top: LayerSpec, w: LayerSpec, replacement: LayerSpec): LayerSpec {
  return top === w ? replacement : { ...top, config: { ...top.config, layer: replacement } };
}
