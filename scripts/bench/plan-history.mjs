// First pass of the corpus builder: reads every pinned tarball once, works out what each version
// changes relative to the previous version of the same package, interleaves the packages into
// one timeline, and picks how many files go into each commit so the history lands near the
// spec's commit target. Only paths and blob ids are kept; contents are re-read when writing.
import { createHash } from 'node:crypto';
import { readTarball } from './read-tarball.mjs';

/** The git blob id of `data`, so unchanged files are recognised across versions. */
export function gitBlobId(data) {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

/** Drops a file whose path is also a folder of another file, which a git tree cannot hold. */
function withoutFileFolderClashes(files) {
  const folders = new Set();
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return files.filter((f) => !folders.has(f.path));
}

/** The files of one version as `path -> { id, executable, size }`, paths under packages/<name>/. */
export function readVersionFiles(name, tarball) {
  const files = withoutFileFolderClashes(readTarball(tarball));
  const map = new Map();
  for (const f of files) {
    map.set(`packages/${name}/${f.path}`, { id: gitBlobId(f.data), executable: f.executable, size: f.data.length, data: f.data });
  }
  return map;
}

/**
 * Orders versions across packages by how far through its own package each one is, so every
 * package advances steadily through the timeline (ties broken by package order in the spec).
 */
export function interleave(versions) {
  const counts = new Map();
  for (const v of versions) counts.set(v.name, (counts.get(v.name) ?? 0) + 1);
  const order = [...counts.keys()];
  const seen = new Map();
  const ranked = versions.map((v) => {
    const i = seen.get(v.name) ?? 0;
    seen.set(v.name, i + 1);
    return { ...v, rank: (i + 0.5) / counts.get(v.name), pkg: order.indexOf(v.name) };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.pkg - b.pkg);
  return ranked.map(({ name, version }) => ({ name, version }));
}

/** The changes that turn `before` into `after`: deletions first, so a file may become a folder. */
function diffVersions(before, after) {
  const deleted = [...before.keys()].filter((p) => !after.has(p)).sort().map((path) => ({ path, deleted: true }));
  const changed = [...after.entries()]
    .filter(([p, f]) => before.get(p)?.id !== f.id || before.get(p)?.executable !== f.executable)
    .map(([path, f]) => ({ path, id: f.id, executable: f.executable }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return [...deleted, ...changed];
}

/** The files-per-commit that brings the commit count closest to `target`. */
export function chooseChunkSize(changeCounts, target) {
  const commitsFor = (chunk) => changeCounts.reduce((sum, n) => sum + Math.max(1, Math.ceil(n / chunk)), 0);
  let best = 1;
  for (let chunk = 1; chunk <= Math.max(1, ...changeCounts); chunk++) {
    if (Math.abs(commitsFor(chunk) - target) < Math.abs(commitsFor(best) - target)) best = chunk;
    if (commitsFor(chunk) < target) break;
  }
  return best;
}

/**
 * Plans the history: `{ steps: [{ name, version, changes }], chunkSize, blobs, bytes }`.
 * `extraCommits` is how many commits the caller adds besides the package commits (merges,
 * root, planted secrets), so the total lands near `spec.targetCommits`.
 */
export function planHistory(versions, tarballOf, targetCommits, extraCommits) {
  const state = new Map();
  const blobSizes = new Map();
  const steps = [];
  for (const { name, version } of interleave(versions)) {
    const files = readVersionFiles(name, tarballOf(name, version));
    for (const f of files.values()) blobSizes.set(f.id, f.size);
    steps.push({ name, version, changes: diffVersions(state.get(name) ?? new Map(), files) });
    for (const f of files.values()) delete f.data;
    state.set(name, files);
  }
  const chunkSize = chooseChunkSize(steps.map((s) => s.changes.length), targetCommits - extraCommits);
  let bytes = 0;
  for (const size of blobSizes.values()) bytes += size;
  return { steps, chunkSize, blobs: blobSizes.size, bytes };
}
