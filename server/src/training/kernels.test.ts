// Our kernels against tfjs's own CPU kernels on small shapes.
import * as assert from 'assert';
import { initBackend } from './backend';
import { getKernel, originalKernel } from './kernels/registry';
import type { TensorInfo } from './kernels/kernelTypes';
import { loadTf } from './tf';
import type { Tensor, Tensor4D } from '@tensorflow/tfjs';

const tf = loadTf();

function randn(shape: number[], seed: number) {
  return tf.randomNormal(shape, 0, 1, 'float32', seed);
}

function zeros4(shape: number[]): Tensor4D {
  const t: Tensor = tf.zeros(shape);
  return t as Tensor4D;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.strictEqual(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('training kernels', function () {
  this.timeout(60000);
  before(async () => {
    await initBackend(tf, { prefer: 'cpu' });
    await initBackend(tf, { prefer: 'wasm' });
  });
  after(async () => {
    await tf.setBackend('wasm');
  });

  const cases: { x: number[]; f: number[]; s: number; pad: string }[] = [
    { x: [2, 7, 7, 3], f: [3, 3, 3, 4], s: 1, pad: 'same' },
    { x: [2, 7, 7, 3], f: [3, 3, 3, 4], s: 1, pad: 'valid' },
    { x: [2, 8, 8, 2], f: [3, 3, 2, 5], s: 2, pad: 'same' },
    { x: [2, 8, 8, 2], f: [3, 3, 2, 5], s: 2, pad: 'valid' },
    { x: [3, 9, 6, 1], f: [2, 3, 1, 2], s: 2, pad: 'valid' },
    { x: [1, 10, 9, 2], f: [5, 4, 2, 3], s: 3, pad: 'same' },
    { x: [2, 5, 5, 4], f: [1, 1, 4, 6], s: 2, pad: 'same' },
  ];
  for (const c of cases) {
    it(`Conv2DBackpropFilter x=${c.x} f=${c.f} stride ${c.s} ${c.pad}`, async () => {
      // Reference: the CPU backend's original kernel.
      await tf.setBackend('cpu');
      const cpuX = randn(c.x, 1);
      const outShape = tf.conv2d(zeros4(c.x), zeros4(c.f), c.s, c.pad as 'same').shape;
      const cpuDy = randn(outShape, 2);
      const attrs = { strides: [c.s, c.s], pad: c.pad, dataFormat: 'NHWC', filterShape: c.f };
      const orig = originalKernel('Conv2DBackpropFilter', 'cpu');
      assert.ok(orig, 'cpu kernel was replaced and remembered');
      const backendCpu = tf.backend() as never;
      const ref = orig.kernelFunc({ inputs: { x: cpuX as never, dy: cpuDy as never }, backend: backendCpu, attrs }) as TensorInfo;
      const refVals = (tf.backend() as unknown as { readSync(id: object): Float32Array }).readSync(ref.dataId);
      // Ours on cpu.
      const oursCpu = tf.engine().runKernel('Conv2DBackpropFilter', { x: cpuX, dy: cpuDy }, attrs as never) as Tensor;
      assert.deepStrictEqual(oursCpu.shape, c.f);
      assert.ok(maxAbsDiff(oursCpu.dataSync(), refVals) < 1e-4);
      const xv = cpuX.dataSync(), dyv = cpuDy.dataSync();
      // Ours on wasm.
      await tf.setBackend('wasm');
      const wx = tf.tensor(xv, c.x), wdy = tf.tensor(dyv, outShape);
      const oursWasm = tf.engine().runKernel('Conv2DBackpropFilter', { x: wx, dy: wdy }, attrs as never) as Tensor;
      assert.deepStrictEqual(oursWasm.shape, c.f);
      assert.ok(maxAbsDiff(oursWasm.dataSync(), refVals) < 1e-4, `max diff ${maxAbsDiff(oursWasm.dataSync(), refVals)}`);
    });

    it(`Conv2DBackpropInput x=${c.x} f=${c.f} stride ${c.s} ${c.pad}`, async () => {
      await tf.setBackend('cpu');
      const outShape = tf.conv2d(zeros4(c.x), zeros4(c.f), c.s, c.pad as 'same').shape;
      const dy = randn(outShape, 7), w = randn(c.f, 8);
      const attrs = { strides: [c.s, c.s], pad: c.pad, dataFormat: 'NHWC', inputShape: c.x };
      // cpu keeps tfjs's own input gradient (faster there than ours): it is the reference.
      const orig = originalKernel('Conv2DBackpropInput', 'cpu') ?? getKernel(tf, 'Conv2DBackpropInput', 'cpu');
      assert.ok(orig);
      const ref = orig.kernelFunc({ inputs: { dy: dy as never, filter: w as never }, backend: tf.backend() as never, attrs }) as TensorInfo;
      const refVals = (tf.backend() as unknown as { readSync(id: object): Float32Array }).readSync(ref.dataId);
      const dyv = dy.dataSync(), wv = w.dataSync();
      await tf.setBackend('wasm');
      const wdy = tf.tensor(dyv, outShape), ww = tf.tensor(wv, c.f);
      const ours = tf.engine().runKernel('Conv2DBackpropInput', { dy: wdy, filter: ww }, attrs as never) as Tensor;
      assert.deepStrictEqual(ours.shape, c.x);
      assert.ok(maxAbsDiff(ours.dataSync(), refVals) < 1e-4, `max diff ${maxAbsDiff(ours.dataSync(), refVals)}`);
    });
  }

  for (const [ta, tb] of [[false, true], [true, false], [true, true]]) {
    it(`matMul transposeA=${ta} transposeB=${tb} on wasm matches cpu`, async () => {
      const aShape = ta ? [2, 5, 3] : [2, 3, 5];
      const bShape = tb ? [2, 4, 5] : [2, 5, 4];
      await tf.setBackend('cpu');
      const a = randn(aShape, 3), b = randn(bShape, 4);
      const ref = tf.matMul(a, b, ta, tb).dataSync();
      const refFused = tf.fused.matMul({ a, b, transposeA: ta, transposeB: tb, bias: tf.ones([4]), activation: 'relu' }).dataSync();
      const av = a.dataSync(), bv = b.dataSync();
      await tf.setBackend('wasm');
      const wa = tf.tensor(av, aShape), wb = tf.tensor(bv, bShape);
      assert.ok(maxAbsDiff(tf.matMul(wa, wb, ta, tb).dataSync(), ref) < 1e-4);
      const fused = tf.fused.matMul({ a: wa, b: wb, transposeA: ta, transposeB: tb, bias: tf.ones([4]), activation: 'relu' });
      assert.ok(maxAbsDiff(fused.dataSync(), refFused) < 1e-4);
    });
  }

  for (const backend of ['wasm', 'cpu']) {
    it(`UnsortedSegmentSum (embedding gradient) on ${backend}`, async () => {
      await tf.setBackend(backend);
      const r = tf.unsortedSegmentSum(tf.tensor2d([[1, 2], [3, 4], [5, 6]]), tf.tensor1d([1, 0, 1], 'int32'), 3);
      assert.deepStrictEqual(Array.from(r.dataSync()), [3, 4, 6, 8, 0, 0]);
      // The embedding gradient through tf.gather matches a hand count.
      const g = tf.grad((t) => tf.gather(t, tf.tensor1d([2, 0, 2, 2], 'int32')).sum())(tf.ones([4, 3]));
      assert.deepStrictEqual(Array.from(g.dataSync()), [1, 1, 1, 0, 0, 0, 3, 3, 3, 0, 0, 0]);
    });
  }

  it('depthwise conv gradients work on wasm via the CPU bridge', async () => {
    await tf.setBackend('cpu');
    const x = randn([2, 6, 6, 3], 5), f = randn([3, 3, 3, 2], 6);
    const g = tf.grads((a, b) => tf.depthwiseConv2d(a as Tensor4D, b as Tensor4D, 1, 'same').sum());
    const [gxRef, gfRef] = g([x, f]).map((t) => t.dataSync());
    const xv = x.dataSync(), fv = f.dataSync();
    await tf.setBackend('wasm');
    const [gx, gf] = g([tf.tensor(xv, [2, 6, 6, 3]), tf.tensor(fv, [3, 3, 3, 2])]);
    assert.ok(maxAbsDiff(gx.dataSync(), gxRef) < 1e-4);
    assert.ok(maxAbsDiff(gf.dataSync(), gfRef) < 1e-4);
  });
});
