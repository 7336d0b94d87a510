/**
 * How the fake AWS tells services apart: the SigV4 credential scope names the service (S3 Control
 * signs as `s3`, told apart by its `/v20180820/` path), JSON protocols name the operation in
 * `x-amz-target`. Each service's handler lives in its own file and answers with a FakeReply, or
 * undefined for a request that is not its own, so handlers can be added side by side.
 */
import type { IncomingMessage } from 'node:http';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** From the credential scope: `s3`, `ec2`, `cloudtrail`, `access-analyzer`, ... */
  service: string;
  region: string;
  /** The operation of an `x-amz-target` request (the part after the dot). */
  target: string | undefined;
  /** For S3: the bucket, from a virtual-hosted name (`bucket.localhost`) or the first path segment. */
  bucket: string | undefined;
  /** For S3: the object key, if any. */
  key: string | undefined;
}

export interface FakeReply {
  /** The operation, for the call record. */
  action: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type FakeHandler = (req: FakeRequest) => FakeReply | undefined;

export class FakeAwsError extends Error {
  constructor(
    readonly code: string,
    readonly status = 400,
    readonly text = code,
  ) {
    super(code);
  }
}

export function parseFakeRequest(req: IncomingMessage, body: string): FakeRequest {
  const url = new URL(req.url ?? '/', 'http://fake');
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\//.exec(String(req.headers.authorization ?? ''));
  const target = req.headers['x-amz-target'];
  const host = String(req.headers.host ?? '');
  const virtual = /^(.+)\.localhost(:\d+)?$/.exec(host)?.[1];
  const segments = url.pathname.split('/').slice(1);
  const bucket = virtual ?? (segments[0] === '' ? undefined : decodeURIComponent(segments[0] ?? ''));
  const keyPart = virtual === undefined ? segments.slice(1).join('/') : segments.join('/');
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body,
    service: scope?.[2] ?? '',
    region: scope?.[1] ?? '',
    target: typeof target === 'string' ? target.slice(target.lastIndexOf('.') + 1) : undefined,
    bucket,
    key: keyPart === '' ? undefined : decodeURIComponent(keyPart),
  };
}

export function xmlEscape(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function xmlReply(action: string, body: string, status = 200): FakeReply {
  return { action, status, headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>${body}` };
}

export function jsonReply(action: string, value: unknown, contentType = 'application/x-amz-json-1.1'): FakeReply {
  return { action, status: 200, headers: { 'content-type': contentType }, body: JSON.stringify(value) };
}

/** An error in the shape of the request's protocol. */
export function errorReply(req: FakeRequest, action: string, err: FakeAwsError): FakeReply {
  if (req.target !== undefined) {
    return { action, status: err.status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: err.code, message: err.text }) };
  }
  if (req.service === 'ec2') {
    return xmlReply(action, `<Response><Errors><Error><Code>${err.code}</Code><Message>${xmlEscape(err.text)}</Message></Error></Errors><RequestID>0</RequestID></Response>`, err.status);
  }
  if (req.service === 's3') return xmlReply(action, `<Error><Code>${err.code}</Code><Message>${xmlEscape(err.text)}</Message></Error>`, err.status);
  return { action, status: err.status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': err.code }, body: JSON.stringify({ message: err.text }) };
}

/** Runs `answer`, turning a FakeAwsError into the protocol's error reply. */
export function answering(req: FakeRequest, action: string, answer: () => FakeReply): FakeReply {
  try {
    return answer();
  } catch (err) {
    if (err instanceof FakeAwsError) return errorReply(req, action, err);
    throw err;
  }
}
