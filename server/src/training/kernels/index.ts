// Kernels we add or replace so models train fast (and at all) on wasm and cpu.
import type { Tf } from '../tf';
import { installConv2dBackpropFilter } from './conv2dBackpropFilter';
import { installConv2dBackpropInput } from './conv2dBackpropInput';
import { installCpuBridges } from './cpuBridge';
import { installMatMulTranspose } from './matMulTranspose';
import { installUnsortedSegmentSum } from './unsortedSegmentSum';

/** Installs the training kernels for `backendName` and returns what it changed. */
export function installTrainingKernels(tf: Tf, backendName: string): string[] {
  const changed: string[] = [];
  // Both backends: wasm lacks it, cpu's loops over every segment.
  if (installUnsortedSegmentSum(tf, backendName)) changed.push('UnsortedSegmentSum');
  if (backendName === 'wasm') {
    installMatMulTranspose(tf, backendName);
    changed.push('BatchMatMul(transposed)', '_FusedMatMul(transposed)');
    changed.push(...installCpuBridges(tf, backendName).map((k) => `${k}(cpu bridge)`));
  }
  // Also on cpu, where the built-in filter gradient is a scalar loop (measured: 37 ms vs
  // 1,479 ms for 32x12x12x8 -> 5x5x8x16). Not the input gradient: cpu's own is faster
  // there (36 vs 45 ms); wasm's is 9x slower than ours.
  if (installConv2dBackpropFilter(tf, backendName)) changed.push('Conv2DBackpropFilter');
  if (backendName === 'wasm' && installConv2dBackpropInput(tf, backendName)) changed.push('Conv2DBackpropInput');
  return changed;
}
