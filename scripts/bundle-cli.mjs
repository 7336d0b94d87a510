// Part of `npm run build`, after tsc: bundles the command line and the processes and threads it
// starts (scan workers, the CodeCommit credential helper) with esbuild, over the compiled tree's
// files of the same names. A command starts by reading a handful of files instead of hundreds
// of modules: each command, and the heavy libraries only some commands need (AWS SDK, Octokit,
// SQLite), sit in chunks under dist/chunks/ that load on demand, when the command runs.
// better-sqlite3 stays outside (it loads a native addon), and so does synckit: bundled, the
// PostgreSQL store's worker thread (pg-sync-worker) never answers, and any command given a
// database URL hangs. Both are installed at run time (package.json dependencies; the image keeps
// them, test/cli/postgres-store-cli.test.ts checks it). Code that needs a file of the package
// finds it from the package folder (src/util/package-root.ts), never beside its own module.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const ENTRIES = {
  'cli/main': 'src/cli/main.ts',
  'scan/scan-worker': 'src/scan/scan-worker.ts',
  'git/codecommit-credential-helper-bin': 'src/git/codecommit-credential-helper-bin.ts',
  'store/postgres/pg-sync-worker': 'src/store/postgres/pg-sync-worker.ts',
};

rmSync(join(ROOT, 'dist', 'chunks'), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: Object.entries(ENTRIES).map(([out, src]) => ({ in: src, out })),
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'synckit'],
  // CommonJS libraries inside an ES module bundle still call require() for Node's built-ins.
  // Made on first use: most chunks never call it, and each createRequire costs start-up time.
  banner: {
    js: "import { createRequire as __leakwatchCreateRequire } from 'node:module'; let __leakwatchRequire; const require = (id) => (__leakwatchRequire ??= __leakwatchCreateRequire(import.meta.url))(id);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
