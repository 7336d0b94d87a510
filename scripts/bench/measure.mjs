// Wall-clock and peak-memory measurement of child processes for the benchmark: each command
// runs as its own process with stdout sent straight to /dev/null (or a file), timed from
// outside, so start-up costs count as a user would feel them.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleTreeRss } from './tree-rss.mjs';

export const TIME_BIN = '/usr/bin/time';

/**
 * Runs `command` with `args`; resolves to `{ seconds, code, stderr, rssKb, processRssKb,
 * treeRssKb, cpuSeconds }`. With `rss`, the process runs under `/usr/bin/time -f '%M %U %S'`,
 * whose first figure (`processRssKb`) is the peak resident set of the largest single process in
 * the tree, and the whole tree is sampled besides (`treeRssKb`, the sum over the command and its
 * git children, tree-rss.mjs). `rssKb` is the larger of the two: a sample can miss a short peak
 * of one process. `cpuSeconds` is the user and system time of the command and its children, all
 * threads: unlike wall time, hardly moved by other work on the machine (null without `rss`).
 */
export function timeProcess(command, args, { env = process.env, rss = false } = {}) {
  const rssFile = join(tmpdir(), `leakwatch-bench-rss-${process.pid}-${Date.now()}`);
  const [bin, argv] = rss ? [TIME_BIN, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, args];
  const devNull = openSync('/dev/null', 'w');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(bin, argv, { env, stdio: ['ignore', devNull, 'pipe'] });
    const tree = rss ? sampleTreeRss(child.pid) : null;
    let stderr = '';
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    child.on('error', (err) => { closeSync(devNull); reject(err); });
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      closeSync(devNull);
      let processRssKb = null;
      let cpuSeconds = null;
      const treeRssKb = tree?.stop() ?? null;
      if (rss && existsSync(rssFile)) {
        // /usr/bin/time writes "Command exited with non-zero status N" before the figures.
        const [kb, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
        processRssKb = kb;
        cpuSeconds = user + system;
        rmSync(rssFile, { force: true });
      }
      const known = [processRssKb, treeRssKb].filter((v) => v !== null);
      const rssKb = known.length ? Math.max(...known) : null;
      resolve({ seconds, code, stderr, rssKb, processRssKb, treeRssKb, cpuSeconds });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `once()` `runs` times in a row and returns every result. */
export async function repeat(runs, once) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(i));
  return results;
}
