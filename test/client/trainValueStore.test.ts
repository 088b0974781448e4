// The values users give for what the code does not fix: remembered per file and model,
// forgotten on request, and a first check of what is typed.
import * as assert from 'node:assert/strict';
import { checkTypedValue, TrainValueStore, type StateLike } from '../../client/src/trainValueStore';

function memento(): StateLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: <T>(key: string) => data.get(key) as T | undefined,
    update: async (key: string, value: unknown) => {
      if (value === undefined) data.delete(key);
      else data.set(key, JSON.parse(JSON.stringify(value)));
    },
  };
}

describe('client: remembered sanity-train values', () => {
  it('keeps values per file and model, merging later answers', async () => {
    const state = memento();
    const store = new TrainValueStore(state);
    await store.remember('file:///a.ts', 'model', { 'dense_1.units': '64' });
    await store.remember('file:///a.ts', 'model', { 'input_1.shape': '10' });
    await store.remember('file:///a.ts', 'other', { 'dense_1.units': '8' });
    await store.remember('file:///b.ts', 'model', { 'dense_1.units': '3' });
    assert.deepEqual(store.forFile('file:///a.ts'), {
      model: { 'dense_1.units': '64', 'input_1.shape': '10' },
      other: { 'dense_1.units': '8' },
    });
    // A new store over the same state (a reload) sees them.
    assert.deepEqual(new TrainValueStore(state).forFile('file:///b.ts'), { model: { 'dense_1.units': '3' } });
    assert.deepEqual(store.forFile('file:///c.ts'), {});
  });

  it('forgets a model, a file, or everything', async () => {
    const store = new TrainValueStore(memento());
    await store.remember('file:///a.ts', 'model', { 'dense_1.units': '64' });
    await store.remember('file:///a.ts', 'other', { 'dense_1.units': '8' });
    await store.remember('file:///b.ts', 'model', { 'dense_1.units': '3' });
    await store.forget('file:///a.ts', 'model');
    assert.deepEqual(store.forFile('file:///a.ts'), { other: { 'dense_1.units': '8' } });
    await store.forget('file:///a.ts');
    assert.deepEqual(store.forFile('file:///a.ts'), {});
    await store.forget();
    assert.deepEqual(store.forFile('file:///b.ts'), {});
  });

  it('checks what is typed by the kind of key', () => {
    assert.equal(checkTypedValue('units', '64'), undefined);
    assert.match(checkTypedValue('units', '6.5') ?? '', /positive integer/);
    assert.match(checkTypedValue('units', ' ') ?? '', /Escape cancels/);
    assert.equal(checkTypedValue('kernelRegularizer', 'l2(1e-4)'), undefined);
    assert.equal(checkTypedValue('kernelRegularizer', 'none'), undefined);
    assert.equal(checkTypedValue('kernelRegularizer', 'l1l2(0.01, 0.02)'), undefined);
    assert.match(checkTypedValue('kernelRegularizer', 'l2') ?? '', /l2\(1e-4\)/);
    assert.equal(checkTypedValue('shape', '28,28,1'), undefined);
    assert.match(checkTypedValue('shape', '28x28') ?? '', /positive integers/);
    assert.equal(checkTypedValue('rate', '0.3'), undefined);
    assert.match(checkTypedValue('rate', '1.5') ?? '', /rate/);
    assert.equal(checkTypedValue('activation', 'relu'), undefined);
  });
});
