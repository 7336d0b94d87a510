import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatFileReader } from '../../src/git/cat-file-reader.js';
import type { ObjectInfo } from '../../src/git/enumerate-objects.js';
import { socketPair } from '../../src/git/reused-read.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const unix = process.platform !== 'win32';

/** Blobs of 100 bytes to 30 KB: many reads of output, most blobs whole in one. */
function buildRepo(): { gitDir: string; blobs: ObjectInfo[] } {
  const repo = TestRepo.create();
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`f${i}.txt`] = `line ${i}\n`.repeat(i % 10 === 0 ? 3000 : 12);
  repo.commit('objects', files);
  const blobs: ObjectInfo[] = repo
    .git('ls-tree', '-r', '-l', 'HEAD')
    .trim()
    .split('\n')
    .map((line) => {
      const [, type, oid, size] = line.split('\t')[0]!.split(/\s+/);
      return { oid: oid!, type: type as ObjectInfo['type'], size: Number(size) };
    });
  return { gitDir: join(repo.dir, '.git'), blobs };
}
const leftovers = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('leakwatch-socket-'));

describe.runIf(unix)('socket pair read into one buffer', () => {
  it('hands a child\'s whole output over as views of the one buffer, and leaves nothing on disk', async () => {
    const before = new Set(leftovers());
    const buffer = Buffer.alloc(4096);
    const buffers = new Set<ArrayBufferLike>();
    let got = '';
    const pair = await socketPair(buffer, (chunk) => {
      buffers.add(chunk.buffer);
      expect(chunk.byteOffset).toBe(buffer.byteOffset);
      got += chunk.toString('latin1');
    });
    expect(pair).not.toBeNull();
    expect(leftovers().filter((n) => !before.has(n))).toEqual([]);
    const ended = new Promise((resolve) => pair!.ours.once('end', resolve));
    // More than the buffer holds, in several writes.
    const child = spawn(process.execPath, ['-e', 'for (let i = 0; i < 50; i++) process.stdout.write(String(i % 10).repeat(1000) + "\\n")'], {
      stdio: ['ignore', pair!.theirs, 'inherit'],
    });
    pair!.theirs.destroy();
    await new Promise((resolve) => child.once('exit', resolve));
    await ended;
    expect(got).toBe(Array.from({ length: 50 }, (_, i) => `${String(i % 10).repeat(1000)}\n`).join(''));
    expect([...buffers]).toEqual([buffer.buffer]);
    pair!.ours.destroy();
  });

  it('gives null where no socket can be made (a path too long for one), and the reader falls back to a pipe', async () => {
    const saved = process.env.TMPDIR;
    const deep = join(tempDir(), 'x'.repeat(120));
    mkdirSync(deep);
    process.env.TMPDIR = deep;
    try {
      expect(await socketPair(Buffer.alloc(16), () => undefined)).toBeNull();
      expect(readdirSync(deep)).toEqual([]);
      const { gitDir, blobs } = buildRepo();
      const reader = new CatFileReader(gitDir);
      try {
        const sizes: number[] = [];
        await reader.read(blobs, (_info, data) => sizes.push(data.length));
        expect(sizes).toEqual(blobs.map((b) => b.size));
      } finally {
        await reader.close();
      }
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});

describe.runIf(unix)('cat-file reader output', () => {
  it('is read into one buffer for every read, every object whole', async () => {
    const { gitDir, blobs } = buildRepo();
    const reader = new CatFileReader(gitDir);
    try {
      const sizes: number[] = [];
      const assembled = new Set<ArrayBufferLike>();
      const views = new Set<ArrayBufferLike>();
      await reader.read(
        blobs,
        (_info, data) => {
          sizes.push(data.length);
          // An object whole in one read is a view of the read buffer, not a copy.
          if (!assembled.has(data.buffer)) views.add(data.buffer);
        },
        (size) => {
          const body = Buffer.alloc(size);
          assembled.add(body.buffer);
          return body;
        },
      );
      expect(sizes).toEqual(blobs.map((b) => b.size));
      expect(views.size).toBe(1);
    } finally {
      await reader.close();
    }
  });
});
