// Fetches the pinned package versions of the real-code benchmark and extracts each into its own
// directory (the tarball's single top directory stripped): npm packages with `npm pack`, Debian
// source packages as their upstream (orig) tarball from the Debian mirror, checked against the
// sha256 pinned beside them. Files over 1 MB and binary files are removed after extraction and
// counted: the benchmark reads text lines only.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fetchTarballs } from './fetch-tarballs.mjs';

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

const sha256File = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Downloads the orig tarball of every Debian spec `{ name, version, directory, file, sha256 }`
 * from `mirror` into `cacheDir` unless it is there already, and checks its sha256 (a mismatch
 * removes the file and throws). Returns the paths in input order.
 */
export async function fetchDebianTarballs(specs, cacheDirArg, mirror, log = () => {}) {
  const cacheDir = resolve(cacheDirArg);
  mkdirSync(cacheDir, { recursive: true });
  const out = [];
  for (const [i, s] of specs.entries()) {
    if (!s.directory || !s.file || !/^[0-9a-f]{64}$/.test(s.sha256 ?? '')) throw new Error(`Debian package ${s.name}: directory, file and sha256 are required`);
    const path = join(cacheDir, s.file);
    if (!existsSync(path)) {
      const url = `${mirror.replace(/\/$/, '')}/${s.directory}/${s.file}`;
      log(`debian: ${i + 1}/${specs.length} ${s.file}`);
      let res;
      try {
        res = await fetch(url);
      } catch (err) {
        throw new Error(`cannot fetch ${url} (${err.cause?.code ?? err.message}); is the Debian mirror reachable?`, { cause: err });
      }
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      writeFileSync(`${path}.part`, Buffer.from(await res.arrayBuffer()));
      renameSync(`${path}.part`, path);
    }
    const got = sha256File(path);
    if (got !== s.sha256) {
      rmSync(path, { force: true });
      throw new Error(`${s.file}: sha256 ${got} is not the pinned ${s.sha256} (file removed)`);
    }
    out.push(path);
  }
  return out;
}

/** Extracts `tarball` (gzip or xz) into `dest` with its single top directory, if it has one, stripped. */
async function extractTarball(tarball, dest) {
  const raw = `${dest}.raw`;
  rmSync(raw, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  await run('tar', ['-xf', tarball, '-C', raw, '--no-same-owner', '--no-same-permissions'], { maxBuffer: 16 * 1024 * 1024 });
  const top = readdirSync(raw, { withFileTypes: true });
  rmSync(dest, { recursive: true, force: true });
  if (top.length === 1 && top[0].isDirectory()) {
    renameSync(join(raw, top[0].name), dest);
    rmSync(raw, { recursive: true, force: true });
  } else renameSync(raw, dest);
}

/**
 * Makes sure every spec is downloaded under `<root>/tarballs` and extracted under
 * `<root>/pkgs/<name@version>`; reuses both when present. npm specs are `{ name, version }`
 * (fetched with `npm pack`); with `source: 'debian'` specs also give `directory`, `file` and
 * `sha256` and are fetched from `mirror`. Returns one entry per package:
 * `{ name, version, id, dir, files: { kept, large, binary } }`.
 */
export async function fetchPackages(specs, rootArg, log = () => {}, { source = 'npm', mirror = 'http://deb.debian.org/debian' } = {}) {
  const root = resolve(rootArg);
  const tarDir = join(root, 'tarballs');
  const pkgDir = join(root, 'pkgs');
  mkdirSync(tarDir, { recursive: true });
  mkdirSync(pkgDir, { recursive: true });
  const tarballs = source === 'debian' ? await fetchDebianTarballs(specs, tarDir, mirror, log) : await fetchTarballs(specs, tarDir, log);
  const out = [];
  for (const [i, s] of specs.entries()) {
    const id = `${s.name}@${s.version}`;
    const dir = join(pkgDir, packageDirName(s.name, s.version));
    const marker = join(dir, '.bench-extracted.json');
    if (!existsSync(marker)) {
      const tgz = tarballs[i];
      if (!existsSync(tgz)) throw new Error(`${tgz} is missing`);
      const tmp = `${dir}.tmp`;
      rmSync(tmp, { recursive: true, force: true });
      if (source === 'debian') await extractTarball(tgz, tmp);
      else {
        mkdirSync(tmp, { recursive: true });
        // Some tarballs use a top directory other than `package/`: strip whatever the first part is.
        await run('tar', ['-xzf', tgz, '-C', tmp, '--strip-components=1', '--no-same-owner', '--no-same-permissions'], { maxBuffer: 16 * 1024 * 1024 });
      }
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
