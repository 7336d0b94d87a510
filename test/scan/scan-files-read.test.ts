/**
 * Plain files are read without asking for their size first (only a file that fills the read
 * buffer is sized): every file must still be counted exactly once, as scanned, too large, left
 * to a worker (deferred) or unreadable, at every bound, and a token must be found in a file
 * read right after one that grew the buffer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import { ObjectScanner } from '../../src/scan/object-scanner.js';
import { scanFiles } from '../../src/scan/scan-chunk.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

const scanner = new ObjectScanner(loadRules([]));
const MB = 1024 * 1024;

function files(dir: string, sizes: Record<string, number>): { abs: string; rel: string; oid: string }[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(sizes).map(([name, size]) => {
    writeFileSync(join(dir, name), 'x'.repeat(size));
    return { abs: join(dir, name), rel: name, oid: name };
  });
}

describe('scanFiles reading plain files', () => {
  it('counts files over the size limit at, below and above the read buffer, and scans those at the limit', () => {
    const dir = tempDir();
    const limit = 100;
    const list = files(dir, { empty: 0, below: 99, at: 100, over: 101, huge: 3 * MB });
    const out = scanFiles(scanner, list, limit);
    expect(out.objects).toBe(3);
    expect(out.bytes).toBe(199);
    expect(out.tooLarge).toBe(2);
    const bigLimit = 2 * MB;
    const big = scanFiles(scanner, files(join(dir, 'b'), { fits: bigLimit, over: bigLimit + 1, under: MB + 7 }), bigLimit);
    expect(big).toMatchObject({ objects: 2, bytes: bigLimit + MB + 7, tooLarge: 1 });
  });

  it('defers files over the deferral bound, and still says over the limit for those over it', () => {
    const dir = tempDir();
    const deferred: { abs: string; rel: string; oid: string }[] = [];
    const list = files(dir, { small: 10, at: 256, past: 257, large: 2 * MB, over: 5 * MB });
    const out = scanFiles(scanner, list, 4 * MB, undefined, { overBytes: 256, files: deferred });
    expect(out.objects).toBe(2);
    expect(out.tooLarge).toBe(1);
    expect(deferred.map((f) => f.rel)).toEqual(['past', 'large']);
    // Whoever takes the deferred files reads them whole.
    expect(scanFiles(scanner, deferred, 4 * MB)).toMatchObject({ objects: 2, bytes: 257 + 2 * MB, tooLarge: 0 });
  });

  it('finds a token in a small file read after a large one, and names a file gone since it was listed', () => {
    const dir = tempDir();
    const token = githubToken();
    writeFileSync(join(dir, 'large.js'), `const a = 1;\n`.repeat(300_000));
    writeFileSync(join(dir, 'small.js'), `const t = "${token}";\n`);
    const list = ['large.js', 'gone.js', 'small.js'].map((name) => ({ abs: join(dir, name), rel: name, oid: name }));
    const out = scanFiles(scanner, list, 10 * MB);
    expect(out.objects).toBe(2);
    expect(out.unreadable).toEqual([{ path: 'gone.js', error: 'ENOENT' }]);
    expect(out.results.map((r) => r.path)).toEqual(['small.js']);
    expect(out.results[0]!.matches.map((m) => m.line)).toEqual([1]);
  });

  it('counts a large binary file by its size without reading it whole, and still reads large text, UTF-16 included', () => {
    const dir = tempDir();
    const token = githubToken();
    const binary = Buffer.alloc(3 * MB + 5, 0);
    binary.write('\x7fELF', 0, 'latin1');
    writeFileSync(join(dir, 'native.node'), binary);
    // Text for its first 8,000 bytes (as the scanner decides), then NULs, then a token: scanned.
    const lateNul = Buffer.concat([Buffer.from('x'.repeat(2 * MB)), Buffer.alloc(100, 0), Buffer.from(`\nconst t = "${token}";\n`)]);
    writeFileSync(join(dir, 'late-nul.js'), lateNul);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${'y'.repeat(MB)}\nconst t = "${token}";\n`, 'utf16le')]);
    writeFileSync(join(dir, 'wide.txt'), utf16);
    const list = ['native.node', 'late-nul.js', 'wide.txt'].map((name) => ({ abs: join(dir, name), rel: name, oid: name }));
    const out = scanFiles(scanner, list, 10 * MB);
    expect(out).toMatchObject({ objects: 3, binary: 1, bytes: binary.length + lateNul.length + utf16.length });
    expect(out.results.map((r) => r.path).sort()).toEqual(['late-nul.js', 'wide.txt']);
  });
});
