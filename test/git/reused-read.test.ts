import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatFileReader } from '../../src/git/cat-file-reader.js';
import type { ObjectInfo } from '../../src/git/enumerate-objects.js';
import { socketPair } from '../../src/git/reused-read.js';
import { TestRepo, removeTempDirs } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const unix = process.platform !== 'win32';
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
});

describe.runIf(process.platform === 'linux')('cat-file reader output', () => {
  it('has git write to a socket, not a pipe, and reads every object whole', async () => {
    const repo = TestRepo.create();
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`f${i}.txt`] = `line ${i}\n`.repeat(3000);
    repo.commit('objects', files);
    const blobs: ObjectInfo[] = repo
      .git('ls-tree', '-r', '-l', 'HEAD')
      .trim()
      .split('\n')
      .map((line) => {
        const [, type, oid, size] = line.split('\t')[0]!.split(/\s+/);
        return { oid: oid!, type: type as ObjectInfo['type'], size: Number(size) };
      });
    const reader = new CatFileReader(join(repo.dir, '.git'));
    try {
      const sizes: number[] = [];
      await reader.read(blobs, (_info, data) => sizes.push(data.length));
      expect(sizes).toEqual(blobs.map((b) => b.size));
      expect(readlinkSync(`/proc/${reader.pid}/fd/1`)).toMatch(/^socket:/);
    } finally {
      await reader.close();
    }
  });
});
