// Kernels the wasm backend lacks but training can need (depthwise/separable convs'
// backprop kernels): run the CPU
// backend's kernel on copies of the data. Slower than native, but these are small.
import type { Tf } from '../tf';
import type { KernelArgs, KernelBackend, NamedInfos, TensorInfo } from './kernelTypes';
import { getKernel, markOurs, replaceKernel } from './registry';

export const BRIDGED_KERNELS = [
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
];

interface CpuBackend extends KernelBackend {
  makeTensorInfo(shape: number[], dtype: string, values: ArrayLike<number>): TensorInfo;
}
interface WasmBackend extends KernelBackend {
  makeOutput(shape: number[], dtype: string, memoryOffset?: number, values?: ArrayLike<number>): TensorInfo;
}

/** Registers CPU-bridged versions of the missing kernels on `backendName`. */
export function installCpuBridges(tf: Tf, backendName: string): void {
  for (const name of BRIDGED_KERNELS) {
    if (getKernel(tf, name, backendName)) continue;
    const cpuKernel = getKernel(tf, name, 'cpu');
    if (!cpuKernel) continue;
    replaceKernel(tf, markOurs({
      kernelName: name,
      backendName,
      kernelFunc: (args: KernelArgs) => {
        const cpu = tf.engine().findBackend('cpu') as unknown as CpuBackend;
        const backend = args.backend as WasmBackend;
        const inputs: NamedInfos = {};
        for (const [k, t] of Object.entries(args.inputs)) {
          inputs[k] = cpu.makeTensorInfo(t.shape, t.dtype, backend.readSync(t.dataId));
        }
        try {
          const out = cpuKernel.kernelFunc({ inputs, backend: cpu, attrs: args.attrs });
          const outs = Array.isArray(out) ? out : [out];
          const res = outs.map((o) => {
            const r = backend.makeOutput(o.shape, o.dtype, undefined, cpu.readSync(o.dataId));
            cpu.disposeData(o.dataId);
            return r;
          });
          return Array.isArray(out) ? res : res[0];
        } finally {
          for (const t of Object.values(inputs)) cpu.disposeData(t.dataId);
        }
      },
    }));
  }
}
