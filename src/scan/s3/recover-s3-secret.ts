/**
 * Recovers a leaked value from S3 when a rotator or a verification needs it, as
 * scan/recover-secret.ts does from git: the store keeps only the secret's SHA-256 and where it
 * was (`s3://bucket/key`, or `s3://bucket/key!member/path` inside archives), so the object is
 * read again (the member found by its name, archives streamed with the scan's limits) and matched
 * with the same rules; the match whose hash is the incident's is the secret. The value is
 * returned to the caller only, never logged or stored. An object changed or gone since the scan
 * simply yields nothing.
 */
import { Matcher } from '../../detect/matcher.js';
import type { Ruleset } from '../../detect/types.js';
import type { LeakedSecret } from '../../domain/incident.js';
import { decodeText } from '../is-binary.js';
import { findSecretInText } from '../recover-secret.js';
import { archiveKind } from './archive-kind.js';
import { DEFAULT_MAX_ARCHIVE_BYTES, MAX_ARCHIVE_DEPTH } from './archive-limits.js';
import { readArchive } from './read-archive.js';
import { readBounded } from './read-bounded.js';
import type { S3ObjectSource } from './s3-object-source.js';

export interface S3SecretPlace {
  bucket: string;
  key: string;
  /** The whole name as the scan gave it (`s3://bucket/key!member`). */
  name: string;
}

/** The object behind a finding's path; undefined for a path that is not an S3 one. */
export function parseS3SecretPath(path: string): S3SecretPlace | undefined {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(path);
  if (m === null) return undefined;
  // Members are joined with `!`; the object's key is what comes before the first one.
  const bang = m[2]!.indexOf('!');
  return { bucket: m[1]!, key: bang < 0 ? m[2]! : m[2]!.slice(0, bang), name: path };
}

/** The text the scan matched at `place`: the object itself, or one member of it; null when absent. */
async function readText(source: S3ObjectSource, place: S3SecretPlace, maxBytes: number): Promise<Buffer | null> {
  const { body } = await source.get(place.bucket, place.key);
  const objectName = `s3://${place.bucket}/${place.key}`;
  const kind = archiveKind(place.key);
  if (kind === null || place.name === objectName) return readBounded(body, maxBytes);
  let found: Buffer | null = null;
  const limits = { maxMemberBytes: maxBytes, budget: { remaining: DEFAULT_MAX_ARCHIVE_BYTES }, maxDepth: MAX_ARCHIVE_DEPTH };
  await readArchive(body, kind, objectName, limits, {
    text: async (name, data) => {
      if (name === place.name) found = data;
    },
    tooLarge: () => undefined,
    unreadable: () => undefined,
  });
  return found;
}

export async function recoverS3Secret(
  source: S3ObjectSource,
  path: string,
  hashes: readonly string[],
  ruleset: Ruleset,
  options: { maxBytes: number; matcher?: Matcher },
): Promise<LeakedSecret | undefined> {
  const place = parseS3SecretPath(path);
  if (place === undefined) return undefined;
  let data: Buffer | null;
  try {
    data = await readText(source, place, options.maxBytes);
  } catch {
    return undefined;
  }
  if (data === null) return undefined;
  // Decoded as the scanner decoded it when it hashed the secret.
  return findSecretInText(decodeText(data), path, hashes, options.matcher ?? new Matcher(ruleset));
}
