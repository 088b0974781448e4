// Conv2DBackpropInput as one forward convolution. tfjs-backend-wasm ships this kernel
// but as a plain loop: it took half of a convnet's training step (125 of 250 ms for 64
// images). Here: dx = conv(dy dilated by the stride and padded, W flipped spatially
// with in/out channels swapped), all through the backend's own fast kernels.
import type { Tf } from '../tf';
import { conv2dInfoFromAttrs } from './conv2dInfo';
import { call, type KernelArgs, type KernelConfig, type TensorInfo } from './kernelTypes';
import { getKernel, markOurs } from './registry';

export function makeConv2dBackpropInput(tf: Tf, backendName: string, fallback?: KernelConfig): KernelConfig | undefined {
  const k = (n: string) => getKernel(tf, n, backendName);
  const [conv, transpose, slice, pad, reshape, reverse] = ['Conv2D', 'Transpose', 'Slice', 'PadV2', 'Reshape', 'Reverse'].map(k);
  if (!conv || !transpose || !slice || !pad || !reshape || !reverse) return undefined;
  const kernelFunc = (args: KernelArgs): TensorInfo => {
    const { backend } = args;
    const { dy, filter } = args.inputs;
    const attrs = args.attrs ?? {};
    const inputShape = attrs.inputShape as [number, number, number, number];
    const info = conv2dInfoFromAttrs(tf, inputShape, filter.shape as [number, number, number, number], attrs);
    if (info.dataFormat !== 'channelsLast') {
      if (fallback) return fallback.kernelFunc(args) as TensorInfo;
      throw new Error('Conv2DBackpropInput: only channelsLast is supported');
    }
    const temps: TensorInfo[] = [];
    const keep = (t: TensorInfo) => (temps.push(t), t);
    try {
      const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw, outHeight: oh, outWidth: ow } = info;
      const [b, inH, inW] = inputShape;
      const co = dy.shape[3];
      let d = dy;
      if (sh > 1 || sw > 1) {
        // Dilate: put each dy value at i*s, zeros between (and s-1 trailing zeros).
        d = keep(call(reshape, backend, { x: dy }, { shape: [b, oh, 1, ow, 1, co] }));
        d = keep(call(pad, backend, { x: d }, {
          paddings: [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]],
          constantValue: 0,
        }));
        d = keep(call(reshape, backend, { x: d }, { shape: [b, oh * sh, ow * sw, co] }));
      }
      // Rows of the dilated dy in use: [0, (oh-1)*sh]; pad so a valid conv yields inH rows.
      let top = kh - 1 - info.padInfo.top;
      let left = kw - 1 - info.padInfo.left;
      let bottom = inH + kh - 1 - top - d.shape[1];
      let right = inW + kw - 1 - left - d.shape[2];
      if (top < 0 || left < 0 || bottom < 0 || right < 0) {
        const begin = [0, Math.max(-top, 0), Math.max(-left, 0), 0];
        const size = [b, d.shape[1] - begin[1] + Math.min(bottom, 0), d.shape[2] - begin[2] + Math.min(right, 0), co];
        d = keep(call(slice, backend, { x: d }, { begin, size }));
        [top, left, bottom, right] = [top, left, bottom, right].map((v) => Math.max(v, 0));
      }
      const flipped = keep(call(reverse, backend, { x: filter }, { dims: [0, 1] }));
      const w = keep(call(transpose, backend, { x: flipped }, { perm: [0, 1, 3, 2] }));
      return call(conv, backend, { x: d, filter: w }, {
        strides: [1, 1],
        pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
        dataFormat: 'NHWC',
        dilations: [1, 1],
      });
    } finally {
      for (const t of temps) backend.disposeData(t.dataId);
    }
  };
  return markOurs({ kernelName: 'Conv2DBackpropInput', backendName, kernelFunc });
}
