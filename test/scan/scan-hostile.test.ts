import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { openScanStore } from '../../src/store/open-store.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken, pemPrivateKey } from '../helpers/tokens.js';

afterAll(removeTempDirs);

const scan = (target: string, maxBlobBytes?: number) => runScan({ target, stateDir: tempDir(), openStore: openScanStore, workers: 1, maxBlobBytes });

describe('hostile repositories do not hang, crash or hide what they skip', () => {
  it('a 20 MB single line of keywords is matched to the end', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    const line = `${'secret=password token: '.repeat(900_000)}${'AKIA'.repeat(100_000)} ${token}\n`;
    expect(line.length).toBeGreaterThan(20_000_000);
    repo.commit('hostile', { 'evil.txt': line });
    const report = await scan(repo.dir);
    expect(report.findings.find((f) => f.ruleId === 'github-pat-classic')).toMatchObject({ path: 'evil.txt', line: 1 });
    expect(report.stats.skipped.partial).toBe(0);
    // Millions of keyword hits to judge: tens of seconds on a busy two-core machine.
  }, 180_000);

  it('a run of private-key headers without footers is quick to reject', async () => {
    const repo = TestRepo.create();
    const header = pemPrivateKey().split('\n').slice(0, 2).join('\n');
    repo.commit('headers', { 'keys.txt': `${header}\n`.repeat(100_000) });
    const report = await scan(repo.dir);
    expect(report.findings).toEqual([]);
    expect(report.stats.blobs).toBe(1);
  });

  it('a blob over --max-blob-bytes is skipped and counted, not silently dropped', async () => {
    const repo = TestRepo.create();
    repo.commit('big', { 'big.txt': `${'x'.repeat(200_000)}\n${githubToken()}\n`, 'small.txt': 'ok\n' });
    const report = await scan(repo.dir, 100_000);
    expect(report.stats.skipped.tooLarge).toBe(1);
    expect(report.stats.blobs).toBe(1);
    expect(report.findings).toEqual([]);
  });

  it('real binaries are skipped and counted; text with a few odd bytes is still scanned', async () => {
    const repo = TestRepo.create();
    const inBinary = githubToken();
    const inText = githubToken();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4000), Buffer.from(inBinary), randomBytes(4000)]);
    const oddText = Buffer.concat([Buffer.from('config\x00 with a stray NUL and \x01 odd bytes\n'), Buffer.from(`token = ${inText}\n`)]);
    repo.commit('files', { 'logo.png': png, 'odd.cfg': oddText });
    const report = await scan(repo.dir);
    expect(report.stats.skipped.binary).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ path: 'odd.cfg', line: 2 });
  });

  it('UTF-16 text with a byte-order mark is decoded and scanned', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`line one\r\nkey=${token}\r\n`, 'utf16le')]);
    repo.commit('utf16', { 'win.ini': utf16 });
    const report = await scan(repo.dir);
    expect(report.findings[0]).toMatchObject({ path: 'win.ini', line: 2, column: 5 });
  });
});
