/**
 * Git blob ids: sha1 of `blob <byte length>\0<content>`. A candidate whose blob id equals one of
 * our files is a byte-for-byte copy, the cheapest and strongest match there is.
 */
import { createHash } from 'node:crypto';

export function gitBlobId(content: Buffer | string): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
