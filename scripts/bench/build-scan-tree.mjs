// Builds (or reuses) the plain-directory benchmark folder: the newest pinned version of every
// package of both scan corpora, unpacked side by side under bench-data/scan-tree/<name>@<version>/,
// from the tarballs the corpora already fetched. bench-data/scan-tree.json records the list; a run with the
// same list reuses the folder.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fetchTarballs } from './fetch-tarballs.mjs';
import { readTarball } from './read-tarball.mjs';

/** `specs`: corpus specs; returns `{ dir, files, bytes }` of the unpacked folder. */
export async function buildScanTree(specs, { dataDir = 'bench-data', log = () => {} } = {}) {
  const dir = resolve(dataDir, 'scan-tree');
  const latest = specs.flatMap((s) => Object.entries(s.packages).map(([name, list]) => ({ name, version: list.at(-1) })));
  const key = JSON.stringify(latest);
  const marker = `${dir}.json`;
  if (existsSync(marker)) {
    const existing = JSON.parse(readFileSync(marker, 'utf8'));
    if (existing.key === key) return { dir, files: existing.files, bytes: existing.bytes };
  }
  const tarballs = await fetchTarballs(latest, resolve(dataDir, 'tarballs'), log);
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  latest.forEach((v, i) => {
    for (const f of readTarball(tarballs[i])) {
      const path = join(tmp, `${v.name.replace('/', '__')}@${v.version}`, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.data);
      files++;
      bytes += f.data.length;
    }
  });
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  writeFileSync(marker, JSON.stringify({ key, files, bytes }));
  log(`unpacked ${latest.length} packages into ${dir} (${files} files, ${(bytes / 1e6).toFixed(1)} MB)`);
  return { dir, files, bytes };
}
