// Second pass of the corpus builder: turns the plan into a git history through one fast-import
// stream. Each package version is a run of commits on its own branch `pkg/<name>` (a few files
// per commit), merged into `main` and tagged `<name>@<version>`. Fake secrets are planted at
// fixed points: added then removed on a package branch, in a commit message, kept on main, on an
// unmerged feature branch, and on `wip/hotfix`, which the builder deletes after packing so its
// commit is left dangling. Authors and dates are fixed, so the commit ids are reproducible.
import { createHash } from 'node:crypto';
import { readVersionFiles } from './plan-history.mjs';
import { createRandom, fakeAwsKeyPair, fakeGithubToken, fakePrivateKey, sha256 } from './fake-secrets.mjs';

export const DANGLING_BRANCH = 'refs/heads/wip/hotfix';
/** Commits the writer adds besides one per chunk: root, merges (one per step) and plants. */
export const EXTRA_COMMITS_BESIDES_MERGES = 7;

const START = Date.UTC(2016, 0, 4, 9, 0, 0) / 1000;
const SPACING = 47 * 60;
const AUTHORS = ['Ada Lindqvist', 'Bruno Okafor', 'Chen Wei', 'Dana Kowalski', 'Emeka Nwosu', 'Farah Haddad', 'Goran Petrovic', 'Hana Sato']
  .map((name) => ({ name, email: `${name.toLowerCase().replace(' ', '.')}@example.com` }));
const RELEASER = { name: 'Release Bot', email: 'release-bot@example.com' };

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
  const what = chunk.length === 0 ? 'release without file changes'
    : chunk.length === 1 ? `${verb} ${rel(chunk[0].path)}` : `${verb} ${rel(chunk[0].path)} and ${chunk.length - 1} more file${chunk.length > 2 ? 's' : ''}`;
  return `${name}: ${what}\n\nPart ${part} of ${parts} towards ${name}@${version}.\n`;
}

/**
 * Writes the planned history into `writer`; returns `{ planted }`, one entry per fake secret
 * with where it sits and the SHA-256 of each of its values (never the values themselves); a
 * scanner finds the secret when one of its findings carries any of these hashes.
 */
export async function writeHistory({ writer, plan, tarballOf, seed }) {
  const random = createRandom(seed);
  const planted = [];
  const blobMarks = new Map();
  let clock = 0;
  const tick = () => START + SPACING * clock++;

  const content = async (text) => writer.blob(Buffer.from(text));
  const plantAt = (fraction) => Math.floor(plan.steps.length * fraction);
  const awsPair = fakeAwsKeyPair(random);
  const awsPair2 = fakeAwsKeyPair(random);
  const token = fakeGithubToken(random);
  const token2 = fakeGithubToken(random);
  const privateKey = fakePrivateKey(random);
  const awsFile = (pair) => `module.exports = {\n  region: 'eu-west-1',\n  accessKeyId: '${pair.keyId}',\n  secretAccessKey: '${pair.secret}',\n};\n`;

  const root = await writer.commit({
    ref: 'refs/heads/main', author: RELEASER, time: tick(), message: 'Initial commit\n',
    ops: [{ path: 'README.md', mark: await content('# Vendored packages\n\nReleases of a few npm packages, one folder each.\n'), executable: false }],
  });
  let mainTip = root;
  const branchTips = new Map();

  for (const [index, step] of plan.steps.entries()) {
    const { name, version, changes } = step;
    const ref = `refs/heads/pkg/${name}`;
    let tip = branchTips.get(name) ?? root;
    const files = readVersionFiles(name, tarballOf(name, version));
    const plantFile = `packages/${name}/.deploy/aws-config.js`;

    if (index === plantAt(0.25)) {
      tip = await writer.commit({ ref, from: tip, author: authorFor(name), time: tick(), message: `${name}: add deploy settings\n`,
        ops: [{ path: plantFile, mark: await content(awsFile(awsPair)), executable: false }] });
      planted.push({ id: 'aws-key-pair-removed', where: `${plantFile} on pkg/${name}, removed a few commits later`, sha256: [sha256(awsPair.keyId), sha256(awsPair.secret)] });
    }
    if (index === plantAt(0.45)) {
      tip = await writer.commit({ ref, from: tip, author: authorFor(version), time: tick(), ops: [],
        message: `${name}: trigger release workflow\n\nUsed token ${token} for the manual run, revoke afterwards.\n` });
      planted.push({ id: 'github-token-commit-message', where: `commit message on pkg/${name}`, sha256: [sha256(token)] });
    }

    const chunks = chunked(changes, plan.chunkSize);
    for (const [i, chunk] of chunks.entries()) {
      const ops = [];
      for (const change of chunk) {
        if (change.deleted) { ops.push(change); continue; }
        if (!blobMarks.has(change.id)) blobMarks.set(change.id, await writer.blob(files.get(change.path).data));
        ops.push({ path: change.path, mark: blobMarks.get(change.id), executable: change.executable });
      }
      tip = await writer.commit({ ref, from: tip, author: authorFor(`${name}@${version}#${i}`), time: tick(), ops,
        message: describe(name, chunk, i + 1, chunks.length, version) });
    }

    if (index === plantAt(0.25)) {
      tip = await writer.commit({ ref, from: tip, author: authorFor(name), time: tick(), message: `${name}: drop deploy settings\n`,
        ops: [{ path: plantFile, deleted: true }] });
    }
    branchTips.set(name, tip);

    const mergeOps = changes.map((c) => (c.deleted ? c : { path: c.path, mark: blobMarks.get(c.id), executable: c.executable }));
    const time = tick();
    mainTip = await writer.commit({ ref: 'refs/heads/main', from: mainTip, merge: tip, author: RELEASER, time, ops: mergeOps,
      message: `Merge branch 'pkg/${name}': release ${name}@${version}\n` });
    await writer.tag({ name: `${name}@${version}`, target: mainTip, tagger: RELEASER, time, message: `${name} ${version}\n` });

    if (index === plantAt(0.55)) {
      mainTip = await writer.commit({ ref: 'refs/heads/main', from: mainTip, author: authorFor('deploy'), time: tick(),
        message: 'Add deploy key for the mirror job\n', ops: [{ path: 'deploy/id_rsa', mark: await content(privateKey), executable: false }] });
      // Scanners differ on whether the block's final newline belongs to the match.
      planted.push({ id: 'private-key-on-main', where: 'deploy/id_rsa on main', sha256: [sha256(privateKey), sha256(privateKey.trimEnd())] });
    }
    if (index === plantAt(0.7)) {
      await writer.commit({ ref: 'refs/heads/feature/release-bot', from: mainTip, author: authorFor('bot'), time: tick(),
        message: 'WIP: release bot settings\n', ops: [{ path: '.github/release.env', mark: await content(`GITHUB_TOKEN=${token2}\nDRY_RUN=1\n`), executable: false }] });
      planted.push({ id: 'github-token-feature-branch', where: '.github/release.env on feature/release-bot (never merged)', sha256: [sha256(token2)] });
    }
    if (index === plantAt(0.85)) {
      await writer.commit({ ref: DANGLING_BRANCH, from: mainTip, author: authorFor('hotfix'), time: tick(),
        message: 'Hotfix: point uploads at the new bucket\n', ops: [{ path: 'config/aws.js', mark: await content(awsFile(awsPair2)), executable: false }] });
      planted.push({ id: 'aws-key-pair-dangling', where: 'config/aws.js in a dangling commit (branch wip/hotfix deleted)', sha256: [sha256(awsPair2.keyId), sha256(awsPair2.secret)] });
    }
  }
  await writer.done();
  return { planted };
}
