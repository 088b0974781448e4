// Conv2DBackpropFilter as one forward convolution, for backends that lack it (wasm)
// or run it slowly (cpu: a scalar 7-deep loop, ~117 s per convnet epoch).
//
// dW[kh,kw,ci,co] = sum_{b,i,j} x[b, i*s+kh-pt, j*s+kw-pl, ci] * dy[b,i,j,co]
// is a convolution of x' = x transposed to [ci,H,W,b] (ci as batch, b as channels) with
// the filter dy' = dy transposed to [oh,ow,b,co], dilated by the stride s, stride 1.
// Its output [ci,kh,kw,co] transposes to [kh,kw,ci,co].
import type { Tf } from '../tf';
import { conv2dInfoFromAttrs } from './conv2dInfo';
import { call, type KernelArgs, type KernelConfig, type TensorInfo } from './kernelTypes';
import { getKernel, markOurs } from './registry';

export function makeConv2dBackpropFilter(tf: Tf, backendName: string, fallback?: KernelConfig): KernelConfig | undefined {
  const conv = getKernel(tf, 'Conv2D', backendName);
  const transpose = getKernel(tf, 'Transpose', backendName);
  const slice = getKernel(tf, 'Slice', backendName);
  if (!conv || !transpose || !slice) return undefined;
  const kernelFunc = (args: KernelArgs): TensorInfo => {
    const { backend } = args;
    const { x, dy } = args.inputs;
    const attrs = args.attrs ?? {};
    const info = conv2dInfoFromAttrs(
      tf, x.shape as [number, number, number, number], attrs.filterShape as [number, number, number, number], attrs);
    if (info.dataFormat !== 'channelsLast') {
      if (fallback) return fallback.kernelFunc(args) as TensorInfo;
      throw new Error('Conv2DBackpropFilter: only channelsLast is supported');
    }
    const temps: TensorInfo[] = [];
    const keep = (t: TensorInfo) => (temps.push(t), t);
    try {
      const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
      const { top, left } = info.padInfo;
      // Padding after the input so the output is exactly kh x kw; negative means the
      // last rows/columns are never read (valid padding with a stride): crop them.
      let bottom = kh + (info.outHeight - 1) * sh - top - info.inHeight;
      let right = kw + (info.outWidth - 1) * sw - left - info.inWidth;
      let xt = keep(call(transpose, backend, { x }, { perm: [3, 1, 2, 0] }));
      if (bottom < 0 || right < 0) {
        const h = info.inHeight + Math.min(bottom, 0);
        const w = info.inWidth + Math.min(right, 0);
        xt = keep(call(slice, backend, { x: xt }, { begin: [0, 0, 0, 0], size: [xt.shape[0], h, w, xt.shape[3]] }));
        bottom = Math.max(bottom, 0);
        right = Math.max(right, 0);
      }
      const filter = keep(call(transpose, backend, { x: dy }, { perm: [1, 2, 0, 3] }));
      const pad = [[0, 0], [top, bottom], [left, right], [0, 0]];
      const r = keep(
        call(conv, backend, { x: xt, filter }, { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [sh, sw] }),
      );
      return call(transpose, backend, { x: r }, { perm: [1, 2, 0, 3] });
    } finally {
      for (const t of temps) backend.disposeData(t.dataId);
    }
  };
  return markOurs({ kernelName: 'Conv2DBackpropFilter', backendName, kernelFunc });
}
