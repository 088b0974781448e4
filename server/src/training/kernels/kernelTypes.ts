// Minimal shapes of the tfjs kernel API that our kernels use. tfjs's own types for
// backends are not exported in a usable form, so we describe what we touch.
export interface TensorInfo {
  dataId: object;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool' | 'complex64' | 'string';
}

export interface KernelBackend {
  disposeData(dataId: object, force?: boolean): boolean;
  readSync(dataId: object): ArrayLike<number>;
}

export type NamedInfos = Record<string, TensorInfo>;
export type Attrs = Record<string, unknown>;

export interface KernelArgs {
  inputs: NamedInfos;
  backend: KernelBackend;
  attrs?: Attrs;
}

export type KernelFunc = (args: KernelArgs) => TensorInfo | TensorInfo[];

export interface KernelConfig {
  kernelName: string;
  backendName: string;
  kernelFunc: KernelFunc;
  setupFunc?: (backend: unknown) => void;
  disposeFunc?: (backend: unknown) => void;
}

/** Calls another kernel of the same backend directly on TensorInfos. */
export function call(kernel: KernelConfig, backend: KernelBackend, inputs: NamedInfos, attrs: Attrs = {}): TensorInfo {
  return kernel.kernelFunc({ inputs, backend, attrs }) as TensorInfo;
}
