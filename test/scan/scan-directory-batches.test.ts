/**
 * A plain directory big enough for worker threads: files are listed and sent to the workers in
 * batches while the listing goes on, each worker reads them into one reused buffer. The result
 * must be the same as scanning inline, file for file: a token in a small file read right after
 * a large one (the buffer grown past its first size) is found, and nothing of the large file
 * leaks into the small one's matches. The main thread scans beside the workers and leaves them
 * the large files: each file is scanned once, whichever thread takes it. The pool runs the built
 * workers (dist/), as the CLI does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken } from '../helpers/tokens.js';
import type * as LoadRules from '../../src/detect/load-rules.js';
import type * as ScanDirectory from '../../src/scan/scan-directory.js';
import type { ObjectResult } from '../../src/domain/finding.js';

afterAll(removeTempDirs);

const dist = (path: string): string => new URL(`../../dist/${path}`, import.meta.url).href;

const filler = (n: number, bytes: number): string => `// module ${n}\n${'export const value = 1; // plain code\n'.repeat(Math.ceil(bytes / 40))}`;

const summary = (results: ObjectResult[]): string[] =>
  results.flatMap((r) => r.matches.map((m) => `${r.path} ${m.line} ${m.ruleId} ${m.secretSha256}`)).sort();

describe('plain directory scan through worker threads', () => {
  it('finds the same secrets as an inline scan, in batches, with a reused read buffer', async () => {
    const { loadRules } = (await import(dist('detect/load-rules.js'))) as typeof LoadRules;
    const { scanDirectory } = (await import(dist('scan/scan-directory.js'))) as typeof ScanDirectory;
    const dir = tempDir();
    const tokens: string[] = [];
    // 1,300 files of 4 KB (more than two batches), one of 6 MB.
    for (let i = 0; i < 1300; i++) {
      const sub = join(dir, `pkg${i % 7}`, `lib${i % 3}`);
      mkdirSync(sub, { recursive: true });
      let text = filler(i, 4096);
      if (i % 97 === 0) {
        const token = githubToken();
        tokens.push(token);
        text += `const auth = "${token}";\n`;
      }
      writeFileSync(join(sub, `m${String(i).padStart(4, '0')}.js`), text);
    }
    // Large files (over what the main thread keeps for itself beside workers), one with a token.
    const largeToken = githubToken();
    writeFileSync(join(dir, 'pkg0', 'big.js'), filler(-1, 6 * 1024 * 1024));
    writeFileSync(join(dir, 'pkg3', 'big-with-token.js'), `${filler(-2, 600 * 1024)}const t = "${largeToken}";\n`);
    writeFileSync(join(dir, 'pkg0', 'c-small.js'), `x\nconst t = "${tokens[0]}";\n`);

    const ruleset = loadRules([]);
    const options = { ruleset, maxBlobBytes: 10 * 1024 * 1024 };
    // The main thread beside one worker, beside two (started after its first files, however
    // few bytes are left: scan-directory.ts WORKER_BYTES), and alone.
    const pooled = await scanDirectory(dir, { ...options, workers: 2, workerBytes: 1 });
    const pooled3 = await scanDirectory(dir, { ...options, workers: 3, workerBytes: 1 });
    const inline = await scanDirectory(dir, { ...options, workers: 1 });

    expect(inline.stats.blobs).toBe(1303);
    const found = summary(inline.results);
    expect(found.length).toBe(tokens.length + 2);
    expect(found.filter((f) => f.startsWith('pkg0/c-small.js 2 '))).toHaveLength(1);
    expect(found.filter((f) => f.startsWith('pkg3/big-with-token.js '))).toHaveLength(1);
    for (const run of [pooled, pooled3]) {
      expect(run.stats.blobs).toBe(1303);
      expect(run.stats.bytes).toBe(inline.stats.bytes);
      expect(run.stats.skipped.unreadable).toBe(0);
      expect(summary(run.results)).toEqual(found);
    }
  }, 120_000);
});
