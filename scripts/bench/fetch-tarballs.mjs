// Downloads pinned npm package versions with `npm pack` into a local cache directory, so a
// corpus rebuild never touches the registry again. Several specs go to one `npm pack` call
// because each npm start-up costs far more than one small tarball.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BATCH = 40;

/** The file name `npm pack` gives a version's tarball: `@scope/name` becomes `scope-name`. */
export function tarballName(name, version) {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/**
 * Makes sure every `{ name, version }` has its tarball in `cacheDir`; returns the paths in
 * input order. `log` receives one line per batch downloaded.
 */
export async function fetchTarballs(versions, cacheDirArg, log = () => {}) {
  const cacheDir = resolve(cacheDirArg);
  mkdirSync(cacheDir, { recursive: true });
  const missing = versions.filter((v) => !existsSync(join(cacheDir, tarballName(v.name, v.version))));
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    log(`npm pack: ${i + batch.length}/${missing.length} tarballs`);
    const specs = batch.map((v) => `${v.name}@${v.version}`);
    try {
      await run('npm', ['pack', ...specs, '--pack-destination', cacheDir, '--loglevel=error', '--ignore-scripts'], {
        cwd: cacheDir,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (err) {
      const lines = String(err.stderr ?? '').split('\n').filter((l) => l.trim() && !l.includes('complete log'));
      const reason = lines[0]?.trim() ?? `exit ${err.code}`;
      throw new Error(`npm pack ${specs[0]} .. ${specs.at(-1)} failed (${reason}); is the npm registry reachable?`, { cause: err });
    }
  }
  return versions.map((v) => {
    const path = join(cacheDir, tarballName(v.name, v.version));
    if (!existsSync(path)) throw new Error(`npm pack did not produce ${path}`);
    return path;
  });
}
