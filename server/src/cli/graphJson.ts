// `reglint graph --format json`: the ModelGraph of each file in a stable, documented
// shape (README "CLI"), for scripts and for checking what the analysis saw.
import { UNKNOWN, type ConfigObject, type ConfigValue, type LayerNode, type ModelStyle } from '../analysis/modelGraph';
import type { LintedFile } from './lintFiles';

export type Presence = 'set' | 'absent' | 'unknown';

export interface GraphJsonRegularizers {
  kernel: Presence;
  bias: Presence;
  activity: Presence;
  recurrent: Presence;
  depthwise: Presence;
  pointwise: Presence;
}

export interface GraphJsonLayer {
  factory: string;
  kind: string;
  line: number;
  column: number;
  model: number | null;
  isOutput: boolean | 'unknown';
  next: string[] | 'unknown';
  regularizers: GraphJsonRegularizers;
  dropout: number | null | 'unknown';
  recurrentDropout: number | null | 'unknown';
  wrappedBy: number | null;
}

export interface GraphJsonModel {
  name: string;
  style: ModelStyle;
  line: number;
  layers: number[];
}

export interface GraphJsonFile {
  filePath: string;
  models: GraphJsonModel[];
  layers: GraphJsonLayer[];
}

export function toGraphJson(file: LintedFile): GraphJsonFile {
  const { graph, lines } = file;
  return {
    filePath: file.filePath,
    models: graph.models.map(model => ({
      name: model.name,
      style: model.style,
      line: lines.at(model.span.start).line,
      layers: [...model.layers],
    })),
    layers: graph.layers.map(layer => {
      const at = lines.at(layer.nameSpan.start);
      return {
        factory: layer.factory,
        kind: layer.kind,
        line: at.line,
        column: at.column,
        model: layer.model,
        isOutput: layer.isOutput,
        next: layer.next === UNKNOWN ? UNKNOWN : layer.next.map(i => graph.layers[i]?.factory ?? UNKNOWN),
        regularizers: {
          kernel: regularizerPresence(layer, 'kernelRegularizer'),
          bias: regularizerPresence(layer, 'biasRegularizer'),
          activity: regularizerPresence(layer, 'activityRegularizer'),
          recurrent: regularizerPresence(layer, 'recurrentRegularizer'),
          depthwise: regularizerPresence(layer, 'depthwiseRegularizer'),
          pointwise: regularizerPresence(layer, 'pointwiseRegularizer'),
        },
        dropout: rateValue(layer, 'dropout'),
        recurrentDropout: rateValue(layer, 'recurrentDropout'),
        wrappedBy: layer.wrappedBy,
      };
    }),
  };
}

export function formatGraphJson(files: readonly LintedFile[]): string {
  return `${JSON.stringify(files.map(toGraphJson))}\n`;
}

type Lookup = { found: true; value: ConfigValue } | { found: false; certain: boolean };

/** A config key's value; when missing, whether it is certainly missing (complete config). */
function lookup(layer: LayerNode, key: string): Lookup {
  if (layer.config === 'absent') return { found: false, certain: true };
  if (layer.config === UNKNOWN) return { found: false, certain: false };
  const config: ConfigObject = layer.config;
  if (Object.prototype.hasOwnProperty.call(config.props, key)) return { found: true, value: config.props[key] };
  return { found: false, certain: config.complete };
}

function regularizerPresence(layer: LayerNode, key: string): Presence {
  const entry = lookup(layer, key);
  if (!entry.found) return entry.certain ? 'absent' : 'unknown';
  const value = entry.value;
  if (value === null || value === undefined) return 'absent';
  if (value === UNKNOWN) return 'unknown';
  return 'set';
}

function rateValue(layer: LayerNode, key: string): number | null | 'unknown' {
  const entry = lookup(layer, key);
  if (!entry.found) return entry.certain ? null : UNKNOWN;
  const value = entry.value;
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : UNKNOWN;
}
