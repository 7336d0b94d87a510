import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatFileReader, readObjectsInto } from '../../src/git/cat-file-reader.js';
import type { ObjectInfo } from '../../src/git/enumerate-objects.js';
import { runGit } from '../../src/git/run-git.js';
import { TestRepo, removeTempDirs } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

/** The git blob id of `data`: equal to the object id only if every byte came back. */
const blobId = (data: Buffer): string => createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');

/** Bytes that compress poorly, so a big blob spans many pipe reads. */
function noise(bytes: number, seed: number): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Hundreds of small blobs (more than the reader keeps requested), an empty one and big ones. */
function buildRepo(): { gitDir: string; blobs: ObjectInfo[] } {
  const repo = TestRepo.create();
  const files: Record<string, string | Buffer> = { 'empty.txt': '' };
  for (let i = 0; i < 700; i++) files[`small/${i}.txt`] = `file ${i}\n`.repeat(1 + (i % 13));
  for (let i = 0; i < 3; i++) files[`big/${i}.bin`] = noise(300_000 * (i + 1) + i, i + 1);
  repo.commit('objects', files);
  const blobs = repo
    .git('ls-tree', '-r', '-l', 'HEAD')
    .trim()
    .split('\n')
    .map((line) => {
      const meta = line.split('\t')[0];
      const [, type, oid, size] = meta!.split(/\s+/);
      return { oid: oid!, type: type as ObjectInfo['type'], size: Number(size) };
    });
  return { gitDir: join(repo.dir, '.git'), blobs };
}

describe('cat-file reader', () => {
  const { gitDir, blobs } = buildRepo();

  it('hands every object over whole and in order, across pipe reads and successive reads', async () => {
    const reader = new CatFileReader(gitDir);
    try {
      for (const part of [blobs.slice(0, 350), blobs.slice(350)]) {
        const seen: string[] = [];
        await reader.read(part, (info, data) => {
          expect(data.length).toBe(info.size);
          seen.push(blobId(data));
        });
        expect(seen).toEqual(part.map((b) => b.oid));
      }
    } finally {
      await reader.close();
    }
    expect(blobs.length).toBe(704);
    expect(Math.max(...blobs.map((b) => b.size))).toBeGreaterThan(900_000);
    expect(blobs.some((b) => b.size === 0)).toBe(true);
  });

  it('reads objects one after another into one buffer, big ones assembled in place', async () => {
    const reader = new CatFileReader(gitDir);
    const shared = Buffer.alloc(8_000_000);
    try {
      for (const part of [blobs.slice(0, 350), blobs.slice(350)]) {
        const asked: number[] = [];
        const data = await readObjectsInto(reader, part, (bytes) => {
          asked.push(bytes);
          return shared;
        });
        const total = part.reduce((n, b) => n + b.size, 0);
        expect(asked).toEqual([total]);
        expect(data.buffer).toBe(shared.buffer);
        expect(data.length).toBe(total);
        let at = 0;
        const ids = part.map((b) => {
          const id = blobId(data.subarray(at, at + b.size));
          at += b.size;
          return id;
        });
        expect(ids).toEqual(part.map((b) => b.oid));
      }
    } finally {
      await reader.close();
    }
  });

  it('fails the read of an object listed with another size', async () => {
    const reader = new CatFileReader(gitDir);
    try {
      const wrong = { ...blobs[1]!, size: blobs[1]!.size + 1 };
      await expect(readObjectsInto(reader, [blobs[0]!, wrong], (bytes) => Buffer.alloc(bytes))).rejects.toThrow(/listed with/);
    } finally {
      await reader.close();
    }
  });

  it('fails the read on an object the store lacks', async () => {
    const reader = new CatFileReader(gitDir);
    try {
      const missing = { oid: 'f'.repeat(40), type: 'blob' as const, size: 1 };
      await expect(reader.read([blobs[0]!, missing], () => undefined)).rejects.toThrow(/corrupt or unreadable/);
    } finally {
      await reader.close();
    }
  });

  it('runs git with its pack windows and delta cache capped', async () => {
    const get = (key: string): Promise<string> => runGit(gitDir, ['config', '--get', key]).then((s) => s.trim());
    expect(await get('core.packedGitWindowSize')).toBe('8m');
    expect(await get('core.packedGitLimit')).toBe('16m');
    expect(await get('core.deltaBaseCacheLimit')).toBe('8m');
  });
});
