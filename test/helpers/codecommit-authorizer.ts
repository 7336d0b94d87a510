/**
 * Checks a CodeCommit HTTPS password the way CodeCommit does: the username names the access
 * key (and session token), the password is `<timestamp>Z<signature>`, the signature is
 * recomputed for the request's host and /v1/repos/<name> path, and a timestamp more than 15
 * minutes away from the server's clock is refused.
 */
import { timingSafeEqual } from 'node:crypto';
import { codecommitSignature } from '../../src/git/sign-codecommit.js';
import type { BasicCredentials } from './git-http-server.js';

export interface CodecommitAuthorizerOptions {
  region: string;
  /** Access key id → secret access key the server knows. */
  secrets: ReadonlyMap<string, string>;
  /** Session token each access key must present, for temporary credentials. */
  sessionTokens?: ReadonlyMap<string, string>;
  now?: () => Date;
}

const MAX_SKEW_MS = 15 * 60 * 1000;

function parseTimestamp(timestamp: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(timestamp)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export function createCodecommitAuthorizer(options: CodecommitAuthorizerOptions) {
  return (credentials: BasicCredentials): boolean => {
    const [accessKeyId, sessionToken] = credentials.username.split('%', 2) as [string, string | undefined];
    const secret = options.secrets.get(accessKeyId);
    if (secret === undefined) return false;
    const expectedToken = options.sessionTokens?.get(accessKeyId);
    if (expectedToken !== sessionToken) return false;
    const password = /^(\d{8}T\d{6})Z([0-9a-f]{64})$/.exec(credentials.password);
    const repo = /^\/v1\/repos\/([^/]+)/.exec(credentials.path);
    if (!password || !repo) return false;
    const [, timestamp, signature] = password as unknown as [string, string, string];
    const now = (options.now ?? (() => new Date()))().getTime();
    if (Math.abs(now - parseTimestamp(timestamp)) > MAX_SKEW_MS) return false;
    const expected = codecommitSignature({
      secretAccessKey: secret,
      region: options.region,
      host: credentials.host,
      path: `/v1/repos/${repo[1]}`,
      timestamp,
    });
    return timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  };
}
