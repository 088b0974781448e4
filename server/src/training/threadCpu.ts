// CPU time of the calling thread (Linux: /proc/thread-self/stat, utime + stime, 10 ms
// resolution), or undefined elsewhere. Wall time is what the budget counts; CPU time says
// what a run would have taken on a machine not busy with other work (bench:verdicts
// replays the runs on such a machine's timeline with it).
import * as fs from 'fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function threadCpuMs(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(rest[11]), stime = Number(rest[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * TICK_MS : undefined;
  } catch {
    return undefined;
  }
}
