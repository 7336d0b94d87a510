#!/usr/bin/env node
/**
 * The leakwatch command line. `leakwatch --version` answers here, before anything else loads
 * (issue 14: start-up), and so does a `scan` that its cached report answers (scan-from-cache.ts);
 * everything else is program.ts, and each command loads on demand there.
 *
 * This module imports nothing of its own statically: each import of the ES module build is a
 * chunk that Node.js reads and links before the first line here runs, and a rerun needs none of
 * them (its answer is one CommonJS file, load-scan-from-cache.ts).
 */
import { loadScanFromCache } from './load-scan-from-cache.js';

// A reader that goes away (`leakwatch rules list | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${(await import('../version.js')).VERSION}\n`);
} else if (args[0] === 'scan' && (await (await loadScanFromCache()).scanFromCache(args.slice(1)))) {
  // Answered from the cached report of the same scan, without the command line parser.
} else {
  await (await import('./program.js')).main(process.argv);
}
