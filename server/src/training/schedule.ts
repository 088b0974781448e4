// Which job comes next, for whichever worker asks: the verdict's runs first (the baseline
// on every seed), then the short checks, then the what-if's remedies in priority order (the
// configured fix first), each seed of a remedy only when a run like the baseline's still
// fits in the time left. What cannot be started is recorded with why, so the report says
// "not measured: needs ~N s" instead of judging a run the budget cut short.
import type { JobName } from './checks/types';
import { RECIPE } from './recipe';
import type { Remedy } from './remedies';
import type { JobSpec } from './suite';

export interface SchedulePlan {
  /** Whether the data is the user's (else synthetic: one baseline seed, no remedies). */
  userData: boolean;
  /** Jobs wanted among the short ones (fit-one-batch, random-labels, user-optimizer). */
  extras: JobName[];
  remedies: Remedy[];
  /** Whether baselines run at all (the generalization-gap and what-if checks were asked for). */
  baseline: boolean;
  /** Absolute deadline of everything and of fit-one-batch. */
  deadline: number;
  fitOneBatchDeadline: number;
}

export class Scheduler {
  private readonly queue: JobSpec[] = [];
  private readonly remedyQueue: JobSpec[] = [];
  private readonly baselineWallMs: number[] = [];
  private readonly baselineSteps = new Map<number, number>();
  private readonly baselineRunning = new Map<number, number>();
  private baselineCut = false;
  /** Remedy id → why it was not (fully) measured. */
  readonly notMeasured = new Map<string, string>();

  constructor(private readonly plan: SchedulePlan) {
    const seeds = plan.userData ? RECIPE.seeds : [0];
    const base = plan.baseline ? seeds.map((k) => ({ name: 'baseline' as const, seedIndex: k })) : [];
    const extra = (name: JobName) => (plan.extras.includes(name) ? [{ name, seedIndex: 0 }] : []);
    // The verdict needs all baseline seeds; fit-one-batch is quick but must start within its own share of the budget.
    this.queue.push(...base.slice(0, 1), ...extra('fit-one-batch'), ...base.slice(1), ...extra('user-optimizer'));
    const remedyJobs = plan.userData && plan.baseline ? plan.remedies.map((r) => seeds.map((k) => ({ name: 'what-if' as const, seedIndex: k, remedy: r }))) : [];
    // The configured remedy before the memorization probe; the other strengths after it.
    this.remedyQueue.push(...(remedyJobs[0] ?? []));
    this.remedyQueue.push(...extra('random-labels'));
    for (const jobs of remedyJobs.slice(1)) this.remedyQueue.push(...jobs);
  }

  /**
   * The next job; 'wait' when only remedy runs are left whose seed's baseline is still
   * training (a remedy trains exactly as many steps as its seed's baseline did).
   */
  next(now = Date.now()): { job: JobSpec; deadline: number } | 'wait' | undefined {
    const job = this.queue.shift();
    if (job) {
      if (job.name === 'baseline') this.baselineRunning.set(job.seedIndex, now);
      return { job, deadline: job.name === 'fit-one-batch' ? this.plan.fitOneBatchDeadline : this.plan.deadline };
    }
    for (let i = 0; i < this.remedyQueue.length; i++) {
      const j = this.remedyQueue[i];
      if (j.name !== 'what-if') {
        this.remedyQueue.splice(i, 1);
        return { job: j, deadline: this.plan.deadline };
      }
      const id = j.remedy!.id;
      if (this.notMeasured.has(id)) {
        this.remedyQueue.splice(i--, 1);
        continue;
      }
      const steps = this.baselineSteps.get(j.seedIndex);
      if (steps === undefined) {
        if (this.baselineRunning.has(j.seedIndex)) continue; // its baseline is still training
        this.notMeasured.set(id, 'its seed\'s baseline run did not complete');
        this.remedyQueue.splice(i--, 1);
        continue;
      }
      const why = this.cannotStart(now);
      if (why) {
        this.notMeasured.set(id, why);
        this.remedyQueue.splice(i--, 1);
        continue;
      }
      this.remedyQueue.splice(i, 1);
      return { job: { ...j, maxSteps: steps }, deadline: this.plan.deadline };
    }
    return this.remedyQueue.length ? 'wait' : undefined;
  }

  /** A baseline run finished (or was cut): its wall time is what a remedy run will cost, its length the remedy's. */
  baselineDone(seedIndex: number, wallMs: number, steps: number | undefined): void {
    this.baselineRunning.delete(seedIndex);
    if (steps === undefined) this.baselineCut = true;
    else {
      this.baselineWallMs.push(wallMs);
      this.baselineSteps.set(seedIndex, steps);
    }
  }

  remedyFailed(id: string, why: string): void {
    if (!this.notMeasured.has(id)) this.notMeasured.set(id, why);
  }

  private cannotStart(now: number): string | undefined {
    if (this.baselineCut) return 'the budget ended before the model itself was judged';
    // A remedy run costs about what the slowest baseline run did (or is doing).
    const running = [...this.baselineRunning.values()].map((t) => now - t);
    const cost = Math.max(0, ...this.baselineWallMs, ...running);
    const left = this.plan.deadline - now;
    if (cost > left) return `needs ~${Math.ceil(cost / 1000)} s per seed, ${Math.max(0, Math.floor(left / 1000))} s were left`;
    return undefined;
  }
}
