import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenReader, walkIntroductions } from '../../src/git/walk-introductions.js';
import { prefetchIntroductions } from '../../src/scan/prefetch-introductions.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

/** A history whose `git log --raw` output spans many pipe reads, with non-ASCII paths and deletions. */
function buildRepo(): { repo: TestRepo; commits: string[] } {
  const repo = TestRepo.create();
  const commits: string[] = [];
  for (let c = 0; c < 12; c++) {
    const files: Record<string, string> = {};
    for (let f = 0; f < 150; f++) files[`deep/${'dossier-été/'.repeat(1 + (f % 5))}fichier-${c}-${f}.txt`] = `${c} ${f}\n`;
    if (c > 0) repo.git('rm', '-q', '-r', '--cached', `deep/dossier-été/fichier-${c - 1}-0.txt`);
    commits.push(repo.commit(`commit ${c}`, files));
  }
  return { repo, commits };
}

/** What the walk must report, read the slow way. */
function expected(repo: TestRepo, commits: string[]): string[] {
  const out: string[] = [];
  for (const commit of commits) {
    const raw = repo.git('show', '--raw', '--no-abbrev', '--no-renames', '--format=', '-z', commit).split('\0');
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const fields = raw[i]!.replace(/^\n/, '').split(' ');
      if (fields[4] !== 'D') out.push(`${fields[3]} ${raw[i + 1]} ${commit}`);
    }
  }
  return out.sort();
}

describe('history walk', () => {
  const { repo, commits } = buildRepo();
  const gitDir = join(repo.dir, '.git');

  it('reports every added or changed blob with its path and commit, across pipe reads', async () => {
    const seen: string[] = [];
    await walkIntroductions(gitDir, commits, null, (oid, path, commit) => seen.push(`${oid} ${path} ${commit.commit}`));
    const want = expected(repo, commits);
    expect(want.length).toBeGreaterThan(1500);
    expect(seen.sort()).toEqual(want);
  });

  it('keeps only the blobs of interest, and the prefetch selects the same', async () => {
    const all: string[] = [];
    await walkIntroductions(gitDir, commits, null, (oid) => all.push(oid));
    const interest = new Set(all.filter((_, i) => i % 97 === 0));
    const direct: string[] = [];
    await walkIntroductions(gitDir, commits, interest, (oid, path, commit) => direct.push(`${oid} ${path} ${commit.commit} ${commit.time}`));
    expect(direct.length).toBeGreaterThanOrEqual(interest.size);
    expect(new Set(direct.map((d) => d.split(' ')[0]))).toEqual(interest);
    const prefetched = await prefetchIntroductions(gitDir, commits).result;
    const selected: string[] = [];
    prefetched!.select(interest, (oid, path, commit) => selected.push(`${oid} ${path} ${commit.commit} ${commit.time}`));
    expect(selected).toEqual(direct);
  });

  it('gives up past its limit, so the caller walks again for what it needs', async () => {
    expect(await prefetchIntroductions(gitDir, commits, 100).result).toBeNull();
  });

  it('reads a SHA-256 repository, whose ids are 64 hex digits', async () => {
    const sha256 = new TestRepo(tempDir());
    sha256.git('init', '-q', '--object-format=sha256', '-b', 'main');
    const made = [sha256.commit('one', { 'a.txt': 'a\n', 'été/b.txt': 'b\n' }), sha256.commit('two', { 'a.txt': 'changed\n' })];
    const dir = join(sha256.dir, '.git');
    const seen: string[] = [];
    await walkIntroductions(dir, made, null, (oid, path, commit) => seen.push(`${oid} ${path} ${commit.commit}`));
    expect(seen.sort()).toEqual(expected(sha256, made));
    expect(seen[0]!.split(' ')[0]).toHaveLength(64);
    const interest = new Set([seen[0]!.split(' ')[0]!]);
    const selected: string[] = [];
    (await prefetchIntroductions(dir, made).result)!.select(interest, (oid, path, commit) => selected.push(`${oid} ${path} ${commit.commit}`));
    expect(selected).toEqual(seen.filter((s) => interest.has(s.split(' ')[0]!)));
  });
});

describe('token reader', () => {
  /** A commit header, raw lines with their paths (one a deletion), and a last path left unterminated. */
  const output = Buffer.from(
    [
      '\x01c0ffee\x021700000000\x02A\x02a@example.com',
      `\n:000000 100644 ${'0'.repeat(40)} ${'1'.repeat(40)} A`,
      'dir/été.txt',
      `:100644 000000 ${'2'.repeat(40)} ${'0'.repeat(40)} D`,
      'gone.txt',
      `:100644 100644 ${'3'.repeat(40)} ${'4'.repeat(40)} M`,
      'last.txt',
    ].join('\0'),
  );
  /** The tokens, grouped by the buffer they were handed over in (a raw line and its path share one). */
  const collect = (feed: (reader: TokenReader) => void): string[][] => {
    const groups: string[][] = [];
    let last: Buffer | null = null;
    const reader = new TokenReader((bytes, start, end) => {
      if (bytes !== last) groups.push([]);
      last = bytes;
      groups[groups.length - 1]!.push(bytes.toString('utf8', start, end));
    });
    feed(reader);
    return groups;
  };

  it('hands over the same tokens, a raw line always beside its path, however the reads are cut', () => {
    const whole = collect((r) => {
      r.feed(Buffer.from(output));
      r.end();
    }).flat();
    expect(whole).toHaveLength(7);
    expect(whole[2]).toBe('dir/été.txt');
    for (let cut = 1; cut < output.length; cut++) {
      for (const size of [1, 7, cut]) {
        // One read buffer, overwritten by every read, as the socket's is.
        const read = Buffer.alloc(size);
        const groups = collect((r) => {
          for (let at = 0; at < output.length; at += size) {
            const n = output.copy(read, 0, at, Math.min(output.length, at + size));
            r.feed(read.subarray(0, n));
            read.fill(0xff);
          }
          r.end();
        });
        expect(groups.flat()).toEqual(whole);
        for (const g of groups) {
          for (let i = 0; i < g.length; i++) if (g[i]!.replace(/^\n/, '').startsWith(':')) expect(g[i + 1]).toBeDefined();
        }
      }
    }
  });
});
