// The geometry of a Conv2D gradient from its kernel attributes (strides, pad, rounding,
// data format): what both backprop kernels start from.
import type { Tf } from '../tf';
import type { Attrs } from './kernelTypes';

type Shape4 = [number, number, number, number];

export function conv2dInfoFromAttrs(tf: Tf, inputShape: Shape4, filterShape: Shape4, attrs: Attrs) {
  const dataFormat = tf.backend_util.convertConv2DDataFormat((attrs.dataFormat as 'NHWC' | 'NCHW') ?? 'NHWC');
  return tf.backend_util.computeConv2DInfo(
    inputShape,
    filterShape,
    attrs.strides as [number, number] | number,
    1,
    attrs.pad as 'same' | 'valid' | number,
    attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
    false,
    dataFormat,
  );
}
