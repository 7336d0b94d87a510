#!/usr/bin/env node
/**
 * The leakwatch command line. `leakwatch --version` answers here, before anything else loads
 * (issue 14: start-up), and so does a `scan` that its cached report answers (scan-from-cache.ts);
 * everything else is program.ts, and each command loads on demand there.
 *
 * The build makes this module the package's bin as one CommonJS file (dist/cli/main.cjs, see
 * scripts/bundle-cli.mjs): Node.js starts a CommonJS entry without its ES module loader, and a
 * rerun answered from its cached report then loads no ES module at all. So it imports nothing
 * of its own statically but the rerun's loader, and has no top-level await.
 */
import { loadScanFromCache } from './load-scan-from-cache.js';
import { writeStdout } from './write-stdout.js';

async function run(args: string[]): Promise<void> {
  // These two write to stdout through its descriptor (write-stdout.ts), never making process.stdout.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    writeStdout(`${(await import('../version.js')).VERSION}\n`);
  } else if (args[0] === 'scan' && (await (await loadScanFromCache()).scanFromCache(args.slice(1)))) {
    // Answered from the cached report of the same scan, without the command line parser.
  } else {
    // A reader that goes away (`leakwatch rules list | head`) is not an error.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
    await (await import('./program.js')).main(process.argv);
  }
}

// A failure here is a bug, not a user's error (program.ts maps those): let Node.js report it.
void run(process.argv.slice(2));
