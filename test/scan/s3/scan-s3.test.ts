import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadRules } from '../../../src/detect/load-rules.js';
import { createS3ObjectSource } from '../../../src/aws/s3/create-s3-object-source.js';
import { listS3Objects } from '../../../src/aws/s3/list-s3-objects.js';
import { parseS3Target } from '../../../src/scan/s3/parse-s3-target.js';
import { runS3Scan } from '../../../src/scan/s3/run-s3-scan.js';
import { openScanStore } from '../../../src/store/open-store.js';
import { removeTempDirs, tempDir } from '../../helpers/git-repo.js';
import { makeTarGz, makeZip } from '../../helpers/make-archives.js';
import { githubToken } from '../../helpers/tokens.js';

const s3Mock = mockClient(S3Client);
const s3 = new S3Client({ region: 'us-east-1' });
const ruleset = loadRules([]);
let objects = new Map<string, Buffer>();

const etag = (body: Buffer): string => `"${createHash('md5').update(body).digest('hex')}"`;

function serveObjects(pageSize = 1000): void {
  s3Mock.on(ListObjectsV2Command).callsFake((input: { Prefix?: string; ContinuationToken?: string }) => {
    const keys = [...objects.keys()].filter((k) => k.startsWith(input.Prefix ?? '')).sort();
    const start = Number(input.ContinuationToken ?? 0);
    const page = keys.slice(start, start + pageSize);
    const more = start + pageSize < keys.length;
    return { Contents: page.map((Key) => ({ Key, Size: objects.get(Key)!.length, ETag: etag(objects.get(Key)!) })), IsTruncated: more, ...(more ? { NextContinuationToken: String(start + pageSize) } : {}) };
  });
  s3Mock.on(GetObjectCommand).callsFake((input: { Key: string }) => {
    const body = objects.get(input.Key);
    if (!body) throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' });
    return { Body: Readable.from([body]), ETag: etag(body) };
  });
}

const gets = (): string[] => s3Mock.commandCalls(GetObjectCommand).map((c) => c.args[0].input.Key!);

function scan(stateDir: string | null, extra: { maxBlobBytes?: number; maxArchiveBytes?: number } = {}) {
  return runS3Scan({ target: 's3://code-backups', ruleset, stateDir, openStore: openScanStore, maxBlobBytes: extra.maxBlobBytes ?? 1_000_000, maxArchiveBytes: extra.maxArchiveBytes, workers: 1, source: () => createS3ObjectSource(s3) });
}

beforeEach(() => {
  s3Mock.reset();
  objects = new Map();
  serveObjects();
});
afterAll(() => removeTempDirs());

describe('parseS3Target', () => {
  it('reads the bucket and the prefix and refuses what is not a bucket name', () => {
    expect(parseS3Target('s3://code-backups')).toEqual({ bucket: 'code-backups', prefix: '', display: 's3://code-backups' });
    expect(parseS3Target('s3://code-backups/a/b/')).toEqual({ bucket: 'code-backups', prefix: 'a/b/', display: 's3://code-backups/a/b/' });
    for (const bad of ['s3://', 's3://A_Bucket', 's3://ab', 's3://-bucket', 's3://a..b/x']) expect(() => parseS3Target(bad), bad).toThrow(/is not an S3 location/);
  });
});

describe('runS3Scan options', () => {
  it('refuses --since and --verify for an S3 location, before any AWS call', async () => {
    const base = { target: 's3://code-backups', ruleset, stateDir: null, openStore: openScanStore, maxBlobBytes: 1000, workers: 1, source: () => createS3ObjectSource(s3) };
    await expect(runS3Scan({ ...base, since: 'HEAD~1' })).rejects.toThrow(/--since applies to git history/);
    await expect(runS3Scan({ ...base, verify: () => null })).rejects.toThrow(/--verify is not available for s3:\/\/ locations/);
    expect(s3Mock.calls()).toHaveLength(0);
  });
});

describe('listS3Objects', () => {
  it('follows continuation tokens across pages, drops folder markers, and strips the ETag quotes', async () => {
    s3Mock.reset();
    objects = new Map([['a.txt', Buffer.from('a')], ['dir/', Buffer.alloc(0)], ['dir/b.txt', Buffer.from('b')], ['dir/c.txt', Buffer.from('c')]]);
    serveObjects(2);
    const listed = [];
    for await (const o of listS3Objects(s3, 'code-backups', '')) listed.push(o);
    expect(listed.map((o) => o.key)).toEqual(['a.txt', 'dir/b.txt', 'dir/c.txt']);
    expect(listed[0]!.etag).toMatch(/^[0-9a-f]{32}$/);
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(2);
  });
});

describe('runS3Scan', () => {
  it('names findings s3://bucket/key and s3://bucket/key!member with their lines, and reads an unchanged object once', async () => {
    const state = tempDir();
    const [a, b, c] = [githubToken(), githubToken(), githubToken()];
    objects.set('plain.py', Buffer.from(`x = 1\ntoken = "${a}"\n`));
    objects.set('code.zip', makeZip([{ name: 'src/app.py', data: `\n\n\ntoken = "${b}"\n` }]));
    objects.set('code.tgz', await makeTarGz([{ name: 'etc/env', data: `TOKEN=${c}\n` }]));
    const first = await scan(state);
    expect(first.results.map((r) => `${r.path}:${r.matches[0]!.line}`).sort()).toEqual(['s3://code-backups/code.tgz!etc/env:1', 's3://code-backups/code.zip!src/app.py:4', 's3://code-backups/plain.py:2']);
    expect(gets().sort()).toEqual(['code.tgz', 'code.zip', 'plain.py']);

    s3Mock.resetHistory();
    const second = await scan(state);
    expect(gets()).toEqual([]);
    expect(second.results.map((r) => r.path).sort()).toEqual(first.results.map((r) => r.path).sort());

    // A deleted object's findings go with it; a changed one is read again.
    objects.delete('plain.py');
    objects.set('code.zip', makeZip([{ name: 'src/app.py', data: 'clean\n' }]));
    s3Mock.resetHistory();
    const third = await scan(state);
    expect(gets()).toEqual(['code.zip']);
    expect(third.results.map((r) => r.path)).toEqual(['s3://code-backups/code.tgz!etc/env']);
  });

  it('counts an object GetObject could not read, and reads it again on the next run', async () => {
    const state = tempDir();
    objects.set('gone.py', Buffer.from('x\n'));
    s3Mock.on(GetObjectCommand).rejectsOnce(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
    const first = await scan(state);
    expect(first.stats.skipped.unreadablePaths).toEqual([{ path: 's3://code-backups/gone.py', error: 'AccessDenied' }]);
    expect(first.stats.incomplete).toEqual({ reasons: ['unread-objects'] });
    serveObjects();
    s3Mock.resetHistory();
    const second = await scan(state);
    expect(gets()).toEqual(['gone.py']);
    expect(second.stats.skipped.unreadable).toBe(0);
    expect(second.stats.incomplete).toBeNull();
  });

  it('stops an archive at the expansion limit and a plain object at the size limit without reading it whole', async () => {
    objects.set('bomb.tgz', await makeTarGz([{ name: 'a', data: Buffer.alloc(3_000_000) }, { name: 'b', data: Buffer.alloc(3_000_000) }]));
    objects.set('big.txt', Buffer.alloc(2_000_000, 'x'));
    objects.set('member.zip', makeZip([{ name: 'huge.txt', data: Buffer.alloc(2_000_000, 'y') }, { name: 'small.txt', data: 'ok\n' }]));
    objects.set('page.gz', (await import('node:zlib')).gzipSync(`token = "${githubToken()}"\n`));
    const result = await scan(null, { maxBlobBytes: 1_000_000, maxArchiveBytes: 5_000_000 });
    expect(result.stats.skipped.unreadablePaths.map((u) => `${u.path} ${u.error}`).sort()).toEqual([
      's3://code-backups/big.txt TOO_LARGE',
      's3://code-backups/bomb.tgz EXPANSION_LIMIT',
      's3://code-backups/bomb.tgz!a TOO_LARGE',
      's3://code-backups/member.zip!huge.txt TOO_LARGE',
    ]);
    expect(gets()).not.toContain('big.txt');
    expect(result.results.map((r) => r.path)).toEqual(['s3://code-backups/page.gz!page']);
  });
});
