/**
 * Fake S3 (REST-XML, path-style, as the SDK sends it to an IP endpoint): per bucket its Block
 * Public Access configuration and its object versions, for the containment providers
 * (GetPublicAccessBlock, PutPublicAccessBlock, HeadObject, DeleteObject by version) and for
 * code scanning (ListObjectsV2, paged by `pageSize`; GetObject of the newest version, streamed,
 * with its MD5 ETag as S3 gives for single-part uploads).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeServiceContext } from './service-context.js';
import { replyAfterHold } from './service-context.js';

export interface FakeObjectVersion {
  versionId: string;
  body: Buffer;
  lastModified: Date;
}

export interface FakeS3Bucket {
  /** Undefined: no configuration set. */
  publicAccessBlock?: Record<'BlockPublicAcls' | 'IgnorePublicAcls' | 'BlockPublicPolicy' | 'RestrictPublicBuckets', boolean>;
  /** Key → versions, newest last. */
  objects: Map<string, FakeObjectVersion[]>;
  /** Keys per ListObjectsV2 page (S3: 1000). */
  pageSize?: number;
}

const etagOf = (body: Buffer): string => `"${createHash('md5').update(body).digest('hex')}"`;
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function listObjects(bucket: FakeS3Bucket, name: string, q: URLSearchParams, res: ServerResponse): void {
  const prefix = q.get('prefix') ?? '';
  const keys = [...bucket.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  const start = Number(q.get('continuation-token') ?? '0');
  const size = Math.min(bucket.pageSize ?? 1000, Number(q.get('max-keys') ?? '1000'));
  const page = keys.slice(start, start + size);
  const truncated = start + size < keys.length;
  const contents = page
    .map((k) => {
      const v = bucket.objects.get(k)!.at(-1)!;
      return `<Contents><Key>${escapeXml(k)}</Key><LastModified>${v.lastModified.toISOString()}</LastModified><ETag>${escapeXml(etagOf(v.body))}</ETag><Size>${v.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
    })
    .join('');
  res.writeHead(200, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="${NS}"><Name>${escapeXml(name)}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${size}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${truncated ? `<NextContinuationToken>${start + size}</NextContinuationToken>` : ''}</ListBucketResult>`,
  );
}

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

function xmlError(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message><RequestId>0</RequestId></Error>`);
}

/** S3 requests: anything but the query protocol's `POST /` and the other REST services' paths. */
function isS3(req: IncomingMessage, url: URL): boolean {
  if (req.method === 'POST' && url.pathname === '/') return false;
  return !url.pathname.startsWith('/detector') && !url.pathname.startsWith('/v20180820/');
}

export function createFakeS3Objects(buckets: Map<string, FakeS3Bucket>) {
  return (req: IncomingMessage, res: ServerResponse, body: string, ctx: FakeServiceContext): boolean => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (!isS3(req, url)) return false;
    // Path-style (`/bucket/key`, as the SDK sends to an IP endpoint) or virtual-hosted
    // (`bucket.localhost`, as it sends to a named one).
    const virtual = /^(.+)\.localhost(:\d+)?$/.exec(String(req.headers.host ?? ''))?.[1];
    const segments = url.pathname.split('/').slice(1);
    const bucketName = virtual ?? segments[0] ?? '';
    const key = decodeURIComponent((virtual === undefined ? segments.slice(1) : segments).join('/'));
    const bucket = buckets.get(bucketName);
    const q = url.searchParams;
    let action = `${req.method} ${url.pathname}`;
    if (q.has('publicAccessBlock')) action = req.method === 'GET' ? 'GetPublicAccessBlock' : req.method === 'PUT' ? 'PutPublicAccessBlock' : 'DeletePublicAccessBlock';
    else if (key !== '' && req.method === 'HEAD') action = 'HeadObject';
    else if (key !== '' && req.method === 'GET') action = 'GetObject';
    else if (key === '' && req.method === 'GET' && q.get('list-type') === '2') action = 'ListObjectsV2';
    else if (key !== '' && req.method === 'DELETE') action = 'DeleteObject';
    // Buckets not in this map are the posture fake's (fake-s3-config.ts).
    if (bucket === undefined) return false;
    ctx.record('s3', action, `${virtual === undefined ? '' : `/${bucketName}`}${url.pathname}${url.search}\n${body}`);
    switch (action) {
      case 'GetPublicAccessBlock': {
        const block = bucket.publicAccessBlock;
        if (block === undefined) xmlError(res, 404, 'NoSuchPublicAccessBlockConfiguration');
        else {
          res.writeHead(200, { 'content-type': 'application/xml' });
          res.end(`<?xml version="1.0" encoding="UTF-8"?><PublicAccessBlockConfiguration xmlns="${NS}">${FLAGS.map((f) => `<${f}>${String(block[f])}</${f}>`).join('')}</PublicAccessBlockConfiguration>`);
        }
        return true;
      }
      case 'PutPublicAccessBlock': {
        const read = (f: string): boolean => new RegExp(`<${f}>true</${f}>`).test(body);
        bucket.publicAccessBlock = { BlockPublicAcls: read('BlockPublicAcls'), IgnorePublicAcls: read('IgnorePublicAcls'), BlockPublicPolicy: read('BlockPublicPolicy'), RestrictPublicBuckets: read('RestrictPublicBuckets') };
        replyAfterHold(ctx, action, res, () => {
          res.writeHead(200);
          res.end();
        });
        return true;
      }
      case 'HeadObject': {
        const latest = bucket.objects.get(key)?.at(-1);
        if (latest === undefined) {
          res.writeHead(404);
          res.end();
        } else {
          res.writeHead(200, { 'content-length': String(latest.body.length), 'last-modified': latest.lastModified.toUTCString(), 'x-amz-version-id': latest.versionId });
          res.end();
        }
        return true;
      }
      case 'ListObjectsV2':
        listObjects(bucket, bucketName, q, res);
        return true;
      case 'GetObject': {
        const latest = bucket.objects.get(key)?.at(-1);
        if (latest === undefined) xmlError(res, 404, 'NoSuchKey');
        else {
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(latest.body.length), etag: etagOf(latest.body), 'last-modified': latest.lastModified.toUTCString(), 'x-amz-version-id': latest.versionId });
          res.end(latest.body);
        }
        return true;
      }
      case 'DeleteObject': {
        const versions = bucket.objects.get(key) ?? [];
        const versionId = q.get('versionId');
        const kept = versionId === null ? [] : versions.filter((v) => v.versionId !== versionId);
        if (kept.length === 0) bucket.objects.delete(key);
        else bucket.objects.set(key, kept);
        replyAfterHold(ctx, action, res, () => {
          res.writeHead(204, versionId === null ? {} : { 'x-amz-version-id': versionId });
          res.end();
        });
        return true;
      }
      default:
        xmlError(res, 501, 'NotImplemented');
        return true;
    }
  };
}
