// Loaded with `node --require out/bench/rssProbe.js <script>`: on exit, writes the
// process's peak resident set size (all threads, so worker threads included) to stderr.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nREGLINT_BENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
});
