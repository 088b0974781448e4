// UnsortedSegmentSum as a plain scatter-add. It is the embedding layer's gradient
// (GatherV2's backward). wasm lacks it, and the CPU kernel loops over every segment
// with whole-tensor ops: 1.3 s per call for a 1,000-word vocabulary. This is O(size).
import type { Tf } from '../tf';
import type { KernelArgs, KernelBackend, TensorInfo } from './kernelTypes';
import { getKernel, isOurs, markOurs, replaceKernel } from './registry';

interface OutputMaker extends KernelBackend {
  makeOutput?(shape: number[], dtype: string, memoryOffset?: number, values?: ArrayLike<number>): TensorInfo;
  makeTensorInfo?(shape: number[], dtype: string, values: ArrayLike<number>): TensorInfo;
}

export function installUnsortedSegmentSum(tf: Tf, backendName: string): void {
  if (isOurs(getKernel(tf, 'UnsortedSegmentSum', backendName))) return;
  replaceKernel(tf, markOurs({
    kernelName: 'UnsortedSegmentSum',
    backendName,
    kernelFunc: ({ inputs, backend, attrs }: KernelArgs): TensorInfo => {
      const { x, segmentIds } = inputs;
      const numSegments = (attrs ?? {}).numSegments as number;
      const b = backend as OutputMaker;
      const xs = b.readSync(x.dataId);
      const ids = b.readSync(segmentIds.dataId);
      const rows = ids.length;
      const inner = rows === 0 ? 0 : xs.length / rows;
      const out = x.dtype === 'int32' ? new Int32Array(numSegments * inner) : new Float32Array(numSegments * inner);
      for (let r = 0; r < rows; r++) {
        const s = ids[r];
        if (s < 0 || s >= numSegments) continue; // tfjs drops out-of-range ids too
        const o = s * inner, i = r * inner;
        for (let j = 0; j < inner; j++) out[o + j] += xs[i + j];
      }
      const shape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
      // wasm: makeOutput(shape, dtype, offset, values); cpu: makeTensorInfo(shape, dtype, values).
      if (backendName === 'wasm') return b.makeOutput!(shape, x.dtype, undefined, out);
      return b.makeTensorInfo!(shape, x.dtype, out);
    },
  }));
}
