// Where the channels sit in an image-like tensor: tfjs's `dataFormat` for conv, pooling
// and the spatial layers. channelsLast is [batch, ...spatial, channels].
import { withRank } from '../dims';
import type { LayerConfig } from '../layerConfig';
import { UNKNOWN, type Dim, type Shape, type Unknown } from '../types';

export interface Layout {
  batch: Dim;
  spatial: Dim[];
  channels: Dim;
  /** Reassemble a shape in the same data format. */
  build(spatial: Dim[], channels: Dim): Dim[];
}

export type DataFormat = 'channelsLast' | 'channelsFirst';

export function dataFormatOf(config: LayerConfig): DataFormat | Unknown {
  const f = config.string('dataFormat', 'channelsLast');
  return f === 'channelsLast' || f === 'channelsFirst' ? f : UNKNOWN;
}

/** Split an input of `spatialRank` spatial axes; undefined when its rank or format is not known. */
export function layoutOf(input: Shape, spatialRank: number, format: DataFormat | Unknown): Layout | undefined {
  const dims = withRank(input, spatialRank + 2);
  if (!dims || format === UNKNOWN) return undefined;
  const [batch] = dims;
  if (format === 'channelsLast') {
    return {
      batch,
      spatial: dims.slice(1, -1),
      channels: dims[dims.length - 1],
      build: (spatial, channels) => [batch, ...spatial, channels],
    };
  }
  return {
    batch,
    spatial: dims.slice(2),
    channels: dims[1],
    build: (spatial, channels) => [batch, channels, ...spatial],
  };
}
