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
//
// A rerun answered from its cached report (src/cli/scan-from-cache.ts) is the one path whose
// whole cost is start-up, so it is bundled a second time, alone, as one CommonJS file
// (dist/cli/scan-from-cache.cjs) that main.cjs requires: Node.js reads and links some twenty ES
// module chunks (each read asynchronously, resolved as a URL, linked) in about 40 ms more than
// one CommonJS file of the same code. It imports nothing at run time but Node.js's built-ins.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// main.cjs itself is built apart (below); the command line is what it imports on demand.
const ENTRIES = {
  'cli/program': 'src/cli/program.ts',
  'scan/scan-worker': 'src/scan/scan-worker.ts',
  'git/codecommit-credential-helper-bin': 'src/git/codecommit-credential-helper-bin.ts',
  'store/postgres/pg-sync-worker': 'src/store/postgres/pg-sync-worker.ts',
};

const LOADER = join(ROOT, 'src', 'cli', 'load-scan-from-cache.ts');
const RERUN_BUNDLE = '../cli/scan-from-cache.cjs';

/**
 * The command line's entry (src/cli/main.ts), built alone as one CommonJS file,
 * dist/cli/main.cjs, the package's bin: Node.js starts a CommonJS entry without its ES module
 * loader (an ES module entry, or an entry of the ES module build, which would also import that
 * build's runtime chunk, costs a rerun about 5 ms of CPU and the thread pool that reads modules).
 * Its import of the command line (program.ts) is left to that entry of the ES module build; the
 * version is bundled in it (evaluated only for --version); it requires the rerun's CommonJS
 * bundle (below) instead of the rerun's ES module chunks. dist/cli/main.js imports it, for
 * `node dist/cli/main.js`.
 */
const MAIN_IMPORTS = new Set(['./program.js']);

const importEntries = {
  name: 'import-entries',
  setup(b) {
    b.onResolve({ filter: /^\.\/program\.js$/ }, (args) =>
      resolve(args.importer) === join(ROOT, 'src', 'cli', 'main.ts') && MAIN_IMPORTS.has(args.path) ? { path: args.path, external: true } : undefined,
    );
  },
};

const requireRerunBundle = {
  name: 'require-rerun-bundle',
  setup(b) {
    b.onLoad({ filter: /load-scan-from-cache\.ts$/ }, (args) => {
      if (resolve(args.path) !== LOADER) return undefined;
      return {
        loader: 'js',
        contents: [
          "import { createRequire } from 'node:module';",
          "import { fileURLToPath } from 'node:url';",
          `export const loadScanFromCache = async () => createRequire(import.meta.url)(fileURLToPath(new URL('${RERUN_BUNDLE}', import.meta.url)));`,
        ].join('\n'),
      };
    });
  },
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

/**
 * One entry bundled alone as one CommonJS file, dist/<out>.cjs. The one module that finds its
 * place from import.meta.url (util/package-root.ts) finds it from that file's.
 */
function buildCommonJs(entry, out, plugins = []) {
  return build({
    absWorkingDir: ROOT,
    entryPoints: [{ in: entry, out }],
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__leakwatchModuleUrl' },
    banner: { js: "const __leakwatchModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins,
  });
}

const main = await buildCommonJs('src/cli/main.ts', 'cli/main', [requireRerunBundle, importEntries]);
writeFileSync(join(ROOT, 'dist', 'cli', 'main.js'), "#!/usr/bin/env node\n// The command line, for `node dist/cli/main.js`: the package's bin, main.cjs (scripts/bundle-cli.mjs).\nimport './main.cjs';\n");
const mainImports = Object.values(main.metafile.outputs).flatMap((o) => o.imports.filter((i) => !i.path.startsWith('node:')));
const strayImports = mainImports.filter((i) => !MAIN_IMPORTS.has(i.path));
if (strayImports.length > 0) throw new Error(`main.cjs imports ${strayImports.map((i) => i.path).join(', ')} at run time: only ${[...MAIN_IMPORTS].join(' and ')} is an entry of the ES module build`);

const rerun = await buildCommonJs('src/cli/scan-from-cache.ts', 'cli/scan-from-cache');
// Anything it imported at run time would be a module of the compiled tree, outside both bundles.
const unexpected = Object.values(rerun.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !i.path.startsWith('node:')));
if (unexpected.length > 0) throw new Error(`the rerun bundle imports ${unexpected.map((i) => i.path).join(', ')} at run time: bundle it, or leave it out of the rerun's path`);
