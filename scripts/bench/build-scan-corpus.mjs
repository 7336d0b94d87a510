// Builds (or reuses) the scan benchmark repository: pinned npm package versions fetched with
// `npm pack` (cached under bench-data/tarballs/), written as ~10k commits through one
// `git fast-import` stream, then packed like a real repository, with planted fake secrets and
// one dangling commit. A manifest in the bare repository records the spec hash, the object
// counts and the SHA-256 of each planted secret; a later run with the same spec reuses it.
//
// Usage: node scripts/bench/build-scan-corpus.mjs [--quick] [--force]
import { readFileSync, renameSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FULL_SPEC, QUICK_SPEC, listVersions, specHash } from './corpus-spec.mjs';
import { fetchTarballs, tarballName } from './fetch-tarballs.mjs';
import { FastImportWriter } from './fast-import-writer.mjs';
import { countObjects, git, spawnGit } from './git.mjs';
import { planHistory } from './plan-history.mjs';
import { DANGLING_BRANCH } from './plant-secrets.mjs';
import { EXTRA_COMMITS_BESIDES_MERGES, writeHistory } from './write-history.mjs';

export const MANIFEST = 'leakwatch-bench.json';

function readManifest(repo) {
  try {
    return JSON.parse(readFileSync(join(repo, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

function packBytes(repo) {
  const dir = join(repo, 'objects', 'pack');
  return readdirSync(dir).filter((f) => f.endsWith('.pack')).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

async function importHistory(repo, plan, tarballOf, seed, repack) {
  await git('.', ['init', '--quiet', '--bare', '--initial-branch=main', repo]);
  const importer = spawnGit(repo, ['fast-import', '--quiet', '--done', '--date-format=raw']);
  const written = writeHistory({ writer: new FastImportWriter(importer.stdin), plan, tarballOf, seed });
  const [{ planted }] = await Promise.all([written, importer.exited]);
  // Packed as `git gc` would leave it (fresh deltas unless the spec says otherwise, packed refs,
  // commit-graph); the wip branch is deleted only afterwards, so its commit stays in the pack,
  // unreachable, as after a force-push.
  await git(repo, ['repack', ...repack]);
  await git(repo, ['pack-refs', '--all']);
  await git(repo, ['commit-graph', 'write', '--reachable']);
  await git(repo, ['update-ref', '-d', DANGLING_BRANCH]);
  await git(repo, ['config', 'gc.auto', '0']);
  return planted;
}

/**
 * Returns `{ repo, manifest, reused }` for the full corpus, or the small one with `quick`.
 * `dataDir` defaults to bench-data/ in the current folder; `log` gets progress lines.
 */
export function buildScanCorpus({ quick = false, ...options } = {}) {
  return buildCorpus(quick ? QUICK_SPEC : FULL_SPEC, options);
}

/** Builds the corpus of any spec (see corpus-spec.mjs) in `dataDir/<spec.repoName>`. */
export async function buildCorpus(spec, { force = false, dataDir = 'bench-data', log = () => {} } = {}) {
  const hash = specHash(spec);
  const repo = resolve(dataDir, spec.repoName);
  const existing = readManifest(repo);
  if (!force && existing?.specHash === hash) return { repo, manifest: existing, reused: true };

  const started = Date.now();
  const versions = listVersions(spec);
  const cache = resolve(dataDir, 'tarballs');
  await fetchTarballs(versions, cache, log);
  const tarballOf = (name, version) => join(cache, tarballName(name, version));
  log(`planning ${versions.length} versions`);
  const plan = planHistory(versions, tarballOf, spec.targetCommits, versions.length + EXTRA_COMMITS_BESIDES_MERGES);
  log(`writing history (${plan.chunkSize} files per commit)`);
  const tmp = `${repo}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const planted = await importHistory(tmp, plan, tarballOf, spec.seed, spec.repack ?? ['-a', '-d', '-f', '-q']);
  const objects = await countObjects(tmp);
  const manifest = {
    spec: spec.id,
    specHash: hash,
    packages: Object.fromEntries(Object.entries(spec.packages).map(([n, list]) => [n, `${list.length} versions, ${list[0]} .. ${list.at(-1)}`])),
    commits: objects.commit,
    reachableCommits: Number((await git(tmp, ['rev-list', '--all', '--count'])).trim()),
    trees: objects.tree,
    blobs: objects.blob,
    blobBytes: objects.blobBytes,
    annotatedTags: objects.tag,
    branches: (await git(tmp, ['for-each-ref', '--format=%(refname)', 'refs/heads'])).trim().split('\n').length,
    packBytes: packBytes(tmp),
    buildSeconds: Math.round((Date.now() - started) / 1000),
    planted,
  };
  writeFileSync(join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(repo, { recursive: true, force: true });
  renameSync(tmp, repo);
  return { repo, manifest, reused: false };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const { repo, manifest, reused } = await buildScanCorpus({
    quick: args.includes('--quick'), force: args.includes('--force'), log: (line) => console.error(line),
  });
  const { planted, ...rest } = manifest;
  console.log(JSON.stringify({ repo, reused, ...rest, planted: planted.map((p) => p.id) }, null, 2));
}
