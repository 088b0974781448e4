// The what-if: the model with reglint's quick fixes applied, inserted exactly as the
// fixes will write them (DESIGN.md section 3), so the numbers describe the real fix. In a
// DAG a layer inserted after another takes over its consumers (every reader of its output
// reads the inserted layer's instead), and "follows" means on every path, as the rules
// judge it (rules/regularization.ts).
import { DEFAULT_FIX_SETTINGS } from '../fixes/types';
import { BATCH_NORM, DROPOUT_FAMILY, isJudgedWeightedFactory, primaryRegularizerKeys } from '../rules/layerFacts';
import { l2, layer, type LayerSpec, type ModelSpec, type SpecRef, type SpecValue } from './modelSpec';
import { isGraphSpec, outputsOf, readersOf, tensorKey } from './specTopology';

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
  if (isGraphSpec(spec)) return unregularizedInGraph(spec);
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
  const graph = isGraphSpec(spec);
  const layers: LayerSpec[] = [];
  const changes: WhatIfChange[] = [];
  /** Reader refs rewired to an inserted layer: old tensor key → new ref. */
  const rewired = new Map<string, SpecRef>();
  const insertAfter = (l: LayerSpec, inserted: LayerSpec) => {
    if (!graph) return void layers.push(l, inserted);
    const nodes = l.inbound?.length ?? 1;
    inserted.inbound = Array.from({ length: nodes }, (_, node) => [{ layer: l.label, node }]);
    for (let node = 0; node < nodes; node++) rewired.set(tensorKey({ layer: l.label, node }), { layer: inserted.label, node });
    layers.push(l, inserted);
  };
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
      insertAfter(l, layer('dropout', { rate }, `dropout(${rate}) after ${l.label}`));
      change(`dropout(${rate}) after ${l.label}`);
    } else if (w.layerKind === 'conv') {
      if (settings.convFix === 'batchNormalization') {
        insertAfter(l, layer('batchNormalization', {}, `batchNormalization after ${l.label}`));
        change(`batchNormalization() after ${l.label}`);
      } else addL2(primaryRegularizerKeys(w.factory));
    } else {
      layers.push(replaceWeighted(l, w, { ...w, config: { ...w.config, dropout: rnn, recurrentDropout: rnn } }));
      change(`dropout/recurrentDropout ${rnn} on ${l.label}`);
    }
  });
  if (!graph || rewired.size === 0) return { spec: { ...spec, layers }, changes };
  const inserted = new Set(layers.filter((l) => !spec.layers.includes(l)).map((l) => l.label));
  const rewire = (r: SpecRef): SpecRef => ('input' in r ? r : rewired.get(tensorKey(r)) ?? r);
  const wired = layers.map((l) => (inserted.has(l.label) || !l.inbound ? l : { ...l, inbound: l.inbound.map((args) => args.map(rewire)) }));
  return { spec: { ...spec, layers: wired, outputs: outputsOf(spec).map(rewire) }, changes };
}

/**
 * In a DAG: a weighted layer is reported when every path out of it meets another weighted
 * layer before a dropout-family layer or batch norm; a path that reaches a model output
 * through weightless layers only makes it an output (exempt); mixed paths are undecided.
 */
function unregularizedInGraph(spec: ModelSpec): number[] {
  const outputs = new Set(outputsOf(spec).map(tensorKey));
  const out: number[] = [];
  spec.layers.forEach((l, i) => {
    const w = weightedOf(l);
    if (!w || hasWeightRegularizer(w) || rnnDropoutOn(w)) return;
    const ends = new Set<'regularizing' | 'weighted' | 'output'>();
    const seen = new Set<number>();
    const walk = (from: number): void => {
      const nodes = spec.layers[from].inbound?.length ?? 1;
      for (let node = 0; node < nodes; node++) {
        const ref = { layer: spec.layers[from].label, node };
        if (outputs.has(tensorKey(ref))) ends.add('output');
        for (const reader of readersOf(spec, ref)) {
          if (seen.has(reader.layer)) continue;
          seen.add(reader.layer);
          const next = spec.layers[reader.layer];
          if (DROPOUT_FAMILY.has(next.factory) || next.factory === BATCH_NORM) ends.add('regularizing');
          else if (weightedOf(next)) ends.add('weighted');
          else walk(reader.layer);
        }
      }
    };
    walk(i);
    if (ends.size === 1 && ends.has('weighted')) out.push(i);
  });
  return out;
}

function replaceWeighted(top: LayerSpec, w: LayerSpec, replacement: LayerSpec): LayerSpec {
  return top === w ? replacement : { ...top, config: { ...top.config, layer: replacement } };
}
