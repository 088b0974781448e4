// Pooling 1d/2d/3d (strides default to poolSize) and global pooling. Pooling1D has no
// dataFormat in tfjs: it is always channelsLast.
import { convOutputLength } from '../dims';
import type { LayerConfig } from '../layerConfig';
import { outcome, UNKNOWN, type Dim, type RuleInput, type ShapeRule, type Unknown } from '../types';
import { dataFormatOf, layoutOf, type DataFormat } from './layout';

const DEFAULT_POOL = 2;

function poolWindow(config: LayerConfig, rank: number): { pool: number[]; strides: number[]; padding: string } | undefined {
  const pool = config.tuple('poolSize', rank, DEFAULT_POOL);
  if (pool === UNKNOWN) return undefined;
  const strides = config.tuple('strides', rank, pool);
  const padding = config.string('padding', 'valid');
  if (strides === UNKNOWN || (padding !== 'same' && padding !== 'valid')) return undefined;
  return { pool, strides, padding };
}

function poolRule(rank: number): ShapeRule {
  return ({ config, input }: RuleInput) => {
    const format: DataFormat | Unknown = rank === 1 ? 'channelsLast' : dataFormatOf(config);
    const layout = layoutOf(input, rank, format);
    if (!layout) return outcome(UNKNOWN, 0);
    const w = poolWindow(config, rank);
    const spatial = layout.spatial.map((d, i): Dim => (w ? convOutputLength(d, w.pool[i], w.padding, w.strides[i]) : UNKNOWN));
    return outcome(layout.build(spatial, layout.channels), 0);
  };
}

function globalPoolRule(rank: number): ShapeRule {
  return ({ config, input }: RuleInput) => {
    const format: DataFormat | Unknown = rank === 1 ? 'channelsLast' : dataFormatOf(config);
    const layout = layoutOf(input, rank, format);
    return outcome(layout ? [layout.batch, layout.channels] : UNKNOWN, 0);
  };
}

const pool1d = poolRule(1);
const pool2d = poolRule(2);
const pool3d = poolRule(3);
const global1d = globalPoolRule(1);
const global2d = globalPoolRule(2);

export const poolingRules: Record<string, ShapeRule> = {
  maxPooling1d: pool1d, maxPool1d: pool1d, averagePooling1d: pool1d, avgPool1d: pool1d, avgPooling1d: pool1d,
  maxPooling2d: pool2d, maxPool2d: pool2d, averagePooling2d: pool2d, avgPool2d: pool2d, avgPooling2d: pool2d,
  maxPooling3d: pool3d, averagePooling3d: pool3d, avgPool3d: pool3d, avgPooling3d: pool3d,
  globalMaxPooling1d: global1d, globalMaxPool1d: global1d, globalAveragePooling1d: global1d,
  globalMaxPooling2d: global2d, globalMaxPool2d: global2d, globalAveragePooling2d: global2d,
};

