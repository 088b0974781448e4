// Kernels we add or replace so models train fast (and at all) on wasm and cpu.
import type { Tf } from '../tf';
import { makeConv2dBackpropFilter } from './conv2dBackpropFilter';
import { makeConv2dBackpropInput } from './conv2dBackpropInput';
import { installCpuBridges } from './cpuBridge';
import { installMatMulTranspose } from './matMulTranspose';
import { installWrapping } from './registry';
import { installUnsortedSegmentSum } from './unsortedSegmentSum';

/** Installs the training kernels for `backendName`. */
export function installTrainingKernels(tf: Tf, backendName: string): void {
  // Both backends: wasm lacks it, cpu's loops over every segment.
  installUnsortedSegmentSum(tf, backendName);
  if (backendName === 'wasm') {
    installMatMulTranspose(tf, backendName);
    installCpuBridges(tf, backendName);
  }
  // Also on cpu, where the built-in filter gradient is a scalar loop (measured: 37 ms vs
  // 1,479 ms for 32x12x12x8 -> 5x5x8x16). Not the input gradient: cpu's own is faster
  // there (36 vs 45 ms); wasm's is 9x slower than ours.
  installWrapping(tf, 'Conv2DBackpropFilter', backendName, makeConv2dBackpropFilter);
  if (backendName === 'wasm') installWrapping(tf, 'Conv2DBackpropInput', backendName, makeConv2dBackpropInput);
}
