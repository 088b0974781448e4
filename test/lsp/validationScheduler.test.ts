// The scheduling rules behind "latest text wins, stale results never published",
// checked with a manual clock so every interleaving is exact.
import * as assert from 'node:assert/strict';
import { ValidationScheduler, type Timers } from '../../server/src/lsp/validationScheduler';
import { AnalysisTimes, MIN_DELAY_MS } from '../../server/src/lsp/validationDelay';

class ManualClock implements Timers {
  now = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter(t => t.id !== handle);
  }

  advance(ms: number): void {
    this.now += ms;
    for (;;) {
      const due = this.timers.filter(t => t.at <= this.now).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      this.clearTimeout(due.id);
      due.callback();
    }
  }
}

/** A run that records its start and lets the test decide when it finishes. */
function recordingRuns() {
  const started: { uri: string; isCurrent: () => boolean; finish: () => void }[] = [];
  const run = (uri: string, isCurrent: () => boolean) =>
    new Promise<void>(resolve => started.push({ uri, isCurrent, finish: resolve }));
  return { started, run };
}

describe('ValidationScheduler', () => {
  it('waits for the quiet period and restarts it on every edit', () => {
    const clock = new ManualClock();
    const { started, run } = recordingRuns();
    const scheduler = new ValidationScheduler(run, () => assert.fail('no error'), clock);

    scheduler.schedule('a', 20);
    clock.advance(15);
    scheduler.schedule('a', 20); // another keystroke
    clock.advance(15);
    assert.equal(started.length, 0, 'still typing: nothing ran');
    clock.advance(5);
    assert.equal(started.length, 1, 'ran once after 20 ms of quiet');
  });

  it('makes a run that is waiting (e.g. for settings) stale when a newer edit arrives', () => {
    const clock = new ManualClock();
    const { started, run } = recordingRuns();
    const scheduler = new ValidationScheduler(run, () => assert.fail('no error'), clock);

    scheduler.schedule('a', 10);
    clock.advance(10);
    const first = started[0]!;
    assert.equal(first.isCurrent(), true);

    scheduler.schedule('a', 10); // an edit arrives while the first run awaits
    assert.equal(first.isCurrent(), false, 'the older run must not publish');
    clock.advance(10);
    assert.equal(started[1]!.isCurrent(), true);
  });

  it('keeps documents independent', () => {
    const clock = new ManualClock();
    const { started, run } = recordingRuns();
    const scheduler = new ValidationScheduler(run, () => assert.fail('no error'), clock);

    scheduler.schedule('a', 10);
    scheduler.schedule('b', 10);
    clock.advance(10);
    scheduler.schedule('b', 10);
    assert.deepEqual(started.map(s => s.uri), ['a', 'b']);
    assert.equal(started[0]!.isCurrent(), true, 'an edit to b does not cancel a');
    assert.equal(started[1]!.isCurrent(), false);
  });

  it('cancels pending and running validations on close', () => {
    const clock = new ManualClock();
    const { started, run } = recordingRuns();
    const scheduler = new ValidationScheduler(run, () => assert.fail('no error'), clock);

    scheduler.schedule('a', 10);
    clock.advance(10);
    scheduler.schedule('a', 10);
    scheduler.cancel('a');
    clock.advance(100);
    assert.equal(started.length, 1, 'the pending run never starts');
    assert.equal(started[0]!.isCurrent(), false, 'the running one goes stale');

    // Reopened: a fresh schedule works again.
    scheduler.schedule('a', 0);
    clock.advance(0);
    assert.equal(started.length, 2);
    assert.equal(started[1]!.isCurrent(), true);
  });

  it('reports a run that rejects instead of throwing it into the event loop', async () => {
    const clock = new ManualClock();
    const errors: unknown[] = [];
    const scheduler = new ValidationScheduler(
      () => Promise.reject(new Error('boom')),
      (_uri, error) => errors.push(error),
      clock,
    );
    scheduler.schedule('a', 0);
    clock.advance(0);
    await new Promise(resolve => setImmediate(resolve));
    assert.equal((errors[0] as Error).message, 'boom');
  });
});

describe('adaptive validation delay', () => {
  it('is about the recent analysis time, within the floor and the cap', () => {
    const times = new AnalysisTimes();
    assert.equal(times.delayAfterEdit('a', 100), MIN_DELAY_MS, 'unknown cost: the floor');
    times.record('a', 2);
    times.record('a', 2);
    assert.equal(times.delayAfterEdit('a', 100), MIN_DELAY_MS, 'fast analysis: the floor');
    times.record('b', 30);
    times.record('b', 30);
    assert.equal(times.delayAfterEdit('b', 100), 30);
    times.record('c', 400);
    times.record('c', 400);
    assert.equal(times.delayAfterEdit('c', 100), 100, 'slow analysis: the cap');
    assert.equal(times.delayAfterEdit('c', 0), 0, 'a cap of 0 turns the debounce off');
  });

  it('ignores the first (cold) analysis of a document', () => {
    const times = new AnalysisTimes();
    times.record('a', 500);
    assert.equal(times.delayAfterEdit('a', 100), MIN_DELAY_MS);
    times.forget('a');
    times.record('a', 500);
    assert.equal(times.delayAfterEdit('a', 100), MIN_DELAY_MS, 'reopened: cold again');
  });

  it('smooths over outliers', () => {
    const times = new AnalysisTimes();
    times.record('a', 999); // the cold first run, ignored
    times.record('a', 10);
    times.record('a', 110); // one slow run (GC pause)
    assert.ok(times.delayAfterEdit('a', 1000) < 110);
    assert.ok(times.delayAfterEdit('a', 1000) > 10);
  });
});
