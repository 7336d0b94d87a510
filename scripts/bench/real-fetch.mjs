// Fetches the pinned package versions of the real-code benchmark with `npm pack` and extracts
// each into its own directory (the tarball's `package/` prefix stripped). Files over 1 MB and
// binary files are removed after extraction and counted: the benchmark reads text lines only.
import { execFile } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fetchTarballs, tarballName } from './fetch-tarballs.mjs';

const run = promisify(execFile);
export const MAX_FILE_BYTES = 1024 * 1024;

/** The directory name of an extracted package: `name@version` with `/` of a scope made safe. */
export function packageDirName(name, version) {
  return `${name.replace('/', '__')}@${version}`;
}

/** True when the first 8 KB hold a NUL byte: the usual test for a binary file. */
export function looksBinary(path) {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
}

/** Removes large, binary and non-regular files under `dir`; returns the counts removed. */
function prune(dir, counts) {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) {
      prune(p, counts);
      continue;
    }
    const st = lstatSync(p);
    if (!st.isFile()) {
      rmSync(p, { force: true });
      continue;
    }
    if (st.size > MAX_FILE_BYTES) {
      counts.large++;
      rmSync(p);
    } else if (looksBinary(p)) {
      counts.binary++;
      rmSync(p);
    } else counts.kept++;
  }
}

/**
 * Makes sure every `{ name, version }` is packed under `<root>/tarballs` and extracted under
 * `<root>/pkgs/<name@version>`; reuses both when present. Returns one entry per package:
 * `{ name, version, id, dir, files: { kept, large, binary } }`.
 */
export async function fetchPackages(specs, rootArg, log = () => {}) {
  const root = resolve(rootArg);
  const tarDir = join(root, 'tarballs');
  const pkgDir = join(root, 'pkgs');
  mkdirSync(tarDir, { recursive: true });
  mkdirSync(pkgDir, { recursive: true });
  await fetchTarballs(specs, tarDir, log);
  const out = [];
  for (const s of specs) {
    const id = `${s.name}@${s.version}`;
    const dir = join(pkgDir, packageDirName(s.name, s.version));
    const marker = join(dir, '.bench-extracted.json');
    if (!existsSync(marker)) {
      const tgz = join(tarDir, tarballName(s.name, s.version));
      if (!existsSync(tgz)) throw new Error(`npm pack did not produce ${tgz}`);
      const tmp = `${dir}.tmp`;
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(tmp, { recursive: true });
      // Some tarballs use a top directory other than `package/`: strip whatever the first part is.
      await run('tar', ['-xzf', tgz, '-C', tmp, '--strip-components=1', '--no-same-owner', '--no-same-permissions'], { maxBuffer: 16 * 1024 * 1024 });
      const counts = { kept: 0, large: 0, binary: 0 };
      prune(tmp, counts);
      writeFileSync(join(tmp, '.bench-extracted.json'), `${JSON.stringify(counts)}\n`);
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
    }
    const files = JSON.parse(readFileSync(marker, 'utf8'));
    out.push({ name: s.name, version: s.version, id, dir, files });
  }
  return out;
}
