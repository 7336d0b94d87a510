/**
 * The SigV4 "GIT" signature CodeCommit accepts as an HTTPS password, computed as
 * git-remote-codecommit does: method GIT, path /v1/repos/<name>, only the host header signed,
 * no payload hash, service codecommit. The password is `<timestamp>Z<signature>` and is valid
 * for about 15 minutes; the username is the access key id, plus `%<session token>` for
 * temporary credentials.
 */
import { createHash, createHmac } from 'node:crypto';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CodecommitSignatureInput {
  secretAccessKey: string;
  region: string;
  host: string;
  /** Request path, `/v1/repos/<name>`. */
  path: string;
  /** `YYYYMMDDTHHMMSS` (UTC, no trailing Z). */
  timestamp: string;
}

const SERVICE = 'codecommit';

export function codecommitHost(region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `git-codecommit.${region}.${suffix}`;
}

export function codecommitRepoPath(repo: string): string {
  return `/v1/repos/${repo}`;
}

export function formatSigv4Timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function codecommitSignature(input: CodecommitSignatureInput): string {
  const date = input.timestamp.slice(0, 8);
  const canonicalRequest = `GIT\n${input.path}\n\nhost:${input.host}\n\nhost\n`;
  const scope = `${date}/${input.region}/${SERVICE}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    input.timestamp,
    scope,
    createHash('sha256').update(canonicalRequest, 'utf8').digest('hex'),
  ].join('\n');
  let key = hmac(`AWS4${input.secretAccessKey}`, date);
  for (const part of [input.region, SERVICE, 'aws4_request']) key = hmac(key, part);
  return hmac(key, stringToSign).toString('hex');
}

export interface CodecommitGitCredentials {
  username: string;
  password: string;
}

export function signCodecommitRequest(options: {
  credentials: AwsCredentials;
  region: string;
  repo: string;
  /** Defaults to the region's CodeCommit host. */
  host?: string;
  now?: Date;
}): CodecommitGitCredentials {
  const timestamp = formatSigv4Timestamp(options.now ?? new Date());
  const signature = codecommitSignature({
    secretAccessKey: options.credentials.secretAccessKey,
    region: options.region,
    host: options.host ?? codecommitHost(options.region),
    path: codecommitRepoPath(options.repo),
    timestamp,
  });
  const { accessKeyId, sessionToken } = options.credentials;
  return {
    username: sessionToken ? `${accessKeyId}%${sessionToken}` : accessKeyId,
    password: `${timestamp}Z${signature}`,
  };
}
