// Second pass of the corpus builder: turns the plan into a git history through one fast-import
// stream. Each package version is a run of commits on its own branch `pkg/<name>` (a few files
// per commit), merged into `main` and tagged `<name>@<version>`; the fake secrets of
// plant-secrets.mjs are written at their points of the timeline. Authors and dates are fixed,
// so the commit ids are reproducible.
import { createHash } from 'node:crypto';
import { createRandom } from './fake-secrets.mjs';
import { readVersionFiles } from './plan-history.mjs';
import { plantSecrets } from './plant-secrets.mjs';

/** Commits the writer adds besides one per chunk and one merge per version: root and plants. */
export const EXTRA_COMMITS_BESIDES_MERGES = 7;

const START = Date.UTC(2016, 0, 4, 9, 0, 0) / 1000;
const SPACING = 47 * 60;
const AUTHORS = ['Ada Lindqvist', 'Bruno Okafor', 'Chen Wei', 'Dana Kowalski', 'Emeka Nwosu', 'Farah Haddad', 'Goran Petrovic', 'Hana Sato']
  .map((name) => ({ name, email: `${name.toLowerCase().replace(' ', '.')}@example.com` }));
const RELEASER = { name: 'Release Bot', email: 'release-bot@example.com' };
const MAIN = 'refs/heads/main';

function authorFor(key) {
  return AUTHORS[createHash('sha1').update(key).digest()[0] % AUTHORS.length];
}

function chunked(list, size) {
  if (list.length === 0) return [[]];
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function describe(name, chunk, part, parts, version) {
  const rel = (p) => p.slice(`packages/${name}/`.length);
  const verb = chunk.every((c) => c.deleted) ? 'remove' : chunk.every((c) => !c.deleted) ? 'update' : 'change';
  const more = chunk.length - 1;
  const what = chunk.length === 0 ? 'release without file changes'
    : more === 0 ? `${verb} ${rel(chunk[0].path)}` : `${verb} ${rel(chunk[0].path)} and ${more} more file${more > 1 ? 's' : ''}`;
  return `${name}: ${what}\n\nPart ${part} of ${parts} towards ${name}@${version}.\n`;
}

/**
 * Writes the planned history into `writer`; returns `{ planted }`, one entry per fake secret
 * with where it sits and the SHA-256 of each of its values (never the values themselves); a
 * scanner finds the secret when one of its findings carries any of these hashes.
 */
export async function writeHistory({ writer, plan, tarballOf, seed }) {
  const plants = plantSecrets(createRandom(seed));
  const planted = [];
  const blobMarks = new Map();
  const branchTips = new Map();
  let clock = 0;
  const tick = () => START + SPACING * clock++;
  const textOp = async (path, text) => ({ path, mark: await writer.blob(Buffer.from(text)), executable: false });

  const root = await writer.commit({
    ref: MAIN, author: RELEASER, time: tick(), message: 'Initial commit\n',
    ops: [await textOp('README.md', '# Vendored packages\n\nReleases of a few npm packages, one folder each.\n')],
  });
  const tips = { main: root, package: root };

  /** Writes the plants of this step and phase; they move the package tip or main as they go. */
  const plantHere = async (index, phase, step) => {
    for (const plant of plants) {
      if (phase !== plant.phase || index !== Math.floor(plan.steps.length * plant.at)) continue;
      const ops = [
        ...(plant.deletes?.(step) ?? []).map((path) => ({ path, deleted: true })),
        ...(await Promise.all(Object.entries(plant.files?.(step) ?? {}).map(([path, text]) => textOp(path, text)))),
      ];
      const onPackage = plant.ref === 'package';
      const mark = await writer.commit({
        ref: onPackage ? `refs/heads/pkg/${step.name}` : plant.ref, from: onPackage ? tips.package : tips.main,
        author: authorFor(plant.author(step)), time: tick(), message: plant.message(step), ops,
      });
      if (onPackage) tips.package = mark;
      if (plant.ref === MAIN) tips.main = mark;
      if (plant.record) planted.push(plant.record(step));
    }
  };

  for (const [index, step] of plan.steps.entries()) {
    const { name, version, changes } = step;
    const files = readVersionFiles(name, tarballOf(name, version));
    tips.package = branchTips.get(name) ?? root;
    await plantHere(index, 'before', step);

    const chunks = chunked(changes, plan.chunkSize);
    for (const [i, chunk] of chunks.entries()) {
      const ops = [];
      for (const change of chunk) {
        if (change.deleted) { ops.push(change); continue; }
        if (!blobMarks.has(change.id)) blobMarks.set(change.id, await writer.blob(files.get(change.path).data));
        ops.push({ path: change.path, mark: blobMarks.get(change.id), executable: change.executable });
      }
      tips.package = await writer.commit({
        ref: `refs/heads/pkg/${name}`, from: tips.package, author: authorFor(`${name}@${version}#${i}`), time: tick(), ops,
        message: describe(name, chunk, i + 1, chunks.length, version),
      });
    }
    await plantHere(index, 'after', step);
    branchTips.set(name, tips.package);

    // The merge applies the version's own changes, so main's tree matches the package branch.
    const mergeOps = changes.map((c) => (c.deleted ? c : { path: c.path, mark: blobMarks.get(c.id), executable: c.executable }));
    const time = tick();
    tips.main = await writer.commit({
      ref: MAIN, from: tips.main, merge: tips.package, author: RELEASER, time, ops: mergeOps,
      message: `Merge branch 'pkg/${name}': release ${name}@${version}\n`,
    });
    await writer.tag({ name: `${name}@${version}`, target: tips.main, tagger: RELEASER, time, message: `${name} ${version}\n` });
    await plantHere(index, 'main', step);
  }
  await writer.done();
  return { planted };
}
