// Peak resident memory of a whole process tree, sampled from /proc: a scan is a node process
// with worker threads (counted in its own resident set) and one `git cat-file` child per worker
// plus the short-lived gits of listing and attribution, and what a user's machine must hold is
// their sum. `/usr/bin/time` reports only the largest single process, so both are taken.
// Resident sets are summed as the kernel reports them, so pages two processes share (libraries,
// a pack file both map) count twice: the figure errs high, never low. Linux only; elsewhere the
// sampler reports null.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;
const INTERVAL_MS = 50;

/** Parent pid of every process now running, read from /proc/<pid>/stat. */
function parents() {
  const out = new Map();
  for (const name of readdirSync('/proc')) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      // The command name in parentheses may hold spaces: the fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(name), ppid);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return out;
}

function residentKb(pid) {
  try {
    return (Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]) * PAGE_BYTES) / 1024;
  } catch {
    return 0;
  }
}

/** Sum of the resident sets of `root`'s descendants (not `root` itself, the measuring wrapper). */
function treeKb(root) {
  const byParent = new Map();
  for (const [pid, ppid] of parents()) {
    if (!byParent.has(ppid)) byParent.set(ppid, []);
    byParent.get(ppid).push(pid);
  }
  let sum = 0;
  const stack = [...(byParent.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop();
    sum += residentKb(pid);
    stack.push(...(byParent.get(pid) ?? []));
  }
  return sum;
}

/** Starts sampling the tree under `root`; `stop()` returns the peak in KB (null off Linux). */
export function sampleTreeRss(root) {
  if (process.platform !== 'linux') return { stop: () => null };
  let peak = 0;
  const tick = () => { peak = Math.max(peak, treeKb(root)); };
  const timer = setInterval(tick, INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
