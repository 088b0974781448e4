// Which job comes next, for whichever worker asks: the verdict's runs first (the baseline
// on every seed), then the short checks, then the what-if's remedies in priority order (the
// configured fix first), each seed of a remedy only when a run like the baseline's still
// fits in the time left. What cannot be started is recorded with why, so the report says
// "not measured: needs ~N s" instead of judging a run the budget cut short.
import type { JobName } from './checks/types';
import { RECIPE } from './recipe';
import type { Remedy } from './remedies';
import { jobKey, type JobSpec } from './suite';

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
  private baselineRunning = new Map<string, number>();
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

  next(now = Date.now()): { job: JobSpec; deadline: number } | undefined {
    const job = this.queue.shift();
    if (job) {
      if (job.name === 'baseline') this.baselineRunning.set(jobKey(job), now);
      return { job, deadline: job.name === 'fit-one-batch' ? this.plan.fitOneBatchDeadline : this.plan.deadline };
    }
    while (this.remedyQueue.length) {
      const j = this.remedyQueue.shift()!;
      if (j.name !== 'what-if') return { job: j, deadline: this.plan.deadline };
      const id = j.remedy!.id;
      if (this.notMeasured.has(id)) continue;
      const why = this.cannotStart(now);
      if (why) {
        this.notMeasured.set(id, why);
        continue;
      }
      return { job: j, deadline: this.plan.deadline };
    }
    return undefined;
  }

  /** A baseline run finished (or was cut): its wall time is what a remedy run will cost. */
  baselineDone(key: string, wallMs: number, cut: boolean): void {
    this.baselineRunning.delete(key);
    if (cut) this.baselineCut = true;
    else this.baselineWallMs.push(wallMs);
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
