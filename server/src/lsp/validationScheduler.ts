// When to analyse a document: after a quiet period following its last edit (debounce),
// one run per document at a time, and a run is abandoned the moment a newer edit (or a
// close) arrives. Each scheduled run gets a generation number; the runner asks
// `isCurrent()` before publishing, so a result computed for old text is never published.

export type ValidationRun = (uri: string, isCurrent: () => boolean) => Promise<void>;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: handle => clearTimeout(handle as NodeJS.Timeout),
};

interface DocumentSchedule {
  generation: number;
  timer: unknown;
}

export class ValidationScheduler {
  private readonly schedules = new Map<string, DocumentSchedule>();
  private disposed = false;

  constructor(
    private readonly run: ValidationRun,
    private readonly onRunError: (uri: string, error: unknown) => void,
    private readonly timers: Timers = nodeTimers,
  ) {}

  /** (Re)starts the document's quiet period; any earlier pending or running validation becomes stale. */
  schedule(uri: string, delayMs: number): void {
    if (this.disposed) return;
    const schedule = this.invalidate(uri);
    const generation = schedule.generation;
    schedule.timer = this.timers.setTimeout(() => {
      schedule.timer = undefined;
      const isCurrent = () => !this.disposed && this.schedules.get(uri) === schedule && schedule.generation === generation;
      if (!isCurrent()) return;
      this.run(uri, isCurrent).catch(error => this.onRunError(uri, error));
    }, delayMs);
  }

  /** Forgets the document: nothing pending or running for it will publish. */
  cancel(uri: string): void {
    this.invalidate(uri);
    this.schedules.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    for (const uri of [...this.schedules.keys()]) this.cancel(uri);
  }

  private invalidate(uri: string): DocumentSchedule {
    let schedule = this.schedules.get(uri);
    if (!schedule) {
      schedule = { generation: 0, timer: undefined };
      this.schedules.set(uri, schedule);
    }
    if (schedule.timer !== undefined) this.timers.clearTimeout(schedule.timer);
    schedule.timer = undefined;
    schedule.generation++;
    return schedule;
  }
}
