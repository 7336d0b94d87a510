import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../src/detect/load-rules.js';
import { secretSha256 } from '../../../src/detect/redact.js';
import { parseS3SecretPath, recoverS3Secret } from '../../../src/scan/s3/recover-s3-secret.js';
import type { S3ObjectSource } from '../../../src/scan/s3/s3-object-source.js';
import { makeTarGz, makeZip } from '../../helpers/make-archives.js';
import { githubToken } from '../../helpers/tokens.js';

const ruleset = loadRules([]);

/** An in-memory bucket; `reads` lists the keys read. */
function memorySource(objects: Record<string, Buffer>): S3ObjectSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async *list() {},
    async get(_bucket, key) {
      reads.push(key);
      const body = objects[key];
      if (body === undefined) throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' });
      return { body: Readable.from([body]), etag: 'e' };
    },
    close: () => undefined,
  };
}

describe('recoverS3Secret', () => {
  it('reads a plain object again and returns the match whose hash is asked for', async () => {
    const token = githubToken();
    const source = memorySource({ 'src/ci.env': Buffer.from(`GITHUB_TOKEN=${token}\n`) });
    const found = await recoverS3Secret(source, 's3://code/src/ci.env', [secretSha256(token)], ruleset, { maxBytes: 1_000_000 });
    expect(found?.value).toBe(token);
    expect(source.reads).toEqual(['src/ci.env']);
  });

  it('finds the member named in the path inside nested archives, not another member', async () => {
    const wanted = githubToken();
    const other = githubToken();
    const inner = await makeTarGz([{ name: 'conf/ci.env', data: `TOKEN=${wanted}\n` }, { name: 'conf/other.env', data: `TOKEN=${other}\n` }]);
    const zip = makeZip([{ name: 'bundle/inner.tar.gz', data: inner }]);
    const source = memorySource({ 'rel/app.zip': zip });
    const path = 's3://code/rel/app.zip!bundle/inner.tar.gz!conf/ci.env';
    expect((await recoverS3Secret(source, path, [secretSha256(wanted)], ruleset, { maxBytes: 1_000_000 }))?.value).toBe(wanted);
    // The other member's secret is not at that path.
    expect(await recoverS3Secret(source, path, [secretSha256(other)], ruleset, { maxBytes: 1_000_000 })).toBeUndefined();
  });

  it('yields nothing for an object gone since the scan, or a path that is not an S3 one', async () => {
    const source = memorySource({});
    expect(await recoverS3Secret(source, 's3://code/gone.env', ['00'], ruleset, { maxBytes: 1_000_000 })).toBeUndefined();
    expect(await recoverS3Secret(source, 'src/app.py', ['00'], ruleset, { maxBytes: 1_000_000 })).toBeUndefined();
    expect(parseS3SecretPath('s3://code/a/b.zip!c/d')).toEqual({ bucket: 'code', key: 'a/b.zip', name: 's3://code/a/b.zip!c/d' });
  });
});
