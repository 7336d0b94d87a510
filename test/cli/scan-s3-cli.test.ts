/**
 * `leakwatch scan s3://...` end to end: the built CLI with the real AWS SDK against the fake AWS
 * (AWS_ENDPOINT_URL), which records every ListObjectsV2 and GetObject.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAws } from '../helpers/fake-aws.js';
import type { FakeAws } from '../helpers/fake-aws.js';
import type { FakeS3Bucket } from '../helpers/fake-aws/fake-s3-objects.js';
import { makeTarGz, makeZip } from '../helpers/make-archives.js';
import { CLI } from '../helpers/run-cli.js';
import { githubToken } from '../helpers/tokens.js';
import { fakeAwsProcessEnv } from '../helpers/fake-aws/fake-aws-process-env.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let aws: FakeAws | null = null;
let root = '';

function run(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...fakeAwsProcessEnv(aws!.url, root),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'scan', ...args, '--format', 'json', '--state', join(root, 'state'), '--no-progress'], { env, cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function put(bucket: FakeS3Bucket, key: string, body: Buffer | string): void {
  const versions = bucket.objects.get(key) ?? [];
  versions.push({ versionId: `v${versions.length + 1}`, body: Buffer.from(body), lastModified: new Date() });
  bucket.objects.set(key, versions);
}

/** GetObject calls per key since the given call index. */
function getObjectKeys(since: number): string[] {
  return aws!.calls
    .slice(since)
    .filter((c) => c.action === 'GetObject')
    .map((c) => decodeURIComponent(c.body.split('\n')[0]!.split('?')[0]!.replace(/^\/code-backups\//, '')));
}

function linesAt(line: number, secret: string): string {
  return [...Array.from({ length: line - 1 }, (_, i) => `# line ${i + 1}`), `token = "${secret}"`, ''].join('\n');
}

interface JsonReport {
  target: string;
  stats: { blobs: number; cachedObjects: number; skipped: { tooLarge: number; unreadable: number; unreadablePaths: { path: string; error: string }[] }; incomplete: { reasons: string[] } | null };
  findings: { path: string; line: number; secretSha256: string; redacted: string }[];
}

describe('leakwatch scan s3://', () => {
  beforeAll(() => {
    expect(CLI).toMatch(/dist/);
  });

  afterEach(async () => {
    await aws?.close();
    aws = null;
    rmSync(root, { recursive: true, force: true });
  });

  async function setUp(): Promise<FakeS3Bucket> {
    root = mkdtempSync(join(tmpdir(), 'leakwatch-s3-'));
    aws = await startFakeAws({ account: '111122223333', users: {} });
    // Two keys a page, so the listing is paged.
    const bucket: FakeS3Bucket = { objects: new Map(), pageSize: 2 };
    aws.buckets.set('code-backups', bucket);
    return bucket;
  }

  it('finds secrets in a plain object, a zip member and a tar.gz member with their s3:// names and lines, and a rerun reads only changed objects', async () => {
    const bucket = await setUp();
    const [plain, zipped, tarred, later] = [githubToken(), githubToken(), githubToken(), githubToken()];
    put(bucket, 'src/config.py', linesAt(3, plain));
    put(bucket, 'backups/app.zip', makeZip([{ name: 'app/readme.txt', data: 'nothing here\n' }, { name: 'app/settings.py', data: linesAt(2, zipped) }]));
    put(bucket, 'backups/srv.tar.gz', await makeTarGz([{ name: 'srv/env.sh', data: linesAt(4, tarred) }]));
    put(bucket, 'backups/notes.md', 'no secrets\n');
    put(bucket, 'other/elsewhere.py', linesAt(1, githubToken()));

    const first = await run(['s3://code-backups/', '--allow-incomplete']);
    // Nothing left unread, so leakwatch says nothing (the SDK may warn about the Node version).
    expect(first.stderr).not.toMatch(/leakwatch:/);
    expect(first.code).toBe(1);
    const report = JSON.parse(first.stdout) as JsonReport;
    expect(report.target).toBe('s3://code-backups');
    const places = report.findings.map((f) => `${f.path}:${f.line}`).sort();
    expect(places).toEqual(['s3://code-backups/backups/app.zip!app/settings.py:2', 's3://code-backups/backups/srv.tar.gz!srv/env.sh:4', 's3://code-backups/other/elsewhere.py:1', 's3://code-backups/src/config.py:3']);
    for (const secret of [plain, zipped, tarred]) {
      expect(first.stdout).not.toContain(secret);
      expect(first.stderr).not.toContain(secret);
    }
    expect(getObjectKeys(0).sort()).toEqual(['backups/app.zip', 'backups/notes.md', 'backups/srv.tar.gz', 'other/elsewhere.py', 'src/config.py']);
    expect(aws!.count('ListObjectsV2')).toBe(3);

    // Unchanged: nothing is read again, and the findings come from the state.
    let mark = aws!.calls.length;
    const second = await run(['s3://code-backups']);
    expect(second.code).toBe(1);
    expect(getObjectKeys(mark)).toEqual([]);
    const again = JSON.parse(second.stdout) as JsonReport;
    expect(again.findings.map((f) => `${f.path}:${f.line}`).sort()).toEqual(places);
    expect(again.stats.cachedObjects).toBe(5);

    // One archive changes (the old secret gone, a new one in): only it is read again.
    put(bucket, 'backups/app.zip', makeZip([{ name: 'app/settings.py', data: linesAt(5, later) }]));
    mark = aws!.calls.length;
    const third = await run(['s3://code-backups']);
    expect(third.code).toBe(1);
    expect(getObjectKeys(mark)).toEqual(['backups/app.zip']);
    const changed = JSON.parse(third.stdout) as JsonReport;
    expect(changed.findings.map((f) => `${f.path}:${f.line}`).sort()).toEqual([
      's3://code-backups/backups/app.zip!app/settings.py:5',
      's3://code-backups/backups/srv.tar.gz!srv/env.sh:4',
      's3://code-backups/other/elsewhere.py:1',
      's3://code-backups/src/config.py:3',
    ]);
    expect(third.stdout).not.toContain(later);

    // A prefix scans only what lies under it.
    const scoped = JSON.parse((await run(['s3://code-backups/src/', '--no-state'])).stdout) as JsonReport;
    expect(scoped.findings.map((f) => f.path)).toEqual(['s3://code-backups/src/config.py']);
  });

  it('counts and names a zip bomb, too-deep nesting, a damaged archive and oversize objects and members, exits 2 without --allow-incomplete, and says so again on an unchanged rerun', async () => {
    const bucket = await setUp();
    const secret = githubToken();
    put(bucket, 'bomb.zip', makeZip([{ name: 'zeros.bin', data: Buffer.alloc(8 * 1024 * 1024) }]));
    let nested = makeZip([{ name: 'deep.txt', data: linesAt(1, githubToken()) }]);
    for (let i = 0; i < 3; i++) nested = makeZip([{ name: `level${i}.zip`, data: nested }]);
    put(bucket, 'nested.zip', nested);
    put(bucket, 'broken.tar.gz', randomBytes(4096));
    put(bucket, 'huge.log', Buffer.alloc(300_000, 'a'));
    put(bucket, 'mixed.tar.gz', await makeTarGz([{ name: 'big.txt', data: Buffer.alloc(300_000, 'b') }, { name: 'ok.py', data: linesAt(2, secret) }]));
    put(bucket, 'repo.bundle', 'a git bundle\n');

    const args = ['s3://code-backups', '--max-blob-bytes', '200000', '--max-archive-bytes', '4000000'];
    const first = await run(args);
    expect(first.code).toBe(2);
    const report = JSON.parse(first.stdout) as JsonReport;
    expect(report.findings.map((f) => `${f.path}:${f.line}`)).toEqual(['s3://code-backups/mixed.tar.gz!ok.py:2']);
    const gaps = report.stats.skipped.unreadablePaths.map((u) => `${u.path} ${u.error}`).sort();
    expect(gaps).toEqual([
      's3://code-backups/bomb.zip EXPANSION_LIMIT',
      expect.stringMatching(/^s3:\/\/code-backups\/broken\.tar\.gz DAMAGED_ARCHIVE:/),
      's3://code-backups/huge.log TOO_LARGE',
      's3://code-backups/mixed.tar.gz!big.txt TOO_LARGE',
      's3://code-backups/nested.zip!level2.zip!level1.zip!level0.zip NESTED_TOO_DEEP',
      's3://code-backups/repo.bundle GIT_BUNDLE_NOT_SCANNED',
    ]);
    expect(report.stats.skipped.tooLarge).toBe(2);
    expect(report.stats.skipped.unreadable).toBe(4);
    expect(report.stats.incomplete).toEqual({ reasons: ['unread-objects'] });
    expect(first.stderr).toContain('bomb.zip (EXPANSION_LIMIT)');
    expect(first.stderr).toMatch(/2 blobs larger than --max-blob-bytes were not scanned .*: s3:\/\/code-backups\/huge\.log, s3:\/\/code-backups\/mixed\.tar\.gz!big\.txt\n/);
    expect(first.stderr).toMatch(/4 files or folders could not be read and were not scanned: (?!.*TOO_LARGE)/);
    expect(first.stderr).toMatch(/s3:\/\/code-backups was not scanned whole \(unread-objects\).*--allow-incomplete/);
    expect(first.stdout + first.stderr).not.toContain(secret);
    // The huge plain object is never fetched; the rest once.
    expect(getObjectKeys(0)).not.toContain('huge.log');

    const mark = aws!.calls.length;
    const second = await run([...args, '--allow-incomplete']);
    expect(second.code).toBe(1);
    expect(getObjectKeys(mark)).toEqual([]);
    const again = JSON.parse(second.stdout) as JsonReport;
    expect(again.stats.skipped.unreadablePaths).toEqual(report.stats.skipped.unreadablePaths);
    expect(second.stderr).toContain('bomb.zip (EXPANSION_LIMIT)');
  });

  it('refuses a malformed s3:// target with one line and exit 2', async () => {
    await setUp();
    const bad = await run(['s3://No_Such..Bucket/x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('is not an S3 location');
    const missing = await run(['s3://absent-bucket']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot list s3:\/\/absent-bucket: NoSuchBucket/);
  });
});
